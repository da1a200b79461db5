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

  it("request(priority, false) under admits waits while only reserved slots are free, and a later privileged request passes it", () => {
    const env = new Environment();
    // Two of the four slots are kept for privileged requests (trunk reservation with r = 2).
    const pool = new SlotPool(env, { servers: 2, slotsPerServer: 2, admits: (free, privileged) => privileged || free > 2 });
    const first = pool.request(0, false);
    const second = pool.request(0, false);
    expect([first.granted, second.granted, pool.freeSlots]).toEqual([true, true, 2]);
    const third = pool.request(0, false);
    expect([third.granted, pool.wouldGrant(false), pool.wouldGrant(true)]).toEqual([false, false, true]);
    const vip = pool.request(0, true);
    expect([vip.granted, pool.freeSlots, pool.queueLength]).toEqual([true, 1, 1]);
    pool.release(vip);
    expect(third.granted).toBe(false);
    pool.checkInvariants();
    pool.release(first);
    expect([third.granted, pool.freeSlots]).toEqual([true, 2]);
    pool.checkInvariants();
  });

  it("admits serves the earlier of the two classes' heads when both may take the slot", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 3, slotsPerServer: 1, admits: (free, privileged) => privileged || free > 1 });
    const held = [pool.request(0, true), pool.request(0, true), pool.request(0, true)];
    const standard = pool.request(0, false);
    const vip = pool.request(0, true);
    pool.release(held[0]);
    // One slot free: only the privileged request may take it, though it arrived later.
    expect([standard.granted, vip.granted]).toEqual([false, true]);
    pool.release(held[1]);
    pool.release(held[2]);
    // Two free: the standard request (first in line) takes one, then one is left, reserved.
    expect([standard.granted, pool.freeSlots, pool.queueLength]).toEqual([true, 1, 0]);
    pool.checkInvariants();
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

  it("a withdrawn request of the restricted class is never granted later", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 1, slotsPerServer: 2, admits: (free, privileged) => privileged || free > 1 });
    const first = pool.request(0, false); // 2 free > 1: admitted
    const waiting = pool.request(0, false); // 1 free: must wait
    expect([first.granted, waiting.granted, pool.queueLength]).toEqual([true, false, 1]);
    waiting.cancel();
    expect([waiting.withdrawn, pool.queueLength]).toEqual([true, 0]);
    pool.release(first);
    expect([waiting.granted, pool.jobsInService]).toEqual([false, 0]);
    pool.checkInvariants();
  });

  it("capacity is servers x slots; wouldGrant() asks for a privileged request by default", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 3, slotsPerServer: 2, admits: (free, privileged) => privileged || free > 4 });
    expect(pool.capacity).toBe(6);
    pool.request(0, true);
    pool.request(0, true);
    // 4 free: a restricted request would wait, a privileged one would not.
    expect([pool.wouldGrant(), pool.wouldGrant(true), pool.wouldGrant(false)]).toEqual([true, true, false]);
  });

  it("serverSeconds() counts an open busy spell up to now; another pool's request is refused", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 1, slotsPerServer: 1 });
    env.timeout(4).addCallback(() => pool.request());
    env.timeout(10);
    env.run();
    expect(pool.serverSeconds()).toEqual({ present: [10], busy: [6] });
    const other = new SlotPool(env, { servers: 1, slotsPerServer: 1 });
    expect(() => pool.release(other.request())).toThrow(/^request belongs to another pool$/);
  });
  it("ties in load go to the server that has waited longest at that load", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 3, slotsPerServer: 2 });
    const [r0, r1] = [pool.request(), pool.request(), pool.request()]; // servers 0, 1, 2 at load 1
    pool.release(r1); // server 1 back at load 0 first
    pool.release(r0); // then server 0
    // Load 0: server 1 (waiting since the first release), then 0; then load 1: server 2 (there from the start), 1, 0.
    const servers = [0, 1, 2, 3, 4].map(() => pool.request().server);
    expect(servers).toEqual([1, 0, 2, 1, 0]);
    expect(pool.request().granted).toBe(false);
  });

  it("a request granted later while nobody waits on it is processed at once and leaves nothing on the queue", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 0, slotsPerServer: 2 });
    const request = pool.request();
    expect([request.granted, env.queueSize]).toEqual([false, 0]);
    pool.setServerCount(1);
    expect([request.granted, request.processed, request.value, env.queueSize]).toEqual([true, true, 0, 0]);
  });
  it("waiting requests of equal priority are served first-come first-served; lower priority values first", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 1, slotsPerServer: 1 });
    const holder = pool.request();
    const [a, b, urgent] = [pool.request(1), pool.request(1), pool.request(0)];
    const order: string[] = [];
    for (const [name, request] of [
      ["a", a],
      ["b", b],
      ["urgent", urgent],
    ] as const)
      request.addCallback(() => order.push(name));
    pool.release(holder);
    env.run();
    pool.release(urgent);
    env.run();
    pool.release(a);
    env.run();
    expect(order).toEqual(["urgent", "a", "b"]);
  });

  it("hasFreeSlot and wouldGrant() without admits: true while a slot is free, false once the pool is full", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 1, slotsPerServer: 2 });
    expect([pool.hasFreeSlot, pool.wouldGrant(), pool.wouldGrant(false)]).toEqual([true, true, true]);
    pool.request();
    pool.request();
    expect([pool.hasFreeSlot, pool.wouldGrant(), pool.wouldGrant(false)]).toEqual([false, false, false]);
  });

  it("request() without arguments is privileged: it may take a slot admits keeps from the restricted class", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 1, slotsPerServer: 2, admits: (free, privileged) => privileged || free > 1 });
    pool.request(0, false); // 2 free > 1: admitted; now only the reserved slot is free
    expect([pool.request(0, false).granted, pool.request().granted]).toEqual([false, true]);
  });
  it("release() is idempotent; without admits, request(priority, false) is served like any request", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 1, slotsPerServer: 1 });
    const first = pool.request(0, false);
    const second = pool.request(0, false);
    expect([first.granted, second.granted]).toEqual([true, false]);
    pool.release(first);
    pool.release(first);
    expect([first.released, second.granted, pool.jobsInService, pool.loadOf(0), pool.busyServers]).toEqual([true, true, 1, 1, 1]);
    pool.release(second);
    pool.release(second);
    expect([pool.jobsInService, pool.loadOf(0), pool.busyServers, pool.freeSlots]).toEqual([0, 0, 0, 1]);
    pool.checkInvariants();
  });
  it("setServerCount() growing brings a retiring server back before adding one; an unchanged count changes nothing", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 2, slotsPerServer: 1 });
    const [r0, r1] = [pool.request(), pool.request()];
    pool.setServerCount(0); // both full: both retire, still holding their jobs
    expect([pool.activeServers, pool.presentServers]).toEqual([0, 2]);
    pool.setServerCount(1); // server 0 (lowest id) comes back: no third server
    expect([pool.activeServers, pool.presentServers]).toEqual([1, 2]);
    pool.release(r1); // server 1 is still retiring: it leaves
    pool.release(r0);
    expect([pool.activeServers, pool.presentServers]).toEqual([1, 1]);
    pool.setServerCount(1); // no change: idle server 0 stays, the empty seat 1 stays empty
    expect([pool.presentServers, pool.request().server]).toEqual([1, 0]);
    pool.checkInvariants();
  });

  it("serverSeconds() of a server that was never busy is 0 busy seconds", () => {
    const env = new Environment();
    const pool = new SlotPool(env, { servers: 2, slotsPerServer: 1 });
    env.timeout(3).addCallback(() => pool.request()); // server 0, busy from t=3 on
    env.timeout(8);
    env.run();
    expect(pool.serverSeconds()).toEqual({ present: [8, 8], busy: [5, 0] });
  });
});
