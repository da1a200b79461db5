import { describe, expect, it } from "vitest";
import { LongestFirstQueue } from "./LongestFirstQueue.ts";

function takeAll<Key>(queue: LongestFirstQueue<Key>): number[] {
  const order: number[] = [];
  for (let index = queue.next(); index !== undefined; index = queue.next()) order.push(index);
  return order;
}

/** Runs tasks of known durations on `lanes` threads in the queue's order (recording each as it ends); returns the makespan. */
function makespan(durations: readonly number[], keys: readonly string[], lanes: number, learn: boolean): number {
  const queue = new LongestFirstQueue(keys);
  const freeAt = new Array(lanes).fill(0);
  const running: Array<{ index: number; endsAt: number }> = [];
  for (;;) {
    // The lane that frees up first takes the next task; tasks ending by then have been recorded.
    const lane = freeAt.indexOf(Math.min(...freeAt));
    for (const task of running.filter((run) => run.endsAt <= freeAt[lane])) {
      if (learn) queue.record(task.index, durations[task.index]);
      running.splice(running.indexOf(task), 1);
    }
    const index = queue.next();
    if (index === undefined) return Math.max(...freeAt);
    freeAt[lane] += durations[index];
    running.push({ index, endsAt: freeAt[lane] });
  }
}

describe("LongestFirstQueue", () => {
  it("next() keeps submission order while nothing is measured", () => {
    expect(takeAll(new LongestFirstQueue(["a", "b", "a", "c", "b"]))).toEqual([0, 1, 2, 3, 4]);
  });

  it("next() hands out the key with the largest mean measured seconds first, ties in submission order", () => {
    const queue = new LongestFirstQueue(["a", "b", "a", "b", "a", "b"]);
    expect([queue.next(), queue.next()]).toEqual([0, 1]);
    queue.record(0, 1);
    queue.record(1, 3);
    expect(takeAll(queue)).toEqual([3, 5, 2, 4]);
  });

  it("next() starts a key never measured before the measured ones, so its cost is learnt early", () => {
    const queue = new LongestFirstQueue(["a", "a", "a", "b"]);
    expect(queue.next()).toBe(0);
    queue.record(0, 5);
    expect(takeAll(queue)).toEqual([3, 1, 2]);
  });

  it("record() averages the measurements of a key and ignores invalid ones", () => {
    const queue = new LongestFirstQueue(["a", "b", "a", "b", "a", "b"]);
    queue.next();
    queue.next();
    queue.record(0, 1);
    queue.record(1, 0.5);
    queue.record(1, Number.NaN);
    queue.record(1, -4);
    expect(queue.next()).toBe(2);
    queue.record(2, 3); // a: mean 2, b: mean 0.5
    expect(takeAll(queue)).toEqual([4, 3, 5]);
  });

  it("drain() hands out what is left in submission order and empties the queue", () => {
    const queue = new LongestFirstQueue(["a", "b", "a", "b"]);
    queue.next();
    expect(queue.size).toBe(3);
    expect(queue.drain()).toEqual([1, 2, 3]);
    expect(queue.size).toBe(0);
    expect(queue.next()).toBeUndefined();
  });

  it("on a compare-shaped workload (4 variants of unequal cost × 8 replications, 2 threads) it ends within one short task of the ideal, FIFO does not", () => {
    const variantSeconds = [0.25, 0.7, 0.55, 1.2];
    const keys: string[] = [];
    const durations: number[] = [];
    for (let replication = 0; replication < 8; replication++) {
      variantSeconds.forEach((seconds, variant) => {
        keys.push(`v${variant}`);
        durations.push(seconds);
      });
    }
    const ideal = durations.reduce((sum, seconds) => sum + seconds, 0) / 2; // 10.8 s
    const fifo = makespan(durations, keys, 2, false);
    const longestFirst = makespan(durations, keys, 2, true);
    expect(fifo).toBeGreaterThan(ideal + 0.25);
    expect(longestFirst).toBeLessThanOrEqual(ideal + 0.25);
    expect(longestFirst).toBeLessThan(fifo);
  });
});
