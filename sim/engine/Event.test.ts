import { describe, expect, it } from "vitest";
import { EmptySchedule, Environment } from "./Environment.ts";
import type { Event } from "./Event.ts";

// The event life cycle is SimPy's (pending → triggered → processed); these tests pin each transition
// and the errors for the ones that are not allowed.
describe("Event", () => {
  it("goes pending → triggered → processed; its value throws while pending", () => {
    const env = new Environment();
    const event = env.event<number>();
    expect([event.triggered, event.processed, event.ok]).toEqual([false, false, true]);
    expect(() => event.value).toThrow(/^event value is not available yet \(event is pending\)$/);
    event.succeed(5);
    expect([event.triggered, event.processed, event.value]).toEqual([true, false, 5]);
    env.run();
    expect([event.triggered, event.processed, event.value]).toEqual([true, true, 5]);
  });

  it("succeed, fail and settle refuse an event that was already triggered", () => {
    const env = new Environment();
    const event = env.event();
    event.succeed();
    expect(() => event.succeed()).toThrow(/^event has already been triggered$/);
    expect(() => event.fail(new Error("late"))).toThrow(/^event has already been triggered$/);
    expect(() => event.settle(1)).toThrow(/^event has already been triggered$/);
    const failed = env.event();
    failed.fail(new Error("first"));
    failed.defused = true;
    expect(() => failed.succeed()).toThrow(/^event has already been triggered$/);
    expect(() => failed.fail(new Error("second"))).toThrow(/^event has already been triggered$/);
    env.run();
  });

  it("fail(error) makes ok false and the value the error; a failure a callback defuses is not thrown by run()", () => {
    const env = new Environment();
    const error = new Error("payment declined");
    const event = env.event();
    event.fail(error);
    expect(event.ok).toBe(false);
    expect(event.value).toBe(error);
    event.addCallback((failed) => {
      failed.defused = true;
    });
    expect(() => env.run()).not.toThrow();
    const unhandled = env.event();
    unhandled.fail(error);
    expect(() => env.run()).toThrow(error);
  });

  it("settle(value) processes the event at once, off the queue, and refuses an event with callbacks", () => {
    const env = new Environment();
    const event = env.event<number>();
    event.settle(3);
    expect([event.processed, event.value, env.queueSize]).toEqual([true, 3, 0]);
    expect(() => event.addCallback(() => {})).toThrow(/^cannot add a callback to a processed event$/);
    const awaited = env.event<number>();
    awaited.addCallback(() => {});
    expect(() => awaited.settle(1)).toThrow(/^cannot settle an event that has callbacks$/);
  });

  it("callbacks run in registration order; removeCallback takes out the first, a later one, or nothing", () => {
    const env = new Environment();
    const run = (remove: string[]) => {
      const log: string[] = [];
      const event = env.event();
      const callbacks = new Map(["a", "b", "c", "d"].map((name) => [name, () => log.push(name)] as const));
      for (const callback of callbacks.values()) event.addCallback(callback);
      for (const name of remove) event.removeCallback(callbacks.get(name) ?? (() => {}));
      event.succeed();
      env.run();
      return log;
    };
    expect(run([])).toEqual(["a", "b", "c", "d"]);
    expect(run(["a"])).toEqual(["b", "c", "d"]);
    expect(run(["c"])).toEqual(["a", "b", "d"]);
    expect(run(["a", "b"])).toEqual(["c", "d"]);
    expect(run(["d", "a"])).toEqual(["b", "c"]);
    expect(run(["unknown"])).toEqual(["a", "b", "c", "d"]);
  });

  it("hasCallbacks is true while someone waits; removing the only callback or processing clears it", () => {
    const env = new Environment();
    const event = env.event();
    expect(event.hasCallbacks).toBe(false);
    const callback = () => {};
    event.addCallback(callback);
    expect(event.hasCallbacks).toBe(true);
    event.removeCallback(callback);
    expect(event.hasCallbacks).toBe(false);
    event.removeCallback(callback); // not registered any more: no effect
    const other = env.event();
    other.addCallback(callback);
    other.succeed();
    env.run();
    expect(other.hasCallbacks).toBe(false);
  });

  it("a cancelled timeout reports cancelled; cancelling it again or after it ran has no effect", () => {
    const env = new Environment();
    const log: number[] = [];
    const cancelled = env.timeout(2);
    cancelled.addCallback(() => log.push(2));
    const ran = env.timeout(1);
    ran.addCallback(() => log.push(1));
    expect(cancelled.cancelled).toBe(false);
    cancelled.cancel();
    cancelled.cancel();
    expect([cancelled.cancelled, cancelled.processed, env.queueSize]).toEqual([true, true, 1]);
    env.run();
    ran.cancel();
    expect([ran.cancelled, log]).toEqual([false, [1]]);
  });
});

describe("Environment clock and queue", () => {
  it("peek() is the time of the next event, Infinity when there is none; queueSize counts queued events", () => {
    const env = new Environment(100);
    expect(env.now).toBe(100);
    expect(env.peek()).toBe(Infinity);
    env.timeout(5);
    env.timeout(2);
    const now: Event = env.event();
    expect(env.peek()).toBe(102);
    now.succeed(undefined);
    expect(env.peek()).toBe(100);
    expect(env.queueSize).toBe(3);
    env.step();
    expect([env.now, env.queueSize, env.peek()]).toEqual([100, 2, 102]);
    env.run();
    expect([env.now, env.queueSize]).toEqual([105, 0]);
  });

  it("step() on an empty queue throws EmptySchedule with its own name and message", () => {
    const env = new Environment();
    let caught: unknown;
    try {
      env.step();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EmptySchedule);
    expect((caught as Error).name).toBe("EmptySchedule");
    expect((caught as Error).message).toBe("no scheduled events left");
  });

  it("run({until}) rejects NaN and leaves the clock at until when the queue empties before it", () => {
    const env = new Environment();
    expect(() => env.run({ until: NaN })).toThrow(/^invalid until: NaN \(must be >= the current time 0\)$/);
    env.timeout(3);
    env.run({ until: 10 });
    expect(env.now).toBe(10);
    env.run({ until: 10 }); // until = now is allowed and changes nothing
    expect(env.now).toBe(10);
  });

  it("timeout and timeoutAt reject infinite times with the house message", () => {
    const env = new Environment(5);
    expect(() => env.timeout(Infinity)).toThrow(/^invalid timeout delay: Infinity \(must be a finite number >= 0\)$/);
    expect(() => env.timeout(-1)).toThrow(/^invalid timeout delay: -1 \(must be a finite number >= 0\)$/);
    expect(() => env.timeoutAt(Infinity)).toThrow(/^invalid timeout time: Infinity \(must be a finite number >= the current time 5\)$/);
    expect(() => env.timeoutAt(4)).toThrow(/^invalid timeout time: 4 \(must be a finite number >= the current time 5\)$/);
  });

  it("timeoutAt works on a clock that starts before 0: the event lands on its absolute time", () => {
    const env = new Environment(-100);
    const log: number[] = [];
    env.timeoutAt(-40).addCallback(() => log.push(env.now));
    env.run();
    expect(log).toEqual([-40]);
  });

  it("timeoutAt events run in scheduling order at equal times and never hold back an earlier event", () => {
    const env = new Environment();
    const log: string[] = [];
    env.timeoutAt(10).addCallback(() => log.push("at 10"));
    env.timeout(0).addCallback(() => log.push("now"));
    env.timeoutAt(5).addCallback(() => log.push("at 5, first"));
    env.timeoutAt(5).addCallback(() => log.push("at 5, second"));
    env.run();
    expect(log).toEqual(["now", "at 5, first", "at 5, second", "at 10"]);
  });
});
