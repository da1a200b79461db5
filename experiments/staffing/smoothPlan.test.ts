import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keepCostlyDips, smoothPlan } from "./smoothPlan.ts";

describe("smoothPlan", () => {
  it("smoothPlan(plan, 2) fills the one-interval dip of 33 → 38 → 33 → 38 and keeps the lasting fall to 20", () => {
    expect(smoothPlan([33, 38, 33, 38, 33, 20, 20, 20, 20, 20], 2)).toEqual([33, 38, 38, 38, 33, 20, 20, 20, 20, 20]);
  });

  it("smoothPlan(plan, w) fills a dip of w intervals and leaves one of w + 1", () => {
    expect(smoothPlan([10, 6, 6, 6, 10], 3)).toEqual([10, 10, 10, 10, 10]);
    expect(smoothPlan([10, 6, 6, 6, 6, 10], 3)).toEqual([10, 6, 6, 6, 6, 10]);
    // A dip between unequal peaks rises to the lower one; a low start or end of the day stays.
    expect(smoothPlan([12, 5, 9], 1)).toEqual([12, 9, 9]);
    expect(smoothPlan([2, 2, 9, 9, 3], 3)).toEqual([2, 2, 9, 9, 3]);
  });

  it("smoothPlan(plan, 0) leaves the plan as it is", () => {
    expect(smoothPlan([3, 1, 3], 0)).toEqual([3, 1, 3]);
  });

  it("never lowers an interval, never exceeds the plan's peak, and smoothing twice changes nothing (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 60 }), fc.integer({ min: 0, max: 10 }), (plan, window) => {
        const smoothed = smoothPlan(plan, window);
        expect(smoothed.length).toBe(plan.length);
        smoothed.forEach((level, index) => {
          expect(level).toBeGreaterThanOrEqual(plan[index]);
          expect(level).toBeLessThanOrEqual(Math.max(...plan));
        });
        expect(smoothPlan(smoothed, window)).toEqual(smoothed);
      }),
    );
  });

  it("leaves no dip of at most w intervals between higher levels (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 3, maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (plan, window) => {
        const smoothed = smoothPlan(plan, window);
        for (let start = 1; start < smoothed.length; start++) {
          for (let end = start; end < Math.min(smoothed.length - 1, start + window); end++) {
            const inside = Math.max(...smoothed.slice(start, end + 1));
            // A run [start, end] strictly below both of its neighbours is a dip of end − start + 1 ≤ w intervals.
            expect(inside < smoothed[start - 1] && inside < smoothed[end + 1]).toBe(false);
          }
        }
      }),
    );
  });
});

describe("keepCostlyDips", () => {
  it("restores a filled dip whose savings reach the threshold and keeps filling the cheap ones", () => {
    // Two filled dips: 8 agent-intervals (10 → 2 for one interval) and 1 (10 → 9).
    const plan = [10, 2, 10, 9, 10];
    const smoothed = smoothPlan(plan, 1);
    expect(smoothed).toEqual([10, 10, 10, 10, 10]);
    expect(keepCostlyDips(plan, smoothed, 8)).toEqual({ plan: [10, 2, 10, 10, 10], keptDips: 1 });
    // Just above the larger dip's savings: both stay filled.
    expect(keepCostlyDips(plan, smoothed, 8.5)).toEqual({ plan: [10, 10, 10, 10, 10], keptDips: 0 });
    // Threshold 1: both dips are worth keeping, the plan comes back unsmoothed.
    expect(keepCostlyDips(plan, smoothed, 1)).toEqual({ plan, keptDips: 2 });
  });

  it("a dip spanning several intervals is judged by its total: 2 + 3 = 5 agent-intervals", () => {
    const plan = [6, 4, 3, 6];
    const smoothed = smoothPlan(plan, 2);
    expect(smoothed).toEqual([6, 6, 6, 6]);
    expect(keepCostlyDips(plan, smoothed, 5)).toEqual({ plan, keptDips: 1 });
    expect(keepCostlyDips(plan, smoothed, 5.01)).toEqual({ plan: smoothed, keptDips: 0 });
  });

  it("with an infinite threshold the smoothed plan is returned as it is (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }), fc.integer({ min: 0, max: 6 }), (plan, window) => {
        const smoothed = smoothPlan(plan, window);
        expect(keepCostlyDips(plan, smoothed, Infinity)).toEqual({ plan: smoothed, keptDips: 0 });
        // Every interval lies between the plan and the smoothed plan.
        keepCostlyDips(plan, smoothed, 3).plan.forEach((level, i) => {
          expect(level).toBeGreaterThanOrEqual(plan[i]);
          expect(level).toBeLessThanOrEqual(smoothed[i]);
        });
      }),
    );
  });
});
