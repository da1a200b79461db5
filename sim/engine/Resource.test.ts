import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Environment } from "./Environment.ts";
import { Resource } from "./Resource.ts";

function* user(env: Environment, resource: Resource, log: [string, number][], name: string, holdSeconds: number, priority = 0) {
  const request = resource.request(priority);
  yield request;
  log.push([`${name} start`, env.now]);
  yield env.timeout(holdSeconds);
  resource.release(request);
  log.push([`${name} end`, env.now]);
}

describe("Resource", () => {
  it("serves first-come first-served when slots are busy", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: [string, number][] = [];
    for (const name of ["a", "b", "c"]) env.process(user(env, resource, log, name, 2));
    env.run();
    expect(log).toEqual([
      ["a start", 0],
      ["a end", 2],
      ["b start", 2],
      ["b end", 4],
      ["c start", 4],
      ["c end", 6],
    ]);
  });

  it("serves lower priority values first, FIFO within a priority", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: [string, number][] = [];
    env.process(user(env, resource, log, "holder", 5));
    env.process(user(env, resource, log, "low1", 1, 2));
    env.process(user(env, resource, log, "high", 1, 0));
    env.process(user(env, resource, log, "low2", 1, 2));
    env.run();
    expect(log.filter(([e]) => e.endsWith("start")).map(([e]) => e)).toEqual(["holder start", "high start", "low1 start", "low2 start"]);
  });

  it("a cancelled request leaves the queue (reneging) and is never granted", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: [string, number][] = [];
    env.process(user(env, resource, log, "holder", 10));
    env.process(
      (function* () {
        const request = resource.request();
        const patience = env.timeout(3);
        yield env.anyOf([request, patience]);
        if (!request.granted) {
          request.cancel();
          log.push(["reneged", env.now]);
        }
      })(),
    );
    env.process(user(env, resource, log, "next", 1));
    env.run();
    expect(log).toEqual([
      ["holder start", 0],
      ["reneged", 3],
      ["holder end", 10],
      ["next start", 10],
      ["next end", 11],
    ]);
  });

  it("setCapacity grows service at once and shrinks without pre-empting", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const log: [string, number][] = [];
    for (const name of ["a", "b", "c"]) env.process(user(env, resource, log, name, 4));
    env.timeout(1).addCallback(() => resource.setCapacity(3));
    env.run();
    expect(log.filter(([e]) => e.endsWith("start"))).toEqual([
      ["a start", 0],
      ["b start", 1],
      ["c start", 1],
    ]);
    resource.setCapacity(0);
    expect(resource.inUse).toBe(0);
  });

  it("keeps its invariants under random requests, holds, cancellations and capacity changes", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 50 }),
            hold: fc.integer({ min: 0, max: 20 }),
            patience: fc.integer({ min: 0, max: 30 }),
            priority: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 60 },
        ),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 60 }), capacity: fc.integer({ min: 0, max: 4 }) }), { maxLength: 5 }),
        (jobs, changes) => {
          const env = new Environment();
          const resource = new Resource(env, 2);
          let completed = 0;
          let reneged = 0;
          for (const job of jobs) {
            env.process(
              (function* () {
                yield env.timeout(job.at);
                const request = resource.request(job.priority);
                const patience = env.timeout(job.patience);
                yield env.anyOf([request, patience]);
                patience.cancel();
                if (!request.granted) {
                  request.cancel();
                  reneged++;
                  return;
                }
                yield env.timeout(job.hold);
                resource.release(request);
                completed++;
              })(),
            );
          }
          for (const change of changes) env.timeout(change.at).addCallback(() => resource.setCapacity(change.capacity));
          env.timeout(1000).addCallback(() => resource.setCapacity(4));
          while (env.queueSize > 0) {
            env.step();
            resource.checkInvariants();
          }
          expect(completed + reneged).toBe(jobs.length);
          expect(resource.inUse).toBe(0);
          expect(resource.queueLength).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("rejects a bad capacity, a non-finite priority and another resource's request with house messages", () => {
    const env = new Environment();
    expect(() => new Resource(env, -1)).toThrow(/^invalid capacity: -1 \(must be an integer >= 0\)$/);
    expect(() => new Resource(env, 1.5)).toThrow(/^invalid capacity: 1\.5 \(must be an integer >= 0\)$/);
    const resource = new Resource(env, 2);
    expect(resource.capacity).toBe(2);
    expect(() => resource.request(NaN)).toThrow(/^invalid request priority: NaN \(must be a finite number\)$/);
    const other = new Resource(env, 1);
    expect(() => resource.release(other.request())).toThrow(/^request belongs to another resource$/);
  });

  it("release is idempotent and a request records when it was made", () => {
    const env = new Environment(30);
    const resource = new Resource(env, 1);
    const request = resource.request();
    expect([request.granted, request.requestedAt]).toEqual([true, 30]);
    resource.release(request);
    resource.release(request);
    expect(resource.inUse).toBe(0);
    resource.checkInvariants();
  });
  it("cancel() of a waiting request withdraws it without freeing a slot; the next in line keeps waiting", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const holder = resource.request();
    const first = resource.request();
    const second = resource.request();
    first.cancel();
    expect([first.granted, first.withdrawn, first.released]).toEqual([false, true, false]);
    // The holder still has the only slot: nobody is granted, one request still waits.
    expect([second.granted, resource.inUse, resource.queueLength]).toEqual([false, 1, 1]);
    resource.release(holder);
    expect([holder.withdrawn, holder.released, second.granted, first.granted]).toEqual([false, true, true, false]);
  });
  it("a request granted later while nobody waits on it is processed at once and leaves nothing on the queue", () => {
    // Like an on-the-spot grant (Event.settle): whoever yields it later continues immediately.
    const env = new Environment();
    const resource = new Resource(env, 0);
    const request = resource.request();
    expect([request.granted, env.queueSize]).toEqual([false, 0]);
    resource.setCapacity(1);
    expect([request.granted, request.processed, request.value, env.queueSize]).toEqual([true, true, 0, 0]);
  });
});
