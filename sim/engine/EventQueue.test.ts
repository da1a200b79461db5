import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Environment } from "./Environment.ts";
import { Event } from "./Event.ts";
import { EventQueue } from "./EventQueue.ts";

type QueueOp = { kind: "now"; priority: number } | { kind: "later"; delay: number; priority: number } | { kind: "remove"; pick: number } | { kind: "pop" };

/** The order of one queue: (time, priority, sequence). */
function compareKeys(a: Event, b: Event): number {
  return a.time - b.time || a.priority - b.priority || a.sequence - b.sequence;
}

/**
 * Drives an EventQueue the way the environment does (same-time events through `pushNow`, the rest
 * through `push`, cancellations through `remove`) next to a plain list kept sorted by (time,
 * priority, sequence), and checks `peek`, `pop`, `size` and the events' `heapIndex` after every step.
 */
function checkAgainstSortedList(ops: readonly QueueOp[]): void {
  const env = new Environment();
  const queue = new EventQueue();
  const created: Event[] = [];
  const waiting: Event[] = [];
  let now = 0;
  const make = (time: number, priority: number): Event => {
    const event = new Event(env);
    Object.assign(event, { time, priority, sequence: created.length });
    created.push(event);
    let index = waiting.length;
    while (index > 0 && compareKeys(waiting[index - 1], event) > 0) index--;
    waiting.splice(index, 0, event);
    return event;
  };
  // Plain comparisons first: thousands of steps through expect() would dominate the test's time.
  const check = (actual: unknown, expected: unknown, what: string): void => {
    if (actual !== expected) expect(actual, what).toBe(expected);
  };
  for (const [step, op] of ops.entries()) {
    if (op.kind === "now") queue.pushNow(make(now, op.priority));
    else if (op.kind === "later") queue.push(make(now + op.delay, op.priority));
    else if (op.kind === "remove") {
      // Any event ever created: removing one already popped or removed must change nothing.
      if (created.length === 0) continue;
      const event = created[op.pick % created.length];
      queue.remove(event);
      // Documented on Event: -1 once the event is no longer queued.
      check(event.heapIndex, -1, `heapIndex after remove at step ${step}`);
      const index = waiting.indexOf(event);
      if (index >= 0) waiting.splice(index, 1);
    } else {
      const expected = waiting.shift();
      check(queue.pop(), expected, `pop at step ${step}`);
      if (expected !== undefined) {
        check(expected.heapIndex, -1, `heapIndex after pop at step ${step}`);
        now = expected.time;
      }
    }
    check(queue.peek(), waiting[0], `peek after step ${step}`);
    check(queue.size, waiting.length, `size after step ${step}`);
  }
  for (const expected of waiting) check(queue.pop(), expected, "pop while draining");
  expect(queue.pop()).toBeUndefined();
  expect(queue.size).toBe(0);
}

describe("EventQueue", () => {
  it("pop() returns events in (time, priority, sequence) order after arbitrary pushes and removals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 20 }), priority: fc.integer({ min: 0, max: 1 }), remove: fc.boolean() }), { maxLength: 200 }),
        (specs) => {
          const env = new Environment();
          const queue = new EventQueue();
          const events = specs.map((spec, sequence) => {
            const event = new Event(env);
            Object.assign(event, { time: spec.time, priority: spec.priority, sequence });
            queue.push(event);
            return event;
          });
          specs.forEach((spec, i) => {
            spec.remove && queue.remove(events[i]);
          });
          const expected = events.filter((_, i) => !specs[i].remove).sort((a, b) => a.time - b.time || a.priority - b.priority || a.sequence - b.sequence);
          const popped: Event[] = [];
          for (let e = queue.pop(); e !== undefined; e = queue.pop()) popped.push(e);
          expect(popped).toEqual(expected);
          expect(queue.size).toBe(0);
        },
      ),
    );
  });

  it("pushNow(), push(), remove() and pop() interleaved keep (time, priority, sequence) order, removals from the same-time FIFOs included", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("now" as const), priority: fc.integer({ min: 0, max: 1 }) }),
      fc.record({ kind: fc.constant("later" as const), delay: fc.integer({ min: 0, max: 3 }), priority: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("pop" as const) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 80 }), checkAgainstSortedList));
  });

  it("a same-time FIFO keeps its order and its removals while it compacts past 1,024 consumed entries", () => {
    // 3,000 NORMAL events now, every third one cancelled, then popped down to 100 with an URGENT one,
    // a heap event due now and new same-time events queued on the way: the FIFO drops its consumed
    // front (more than 1,024 entries and more than half the array) while live and removed entries remain.
    const ops: QueueOp[] = [{ kind: "later", delay: 0, priority: 1 }];
    for (let i = 0; i < 3000; i++) ops.push({ kind: "now", priority: 1 });
    for (let i = 1; i <= 3000; i += 3) ops.push({ kind: "remove", pick: i });
    for (let i = 0; i < 1900; i++) {
      ops.push({ kind: "pop" });
      if (i % 500 === 250) ops.push({ kind: "now", priority: 0 }, { kind: "now", priority: 1 }, { kind: "remove", pick: 3001 + (i % 7) });
    }
    // Drain completely and reuse the FIFO, leaving one event due later on the heap.
    for (let i = 0; i < 200; i++) ops.push({ kind: "pop" });
    ops.push({ kind: "now", priority: 1 }, { kind: "later", delay: 1, priority: 1 }, { kind: "now", priority: 1 });
    ops.push({ kind: "remove", pick: 1 }, { kind: "pop" }, { kind: "pop" });
    // 1,100 more same-time events, cancelled last to first: the head stays on the first until it goes
    // too, then one scan passes all 1,100 and finds the FIFO empty (and recycles its array).
    const first = 3000 + 1 + 8 + 3;
    for (let i = 0; i < 1100; i++) ops.push({ kind: "now", priority: 1 });
    for (let i = 1099; i >= 0; i--) ops.push({ kind: "remove", pick: first + i });
    ops.push({ kind: "now", priority: 1 }, { kind: "pop" }, { kind: "pop" }, { kind: "pop" });
    checkAgainstSortedList(ops);
  });

  it("remove() of a heap event moves the last event up when it is earlier than its new parent", () => {
    // Pushing times 2, 11, 10, 16, 19, 11, 4 builds the heap [2, 11, 4, 16, 19, 11, 10] (4 rose past
    // 10). Removing the 16 (index 3) puts the last event, 10, under the 11 at index 1: it must rise
    // there, or the 11 would be popped before it. Popped times must be the sorted rest: 2, 4, 10, 11, 11, 19.
    const env = new Environment();
    const queue = new EventQueue();
    const events = [2, 11, 10, 16, 19, 11, 4].map((time, sequence) => {
      const event = new Event(env);
      Object.assign(event, { time, priority: 1, sequence });
      queue.push(event);
      return event;
    });
    queue.remove(events[3]);
    const popped: [number, number][] = [];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) popped.push([e.time, e.sequence]);
    expect(popped).toEqual([
      [2, 0],
      [4, 6],
      [10, 2],
      [11, 1],
      [11, 5],
      [19, 4],
    ]);
  });

  it("remove() of an event queued in another environment's queue leaves this queue alone", () => {
    const env = new Environment();
    const mine = new EventQueue();
    const other = new EventQueue();
    const make = (time: number, sequence: number): Event => Object.assign(new Event(env), { time, priority: 1, sequence });
    const a = make(1, 0);
    const b = make(2, 1);
    const c = make(3, 2);
    const foreign = make(0, 3);
    for (const event of [a, b, c]) mine.push(event);
    other.push(make(-1, 4));
    other.push(foreign); // its heap index (1) is a valid index in `mine` too
    mine.remove(foreign);
    expect(mine.size).toBe(3);
    expect([mine.pop(), mine.pop(), mine.pop(), mine.pop()]).toEqual([a, b, c, undefined]);
    expect(other.size).toBe(2);
  });

  it("remove() of an event not in the queue is a no-op", () => {
    const env = new Environment();
    const queue = new EventQueue();
    const event = new Event(env);
    queue.remove(event);
    expect(queue.size).toBe(0);
  });

  it("interleaved push, pop and remove (slots reused, storage grown past 64) keep (time, priority, sequence) order", () => {
    // Reference: the queued events kept in a list and the least taken by a full scan.
    // Pushes outnumber the rest, so more than 64 events wait at once in most runs.
    const operation = fc.oneof(
      {
        arbitrary: fc.record({ kind: fc.constant("push" as const), time: fc.integer({ min: 0, max: 30 }), priority: fc.integer({ min: 0, max: 1 }) }),
        weight: 4,
      },
      { arbitrary: fc.record({ kind: fc.constant("pop" as const) }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(operation, { minLength: 150, maxLength: 400 }), (operations) => {
        const env = new Environment();
        const queue = new EventQueue();
        const queued: Event[] = [];
        let sequence = 0;
        const order = (a: Event, b: Event) => a.time - b.time || a.priority - b.priority || a.sequence - b.sequence;
        for (const step of operations) {
          if (step.kind === "push") {
            const event = new Event(env);
            Object.assign(event, { time: step.time, priority: step.priority, sequence: sequence++ });
            queue.push(event);
            queued.push(event);
          } else if (step.kind === "pop") {
            const expected = [...queued].sort(order)[0];
            expect(queue.pop()).toBe(expected);
            if (expected !== undefined) queued.splice(queued.indexOf(expected), 1);
          } else if (queued.length > 0) {
            const [removed] = queued.splice(step.pick % queued.length, 1);
            queue.remove(removed);
            queue.remove(removed); // a second removal is a no-op
          }
          expect(queue.size).toBe(queued.length);
          expect(queue.peek()).toBe([...queued].sort(order)[0]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
