import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LoadBuckets } from "./LoadBuckets.ts";

describe("LoadBuckets", () => {
  it("add, delete, first, size, has and members agree with one insertion-ordered Set per level", () => {
    // The reference is JavaScript's own Set (insertion order, re-adding keeps the place), which the
    // pool used before; a server joins at most one level, as in the pool.
    const operation = fc.record({ add: fc.boolean(), level: fc.integer({ min: 0, max: 2 }), server: fc.integer({ min: 0, max: 9 }) });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const buckets = new LoadBuckets(3);
        const sets = [new Set<number>(), new Set<number>(), new Set<number>()];
        for (const { add, level, server } of operations) {
          if (add) {
            if (sets.some((set, other) => other !== level && set.has(server))) continue;
            buckets.add(level, server);
            sets[level].add(server);
          } else {
            buckets.delete(level, server);
            sets[level].delete(server);
          }
          for (let checked = 0; checked < 3; checked++) {
            expect(buckets.members(checked)).toEqual([...sets[checked]]);
            expect(buckets.size(checked)).toBe(sets[checked].size);
            expect(buckets.first(checked)).toBe(sets[checked].size === 0 ? -1 : sets[checked].values().next().value);
            for (let id = 0; id < 10; id++) expect(buckets.has(checked, id)).toBe(sets[checked].has(id));
          }
        }
      }),
    );
  });

  it("first(level) is the server that has been at the level longest; re-adding keeps its place", () => {
    const buckets = new LoadBuckets(2);
    buckets.add(0, 4);
    buckets.add(0, 1);
    buckets.add(0, 4);
    buckets.add(1, 7);
    expect([buckets.first(0), buckets.first(1)]).toEqual([4, 7]);
    buckets.delete(0, 4);
    buckets.add(0, 4);
    expect(buckets.members(0)).toEqual([1, 4]);
    buckets.delete(1, 1);
    expect([buckets.size(0), buckets.size(1), buckets.has(0, 1), buckets.has(1, 12)]).toEqual([2, 1, true, false]);
  });
});
