import { describe, expect, it } from "vitest";
import { Environment } from "../engine/index.ts";
import { DeskLevels } from "./DeskLevels.ts";
import { IntervalSeries } from "./IntervalSeries.ts";

/** Runs `steps` at their times: each sets the levels then. */
function script(env: Environment, steps: [number, () => void][]): void {
  env.process(
    (function* () {
      for (const [at, step] of steps) {
        yield env.timeout(at - env.now);
        step();
      }
    })(),
  );
}

describe("DeskLevels", () => {
  it("snapshot(series, i) writes each level's area since the previous snapshot: chat, busy and online agent seconds", () => {
    const env = new Environment();
    const levels = new DeskLevels(env, 3);
    const series = new IntervalSeries(2);
    // 0–10 s: 2 chats on 1 busy agent, 3 present; 10–20 s: 1 chat, 1 busy, 2 present.
    script(env, [
      [
        0,
        () => {
          levels.jobs.set(2);
          levels.busyAgents.set(1);
        },
      ],
      [
        10,
        () => {
          levels.snapshot(series, 0);
          levels.jobs.set(1);
          levels.onlineAgents.set(2);
        },
      ],
      [20, () => levels.snapshot(series, 1)],
    ]);
    env.run();
    expect(Array.from(series.get("chatSeconds"))).toEqual([20, 10]);
    expect(Array.from(series.get("busyAgentSeconds"))).toEqual([10, 10]);
    expect(Array.from(series.get("onlineAgentSeconds"))).toEqual([30, 20]);
    // Means over the 20 s: chats (20 + 10) ÷ 20, busy 1, present (30 + 20) ÷ 20.
    expect(levels.means()).toEqual({ meanChatsInService: 1.5, meanBusyAgents: 1, meanOnlineAgents: 2.5 });
  });

  it("snapshot with a negative interval writes nothing and keeps the areas for the next snapshot", () => {
    const env = new Environment();
    const levels = new DeskLevels(env, 1);
    const series = new IntervalSeries(1);
    script(env, [
      [5, () => levels.snapshot(series, -1)],
      [8, () => levels.snapshot(series, 0)],
    ]);
    env.run();
    expect(Array.from(series.get("onlineAgentSeconds"))).toEqual([8]);
  });

  it("measuredWindow measures from the end of the warm-up to the horizon and calls back at both", () => {
    const env = new Environment();
    const levels = new DeskLevels(env, 2);
    const calls: [string, number][] = [];
    expect(levels.measured).toEqual({ chatSeconds: 0, busyAgentSeconds: 0, onlineAgentSeconds: 0 });
    env.process(
      levels.measuredWindow(
        env,
        10,
        40,
        () => calls.push(["warmup", env.now]),
        () => calls.push(["horizon", env.now]),
      ),
    );
    // 1 chat on 1 agent from 5 s to 25 s; 2 agents present throughout.
    script(env, [
      [
        5,
        () => {
          levels.jobs.set(1);
          levels.busyAgents.set(1);
        },
      ],
      [
        25,
        () => {
          levels.jobs.set(0);
          levels.busyAgents.set(0);
        },
      ],
    ]);
    env.run();
    expect(calls).toEqual([
      ["warmup", 10],
      ["horizon", 40],
    ]);
    expect(levels.measured).toEqual({ chatSeconds: 15, busyAgentSeconds: 15, onlineAgentSeconds: 60 });
  });

  it("measuredWindow without a warm-up measures from time 0", () => {
    const env = new Environment();
    const levels = new DeskLevels(env, 1);
    const calls: number[] = [];
    env.process(
      levels.measuredWindow(
        env,
        0,
        30,
        () => calls.push(env.now),
        () => calls.push(env.now),
      ),
    );
    script(env, [[0, () => levels.jobs.set(2)]]);
    env.run();
    expect(calls).toEqual([0, 30]);
    expect(levels.measured).toEqual({ chatSeconds: 60, busyAgentSeconds: 0, onlineAgentSeconds: 30 });
  });

  it("its levels name what they measure in the error for a non-finite level", () => {
    const levels = new DeskLevels(new Environment(), 1);
    expect(() => levels.jobs.set(Number.NaN)).toThrow(/^invalid chats in service level/);
    expect(() => levels.busyAgents.set(Number.NaN)).toThrow(/^invalid busy agents level/);
    expect(() => levels.onlineAgents.set(Number.NaN)).toThrow(/^invalid present agents level/);
  });
});
