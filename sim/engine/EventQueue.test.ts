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
});
