import { describe, expect, it } from "vitest";
import { Environment } from "../engine/index.ts";
import { SHOPPER_STREAMS, Shopper } from "./Shopper.ts";
import { meet, pass } from "./shopperClock.ts";
import { tinyStore } from "./testTinyStore.ts";

const KEYS = SHOPPER_STREAMS.map((_, index) => (index + 1) / 16);
const shopperAt = (arrivedAtSeconds: number) => new Shopper(0, 0, tinyStore("idleSeconds >= 1", 0).segments[0], arrivedAtSeconds, KEYS, false);

describe("shopperClock", () => {
  it("pass(seconds) moves only the shopper's clock while no chat runs beside the visit; nothing is scheduled", () => {
    const env = new Environment();
    const shopper = shopperAt(0);
    expect(pass(env, shopper, 5)).toBeNull();
    expect(pass(env, shopper, 2.5)).toBeNull();
    expect(shopper.clockSeconds).toBe(7.5);
    env.run();
    expect(env.now).toBe(0);
  });

  it("pass(0) and pass(−1) change nothing and return null, also with a background chat", () => {
    const env = new Environment();
    const shopper = shopperAt(3);
    shopper.backgroundChats = 1;
    expect(pass(env, shopper, 0)).toBeNull();
    expect(pass(env, shopper, -1)).toBeNull();
    expect(shopper.clockSeconds).toBe(3);
  });

  it("pass(seconds) with a background chat returns a timeout at the shopper's new clock", () => {
    const env = new Environment();
    const shopper = shopperAt(0);
    shopper.backgroundChats = 1;
    const times: number[] = [];
    env.process(
      (function* () {
        const first = pass(env, shopper, 4);
        expect(first).not.toBeNull();
        yield first!;
        times.push(env.now);
        const second = pass(env, shopper, 6);
        yield second!;
        times.push(env.now);
      })(),
    );
    env.run();
    expect(times).toEqual([4, 10]);
    expect(shopper.clockSeconds).toBe(10);
  });

  it("meet returns a timeout to the shopper's clock when it runs ahead of the engine's, and null when they agree", () => {
    const env = new Environment();
    const shopper = shopperAt(0);
    expect(meet(env, shopper)).toBeNull();
    shopper.clockSeconds = 12;
    const times: number[] = [];
    env.process(
      (function* () {
        const lag = meet(env, shopper);
        expect(lag).not.toBeNull();
        yield lag!;
        times.push(env.now);
        expect(meet(env, shopper)).toBeNull();
      })(),
    );
    env.run();
    expect(times).toEqual([12]);
  });
});
