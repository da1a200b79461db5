import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Environment } from "./Environment.ts";
import { Request, type RequestOwner } from "./Request.ts";
import { servedBefore, WaitQueue } from "./WaitQueue.ts";

const owner: RequestOwner = { cancelRequest: () => {} };

/** The order Request documents: lower priority value first, then earlier arrival. */
function compareService(a: Request, b: Request): number {
  return a.queuePriority - b.queuePriority || a.arrival - b.arrival;
}

type WaitOp = { kind: "push"; priority: number } | { kind: "remove"; pick: number } | { kind: "shift" };

/**
 * Drives a WaitQueue next to a plain list kept sorted by (priority, arrival), checking `peek`,
 * `shift`, `remove`'s answer, `length` and the requests' `queueIndex` after every step.
 */
function checkAgainstSortedList(ops: readonly WaitOp[]): void {
  const env = new Environment();
  const queue = new WaitQueue();
  const created: Request[] = [];
  const waiting: Request[] = [];
  // Plain comparisons first: a hundred runs of eighty steps through expect() would dominate the test's time.
  const check = (actual: unknown, expected: unknown, what: string): void => {
    if (actual !== expected) expect(actual, what).toBe(expected);
  };
  for (const [step, op] of ops.entries()) {
    if (op.kind === "push") {
      const request = new Request(env, owner, op.priority, created.length);
      created.push(request);
      waiting.push(request);
      waiting.sort(compareService);
      queue.push(request);
    } else if (op.kind === "remove") {
      if (created.length === 0) continue;
      // Any request ever made: one that already left must be refused.
      const request = created[op.pick % created.length];
      const index = waiting.indexOf(request);
      check(queue.remove(request), index >= 0, `remove at step ${step}`);
      if (index >= 0) waiting.splice(index, 1);
      // Documented on Request: -1 once it is not in the queue.
      check(request.queueIndex, -1, `queueIndex after remove at step ${step}`);
    } else {
      const expected = waiting.shift();
      check(queue.shift(), expected, `shift at step ${step}`);
      if (expected !== undefined) check(expected.queueIndex, -1, `queueIndex after shift at step ${step}`);
    }
    check(queue.peek(), waiting[0], `peek after step ${step}`);
    check(queue.length, waiting.length, `length after step ${step}`);
  }
  for (const expected of [...waiting]) check(queue.shift(), expected, "shift while draining");
  expect(queue.shift()).toBeUndefined();
  expect(queue.length).toBe(0);
}

describe("WaitQueue", () => {
  it("push(), remove() and shift() interleaved serve requests by (priority, arrival)", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("push" as const), priority: fc.integer({ min: -1, max: 2 }) }),
      fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("shift" as const) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 80 }), checkAgainstSortedList));
  });

  it("remove() moves the last request up when it is served before its new parent", () => {
    // Arrivals 0..6 with priorities 2, 11, 10, 16, 19, 11, 4 build the heap [2, 11, 4, 16, 19, 11, 10]
    // (4 rose past 10). Removing the 16 (index 3) puts the last request, 10, under the 11 at index 1:
    // it must rise there, or the 11 would be served first. Served: the sorted rest 2, 4, 10, 11, 11, 19.
    const env = new Environment();
    const queue = new WaitQueue();
    const requests = [2, 11, 10, 16, 19, 11, 4].map((priority, arrival) => {
      const request = new Request(env, owner, priority, arrival);
      queue.push(request);
      return request;
    });
    expect(queue.remove(requests[3])).toBe(true);
    const served: [number, number][] = [];
    for (let r = queue.shift(); r !== undefined; r = queue.shift()) served.push([r.queuePriority, r.arrival]);
    expect(served).toEqual([
      [2, 0],
      [4, 6],
      [10, 2],
      [11, 1],
      [11, 5],
      [19, 4],
    ]);
  });

  it("remove() of a request waiting in another queue answers false and leaves this queue alone", () => {
    const env = new Environment();
    const mine = new WaitQueue();
    const other = new WaitQueue();
    const [a, b, c] = [0, 1, 2].map((arrival) => new Request(env, owner, 0, arrival));
    for (const request of [a, b, c]) mine.push(request);
    other.push(new Request(env, owner, 0, 3));
    const foreign = new Request(env, owner, 0, 4);
    other.push(foreign); // its queue index (1) is a valid index in `mine` too
    expect(mine.remove(foreign)).toBe(false);
    expect(mine.length).toBe(3);
    expect([mine.shift(), mine.shift(), mine.shift(), mine.shift()]).toEqual([a, b, c, undefined]);
    expect(other.length).toBe(2);
  });

  it("servedBefore(a, b): lower priority value first, then earlier arrival", () => {
    const env = new Environment();
    const make = (priority: number, arrival: number) => new Request(env, owner, priority, arrival);
    expect(servedBefore(make(0, 5), make(1, 0))).toBe(true);
    expect(servedBefore(make(1, 0), make(0, 5))).toBe(false);
    expect(servedBefore(make(1, 2), make(1, 3))).toBe(true);
    expect(servedBefore(make(1, 3), make(1, 2))).toBe(false);
    expect(servedBefore(make(1, 3), make(1, 3))).toBe(false);
  });
});
