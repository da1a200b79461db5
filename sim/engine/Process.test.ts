import { describe, expect, it } from "vitest";
import { Environment } from "./Environment.ts";
import { Interrupt } from "./Process.ts";

describe("Process", () => {
  it("a process waiting for another process receives its return value", () => {
    const env = new Environment();
    const log: [string, number, unknown][] = [];
    const child = env.process(
      (function* () {
        yield env.timeout(4);
        return "done";
      })(),
    );
    env.process(
      (function* () {
        const value = yield child;
        log.push(["parent", env.now, value]);
      })(),
    );
    env.run();
    expect(log).toEqual([["parent", 4, "done"]]);
  });

  it("a process that yields an already processed event continues at once", () => {
    const env = new Environment();
    const log: [string, number][] = [];
    const early = env.timeout(1, "x");
    env.process(
      (function* () {
        yield env.timeout(5);
        const value = yield early;
        log.push([String(value), env.now]);
      })(),
    );
    env.run();
    expect(log).toEqual([["x", 5]]);
  });

  it("interrupt() throws Interrupt into the process, which stops waiting for its target", () => {
    const env = new Environment();
    const log: [string, number, unknown][] = [];
    const worker = env.process(
      (function* () {
        try {
          yield env.timeout(10);
          log.push(["finished", env.now, null]);
        } catch (error) {
          if (!(error instanceof Interrupt)) throw error;
          log.push(["interrupted", env.now, error.cause]);
          yield env.timeout(1);
          log.push(["recovered", env.now, null]);
        }
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(3);
        worker.interrupt("shift over");
      })(),
    );
    env.run();
    expect(log).toEqual([
      ["interrupted", 3, "shift over"],
      ["recovered", 4, null],
    ]);
  });

  it("interrupting a terminated process is an error", () => {
    const env = new Environment();
    const process = env.process((function* () {})());
    env.run();
    expect(() => process.interrupt()).toThrow(/terminated/);
  });

  it("an uncaught interrupt fails the process and surfaces from run()", () => {
    const env = new Environment();
    const worker = env.process(
      (function* () {
        yield env.timeout(10);
      })(),
    );
    env.timeout(1).addCallback(() => worker.interrupt("stop"));
    expect(() => env.run()).toThrow(Interrupt);
  });

  it("a failure of an awaited process is thrown into the waiting process", () => {
    const env = new Environment();
    const caught: string[] = [];
    const child = env.process(
      (function* () {
        yield env.timeout(1);
        throw new Error("child failed");
      })(),
    );
    env.process(
      (function* () {
        try {
          yield child;
        } catch (error) {
          caught.push((error as Error).message);
        }
      })(),
    );
    env.run();
    expect(caught).toEqual(["child failed"]);
  });

  it("yielding something that is not an event fails the process with a TypeError", () => {
    const env = new Environment();
    env.process(
      (function* (): Generator<any, void, any> {
        yield 42;
      })(),
    );
    expect(() => env.run()).toThrow(/yielded 42, which is not an event/);
  });

  it("processes start at the current time before NORMAL events already scheduled for it", () => {
    const env = new Environment();
    const log: string[] = [];
    const ready = env.event();
    ready.addCallback(() => log.push("event"));
    ready.succeed();
    env.process(
      (function* () {
        log.push("process start");
        yield env.timeout(0);
      })(),
    );
    env.run();
    expect(log).toEqual(["process start", "event"]);
  });

  it("startProcess runs the generator to its first yield before returning, ahead of events already due now", () => {
    const env = new Environment();
    const log: [string, number][] = [];
    env.timeout(3).addCallback(() => {
      env.timeout(0).addCallback(() => log.push(["due now", env.now]));
      const started = env.startProcess(
        (function* () {
          log.push(["started", env.now]);
          yield env.timeout(1);
          log.push(["resumed", env.now]);
          return "done";
        })(),
      );
      log.push(["returned", env.now]);
      started.addCallback((event) => log.push([String(event.value), env.now]));
    });
    env.run();
    expect(log).toEqual([
      ["started", 3],
      ["returned", 3],
      ["due now", 3],
      ["resumed", 4],
      ["done", 4],
    ]);
  });

  it("startProcess of a generator that ends at once leaves nothing on the queue", () => {
    const env = new Environment();
    const process = env.startProcess(
      (function* (waits: boolean) {
        if (waits) yield env.timeout(1);
        return 7;
      })(false),
    );
    expect(process.processed).toBe(true);
    expect(process.value).toBe(7);
    expect(env.queueSize).toBe(0);
  });

  it("target is the event the process waits for, null once it has finished", () => {
    const env = new Environment();
    const wait = env.timeout(3);
    const process = env.process(
      (function* () {
        yield wait;
      })(),
    );
    expect(process.target).toBeNull(); // not started yet
    env.step(); // the start
    expect([process.target, process.isAlive]).toEqual([wait, true]);
    env.run();
    expect([process.target, process.isAlive]).toEqual([null, false]);
  });

  it("Interrupt carries its cause in its name and message", () => {
    const interrupt = new Interrupt("shift over");
    expect([interrupt.name, interrupt.message, interrupt.cause]).toEqual(["Interrupt", "interrupted: shift over", "shift over"]);
  });
  it("a second interrupt at the same time, after the first ended the process, does nothing", () => {
    const env = new Environment();
    const causes: unknown[] = [];
    const worker = env.process(
      (function* () {
        try {
          yield env.timeout(10);
        } catch (error) {
          causes.push((error as Interrupt).cause);
          return "stopped";
        }
      })(),
    );
    env.timeout(1).addCallback(() => {
      // Both are accepted while the worker is alive; the first one ends it.
      worker.interrupt("first");
      worker.interrupt("second");
    });
    env.run();
    expect(causes).toEqual(["first"]);
    expect([worker.isAlive, worker.value, env.now]).toEqual([false, "stopped", 10]);
  });
});
