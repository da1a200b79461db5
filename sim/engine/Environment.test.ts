import { describe, expect, it } from "vitest";
import { EmptySchedule, Environment } from "./Environment.ts";
import { URGENT } from "./Event.ts";

function* ticker(env: Environment, log: [string, number][], name: string, delay: number, count: number) {
  for (let i = 0; i < count; i++) {
    yield env.timeout(delay);
    log.push([name, env.now]);
  }
}

describe("Environment", () => {
  it("run() processes timeouts in time order and leaves the clock at the last event", () => {
    const env = new Environment();
    const log: [string, number][] = [];
    env.process(ticker(env, log, "a", 3, 2));
    env.process(ticker(env, log, "b", 2, 3));
    env.run();
    expect(log).toEqual([
      ["b", 2],
      ["a", 3],
      ["b", 4],
      ["a", 6],
      ["b", 6],
    ]);
    expect(env.now).toBe(6);
  });

  it("same-time events run in the order they were scheduled", () => {
    const env = new Environment();
    const log: string[] = [];
    for (const name of ["first", "second", "third"]) {
      env.timeout(5).addCallback(() => log.push(name));
    }
    env.run();
    expect(log).toEqual(["first", "second", "third"]);
  });

  it("URGENT events run before NORMAL events at the same time", () => {
    const env = new Environment();
    const log: string[] = [];
    env.event().addCallback(() => log.push("normal"));
    const normal = env.event();
    normal.addCallback(() => log.push("normal"));
    normal.succeed();
    const urgent = env.event();
    urgent.addCallback(() => log.push("urgent"));
    urgent.succeed(undefined, URGENT);
    env.run();
    expect(log).toEqual(["urgent", "normal"]);
  });

  it("run({until}) stops before events at until and sets the clock to until", () => {
    const env = new Environment();
    const log: [string, number][] = [];
    env.process(ticker(env, log, "t", 5, 10));
    env.run({ until: 15 });
    expect(log).toEqual([
      ["t", 5],
      ["t", 10],
    ]);
    expect(env.now).toBe(15);
    env.run({ until: 16 });
    expect(log.at(-1)).toEqual(["t", 15]);
  });

  it("run({until}) before now is rejected with a clear message", () => {
    const env = new Environment(10);
    expect(() => env.run({ until: 5 })).toThrow(/invalid until: 5 \(must be >= the current time 10\)/);
  });

  it("step() processes exactly one event and throws EmptySchedule when none is left", () => {
    const env = new Environment();
    env.timeout(1);
    env.timeout(2);
    env.step();
    expect(env.now).toBe(1);
    env.step();
    expect(env.now).toBe(2);
    expect(() => env.step()).toThrow(EmptySchedule);
  });

  it("a failed event that nobody handles is thrown from run()", () => {
    const env = new Environment();
    env.event().fail(new Error("boom"));
    expect(() => env.run()).toThrow("boom");
  });

  it("a process that throws and is not awaited makes run() throw its error", () => {
    const env = new Environment();
    env.process(
      (function* () {
        yield env.timeout(1);
        throw new Error("process crashed");
      })(),
    );
    expect(() => env.run()).toThrow("process crashed");
  });

  it("100k cancelled timers do not grow the event queue", () => {
    // The bound is checked after every step, so a queue that kept cancelled timers would show ~100k
    // entries; 1M steps said no more and overran the mutation runner's 120 s test timeout when instrumented.
    const env = new Environment();
    let maxQueue = 0;
    env.process(
      (function* () {
        for (let i = 0; i < 100_000; i++) {
          const patience = env.timeout(600);
          yield env.timeout(1);
          patience.cancel();
          if (env.queueSize > maxQueue) maxQueue = env.queueSize;
        }
      })(),
    );
    env.run();
    // At most the live patience timer, the process's own timeout and its resumption are queued.
    expect(maxQueue).toBeLessThanOrEqual(2);
    expect(env.now).toBe(100_000);
  });

  it("a cancelled timeout never runs its callbacks", () => {
    const env = new Environment();
    const timer = env.timeout(5);
    let fired = false;
    timer.addCallback(() => (fired = true));
    env.timeout(1).addCallback(() => timer.cancel());
    env.run();
    expect(fired).toBe(false);
    expect(timer.cancelled).toBe(true);
    expect(env.now).toBe(1);
  });

  it("timeout rejects negative and non-finite delays", () => {
    const env = new Environment();
    expect(() => env.timeout(-1)).toThrow(/invalid timeout delay: -1/);
    expect(() => env.timeout(NaN)).toThrow(/invalid timeout delay: NaN/);
    expect(() => env.timeout(Infinity)).toThrow(/invalid timeout delay: Infinity/);
  });

  it("timeoutAt(at) lands exactly on `at`, where timeout(at − now) rounds past it", () => {
    // now = 26/7, at = now + 26/3 + 0.1: now + (at − now) is one ulp above at.
    const env = new Environment();
    const now = 26 / 7;
    const at = now + 26 / 3 + 0.1;
    const log: [string, number][] = [];
    env.process(
      (function* () {
        yield env.timeout(now);
        env.timeout(at - env.now).addCallback(() => log.push(["timeout", env.now]));
        yield env.timeoutAt(at);
        log.push(["timeoutAt", env.now]);
      })(),
    );
    env.run();
    expect(log).toEqual([
      ["timeoutAt", 12.48095238095238],
      ["timeout", 12.480952380952381],
    ]);
  });

  it("timeoutAt at the current time runs after events already due now; it rejects times in the past", () => {
    const env = new Environment();
    const log: string[] = [];
    env.timeout(2).addCallback(() => {
      env.timeout(0).addCallback(() => log.push("first"));
      env.timeoutAt(2).addCallback(() => log.push("second"));
      expect(() => env.timeoutAt(1)).toThrow(/invalid timeout time: 1 \(must be a finite number >= the current time 2\)/);
      expect(() => env.timeoutAt(NaN)).toThrow(/invalid timeout time: NaN/);
    });
    env.run();
    expect(log).toEqual(["first", "second"]);
  });
});
