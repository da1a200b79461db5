import { describe, expect, it } from "vitest";
import { Environment } from "./Environment.ts";
import { SharedService } from "./SharedService.ts";

/** Each job runs at 1 ÷ (1 + 0.5 (n − 1)) work units per second while its server holds n jobs. */
const rate = (load: number) => 1 / (1 + 0.5 * (load - 1));

function job(env: Environment, service: SharedService, log: unknown[], name: string, server: number, at: number, work: number): void {
  env.process(
    (function* () {
      yield env.timeout(at);
      const result = yield service.start(server, work);
      log.push([name, env.now, result.elapsedSeconds, result.meanLoad]);
    })(),
  );
}

/** Log of [name, finish time, elapsed, mean load] for job A (10 units at t=0, server 0) and B (4 units at t=2 on `serverOfB`). */
function twoJobs(serverOfB: number): unknown[] {
  const env = new Environment();
  const service = new SharedService(env, rate);
  const log: unknown[] = [];
  job(env, service, log, "A", 0, 0, 10);
  job(env, service, log, "B", serverOfB, 2, 4);
  env.run();
  return log;
}

describe("SharedService", () => {
  it("start() slows a job while its server holds another and speeds it up when that one ends", () => {
    // Both run at 1/1.5 from t=2: B needs 6 s (t=8), A has 8 − 4 = 4 left at t=8 and runs alone at
    // rate 1 (t=12). A's mean load: (2·1 + 6·2 + 4·1) ÷ 12.
    expect(twoJobs(0)).toEqual([
      ["B", 8, 6, 2],
      ["A", 12, 12, 1.5],
    ]);
  });

  it("start() on different servers keeps their speeds independent", () => {
    expect(twoJobs(1)).toEqual([
      ["B", 6, 4, 1],
      ["A", 10, 10, 1],
    ]);
  });

  it("start() moves the completion timer instead of leaving stale ones on the queue", () => {
    const env = new Environment();
    const service = new SharedService(env, rate);
    const log: unknown[] = [];
    for (let i = 0; i < 3; i++) job(env, service, log, `J${i}`, 0, i, 30);
    env.run({ until: 2.5 });
    // Three waiting processes would hold nothing; one completion timer is the only queued event.
    expect(service.loadOf(0)).toBe(3);
    expect(env.queueSize).toBe(1);
    env.run();
    expect(log.map((entry) => (entry as unknown[])[0])).toEqual(["J0", "J1", "J2"]);
    expect(service.loadOf(0)).toBe(0);
  });

  it("start(server, work) rejects negative or infinite work", () => {
    const service = new SharedService(new Environment(), rate);
    expect(() => service.start(0, -1)).toThrow(/invalid work: -1 \(must be a finite number >= 0\)/);
    expect(() => service.start(0, Infinity)).toThrow(/invalid work: Infinity/);
  });

  it("a job of zero work ends where it starts: elapsed 0, mean load the jobs on its server counting itself", () => {
    // B (0 units) joins A (10 units) at t=2 and leaves at once, so A runs alone throughout: done at 10, load 1.
    const env = new Environment();
    const service = new SharedService(env, rate);
    const log: unknown[] = [];
    job(env, service, log, "A", 0, 0, 10);
    job(env, service, log, "B", 0, 2, 0);
    expect(service.loadOf(7)).toBe(0);
    env.run();
    expect(log).toEqual([
      ["B", 2, 0, 2],
      ["A", 10, 10, 1],
    ]);
  });
  it("classic processor sharing (each of n jobs at 1/n): joins, departures, an idle gap and mean loads by hand", () => {
    // A: 4 units at t=1; B: 1 at t=3; C: 3 at t=4; D: 2 at t=12, all on server 0.
    // t 1-3: A alone at rate 1 (2 done, 2 left). t 3-4: A, B at 1/2 (A 1.5 left, B 0.5 left).
    // t 4-5.5: A, B, C at 1/3: B ends at 5.5 (A 1 left, C 2.5 left). t 5.5-7.5: A, C at 1/2: A ends
    // at 7.5 (C 1.5 left). t 7.5-9: C alone: ends at 9. The server idles until D runs alone, 12-14.
    // Mean loads: B (2·1 + 3·1.5)/2.5 = 2.6; A (1·2 + 2·1 + 3·1.5 + 2·2)/6.5 = 12.5/6.5; C (3·1.5 + 2·2 + 1·1.5)/5 = 2.
    const env = new Environment();
    const service = new SharedService(env, (load) => 1 / load);
    const log: unknown[] = [];
    job(env, service, log, "A", 0, 1, 4);
    job(env, service, log, "B", 0, 3, 1);
    job(env, service, log, "C", 0, 4, 3);
    job(env, service, log, "D", 0, 12, 2);
    env.run();
    const expected: [string, number, number, number][] = [
      ["B", 5.5, 2.5, 2.6],
      ["A", 7.5, 6.5, 12.5 / 6.5],
      ["C", 9, 5, 2],
      ["D", 14, 2, 1],
    ];
    expect(log.map((entry) => (entry as unknown[])[0])).toEqual(expected.map(([name]) => name));
    for (const [i, [, finish, elapsed, meanLoad]] of expected.entries()) {
      const [, actualFinish, actualElapsed, actualLoad] = log[i] as number[];
      expect(actualFinish).toBeCloseTo(finish, 12);
      expect(actualElapsed).toBeCloseTo(elapsed, 12);
      expect(actualLoad).toBeCloseTo(meanLoad, 12);
    }
  });

  it("jobs that finish at the same moment complete in the order they started (like same-time events)", () => {
    // Two jobs of 3 units from t=0 under processor sharing: both at 1/2, both done at t=6.
    const env = new Environment();
    const service = new SharedService(env, (load) => 1 / load);
    const log: unknown[] = [];
    job(env, service, log, "first", 0, 0, 3);
    job(env, service, log, "second", 0, 0, 3);
    env.run();
    expect(log).toEqual([
      ["first", 6, 6, 2],
      ["second", 6, 6, 2],
    ]);
  });
});
