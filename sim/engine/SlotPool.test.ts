import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Environment } from "./Environment.ts";
import { SlotPool } from "./SlotPool.ts";

describe("SlotPool", () => {
  it("assigns each new job to the least-loaded server, up to slotsPerServer each", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 2, slotsPerServer: 2 });
    const servers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const request = pool.request();
      if (request.granted) servers.push(request.server);
    }
    expect(servers).toEqual([0, 1, 0, 1]);
    expect(pool.queueLength).toBe(1);
    expect(pool.loadOf(0)).toBe(2);
    expect(pool.busyServers).toBe(2);
    expect(pool.jobsInService).toBe(4);
  });

  it("a released slot goes to the head of the queue", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 1, slotsPerServer: 1 });
    const first = pool.request();
    const second = pool.request();
    expect(second.granted).toBe(false);
    pool.release(first);
    expect(second.granted).toBe(true);
    expect(second.server).toBe(0);
  });

  it("a retiring server finishes its jobs, takes no new ones, then leaves", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 2, slotsPerServer: 2 });
    const a = pool.request(); // server 0
    const b = pool.request(); // server 1
    const c = pool.request(); // server 0 (load 2)
    pool.release(b); // server 1 load 0 → least loaded
    pool.setServerCount(1); // retires server 1 (idle, leaves at once)
    expect(pool.presentServers).toBe(1);
    pool.setServerCount(0); // server 0 retires but keeps its two jobs
    expect(pool.activeServers).toBe(0);
    expect(pool.presentServers).toBe(1);
    const d = pool.request();
    expect(d.granted).toBe(false);
    pool.release(a);
    pool.release(c);
    expect(pool.presentServers).toBe(0);
    pool.setServerCount(1);
    expect(d.granted).toBe(true);
    pool.checkInvariants();
  });

  it("serverSeconds() counts each seat's present and busy time, and a returning server reuses an empty seat", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 2, slotsPerServer: 2 });
    const job = (at: number, seconds: number) =>
      env.process(
        (function* () {
          yield env.timeout(at);
          const request = pool.request();
          yield request;
          yield env.timeout(seconds);
          pool.release(request);
        })(),
      );
    // Seat 0 takes the job at t=1 (10 s); seat 1 the one at t=2 (3 s). At t=20 one server leaves
    // (seat 1, idle longest: since t=5), at t=30 one comes back into the empty seat 1.
    job(1, 10);
    job(2, 3);
    env.process(
      (function* () {
        yield env.timeout(20);
        pool.setServerCount(1);
        yield env.timeout(10);
        pool.setServerCount(2);
        yield env.timeout(10);
      })(),
    );
    env.run();
    expect(env.now).toBe(40);
    expect(pool.serverSeconds()).toEqual({ present: [40, 20 + 10], busy: [10, 3] });
  });

  it("rejects invalid options with clear messages", () => {
    const env = new Environment();
    expect(() => new SlotPool(env, { servers: 1, slotsPerServer: 0 })).toThrow(/invalid slotsPerServer: 0 \(must be an integer >= 1\)/);
    expect(() => new SlotPool(env, { servers: -1, slotsPerServer: 1 })).toThrow(/invalid servers: -1/);
  });

  it("keeps its invariants under random jobs, reneging and staffing changes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 50 }),
            hold: fc.integer({ min: 1, max: 20 }),
            patience: fc.integer({ min: 0, max: 30 }),
            priority: fc.integer({ min: 0, max: 2 }),
          }),
          { maxLength: 80 },
        ),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 60 }), servers: fc.integer({ min: 0, max: 5 }) }), { maxLength: 6 }),
        (slots, jobs, changes) => {
          const env = new Environment();
          const pool = new SlotPool(env, { servers: 2, slotsPerServer: slots });
          let finished = 0;
          for (const job of jobs) {
            env.process(
              (function* () {
                yield env.timeout(job.at);
                const request = pool.request(job.priority);
                const patience = env.timeout(job.patience);
                yield env.anyOf([request, patience]);
                patience.cancel();
                if (request.granted) {
                  expect(pool.loadOf(request.server)).toBeLessThanOrEqual(slots);
                  yield env.timeout(job.hold);
                }
                request.cancel();
                finished++;
              })(),
            );
          }
          for (const change of changes) env.timeout(change.at).addCallback(() => pool.setServerCount(change.servers));
          env.timeout(1000).addCallback(() => pool.setServerCount(3));
          while (env.queueSize > 0) {
            env.step();
            pool.checkInvariants();
          }
          expect(finished).toBe(jobs.length);
          expect(pool.jobsInService).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
