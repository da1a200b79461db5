import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Environment } from "./Environment.ts";
import { Event } from "./Event.ts";
import { EventQueue } from "./EventQueue.ts";

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
