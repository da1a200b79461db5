import { describe, expect, it } from "vitest";
import { Environment } from "./Environment.ts";

describe("conditions", () => {
  it("anyOf succeeds at the first child and reports which one fired", () => {
    const env = new Environment();
    const fast = env.timeout(2, "fast");
    const slow = env.timeout(7, "slow");
    const log: [number, unknown[]][] = [];
    env.process(
      (function* () {
        const fired = yield env.anyOf([fast, slow]);
        log.push([env.now, fired.map((e: any) => e.value)]);
      })(),
    );
    env.run();
    expect(log).toEqual([[2, ["fast"]]]);
  });

  it("allOf waits for every child", () => {
    const env = new Environment();
    const log: number[] = [];
    env.process(
      (function* () {
        yield env.allOf([env.timeout(2), env.timeout(9), env.timeout(4)]);
        log.push(env.now);
      })(),
    );
    env.run();
    expect(log).toEqual([9]);
  });

  it("allOf of no events succeeds at once; anyOf of no events too", () => {
    const env = new Environment();
    const log: string[] = [];
    env.process(
      (function* () {
        yield env.allOf([]);
        log.push("all");
        yield env.anyOf([]);
        log.push("any");
      })(),
    );
    env.run();
    expect(log).toEqual(["all", "any"]);
  });

  it("a failing child fails the condition and the waiting process receives the error", () => {
    const env = new Environment();
    const caught: string[] = [];
    const bad = env.event();
    env.timeout(1).addCallback(() => bad.fail(new Error("child broke")));
    env.process(
      (function* () {
        try {
          yield env.anyOf([bad, env.timeout(5)]);
        } catch (error) {
          caught.push(`${(error as Error).message}@${env.now}`);
        }
      })(),
    );
    env.run();
    expect(caught).toEqual(["child broke@1"]);
  });

  it("anyOf with a cancelled patience timer keeps the queue clean (reneging pattern)", () => {
    const env = new Environment();
    const served = env.timeout(3, "served");
    const patience = env.timeout(100, "gave up");
    env.process(
      (function* () {
        yield env.anyOf([served, patience]);
        patience.cancel();
      })(),
    );
    env.run();
    expect(env.now).toBe(3);
    expect(env.queueSize).toBe(0);
  });

  it("refuses events of another environment", () => {
    const env = new Environment();
    const elsewhere = new Environment().timeout(1);
    expect(() => env.anyOf([elsewhere])).toThrow(/^cannot mix events of different environments$/);
    expect(() => env.allOf([env.timeout(1), elsewhere])).toThrow(/^cannot mix events of different environments$/);
  });
  it("anyOf with an already processed child succeeds with it at once and waits on none of the later children", () => {
    const env = new Environment();
    const done = env.timeout(1, "done");
    env.run();
    const later = env.timeout(5, "later");
    const any = env.anyOf([done, later]);
    expect(any.triggered).toBe(true);
    // Nobody waits on `later`: the condition was met before reaching it (hasCallbacks: someone waits).
    expect(later.hasCallbacks).toBe(false);
    env.run();
    expect(any.value.map((event) => event.value)).toEqual(["done"]);
  });

  it("allOf with processed and pending children succeeds when the last pending one does, listing them in order of success", () => {
    const env = new Environment();
    const first = env.timeout(1, "first");
    env.run();
    const log: [number, unknown[]][] = [];
    env.process(
      (function* () {
        const fired = yield env.allOf([env.timeout(3, "third"), first, env.timeout(2, "second")]);
        log.push([env.now, fired.map((e: any) => e.value)]);
      })(),
    );
    env.run();
    expect(log).toEqual([[4, ["first", "second", "third"]]]);
  });
  it("allOf([]) and anyOf([]) succeed with an empty list: no child fired", () => {
    const env = new Environment();
    const all = env.allOf([]);
    const any = env.anyOf([]);
    env.run();
    expect([all.value, any.value]).toEqual([[], []]);
  });
});
