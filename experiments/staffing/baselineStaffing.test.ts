// The shipped baseline's staffing as `npm start` and `staff` produce it (the scenario's own seed and
// default target), checked for what a workforce manager would object to: flooring shrinkage, and a
// per-interval plan that drops and rises back within a shift (33 → 38 → 33), which no roster can use.

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario, resolveSeed } from "../index.ts";
import { recommendStaffing } from "./recommendStaffing.ts";
import { DEFAULT_SMOOTHING_HOURS } from "./smoothPlan.ts";

const baselinePath = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));

/**
 * Dips of a plan: intervals k with a higher level on both sides within `shiftIntervals` (i < k < j,
 * j − i ≤ shiftIntervals), i.e. a drop and a rise back within one shift, as [i, k, j] index triples.
 */
function dipsWithinShift(plan: readonly number[], shiftIntervals: number): [number, number, number][] {
  const dips: [number, number, number][] = [];
  for (let i = 0; i < plan.length; i++) {
    for (let j = i + 2; j <= Math.min(plan.length - 1, i + shiftIntervals); j++) {
      for (let k = i + 1; k < j; k++) if (plan[k] < Math.min(plan[i], plan[j])) dips.push([i, k, j]);
    }
  }
  return dips;
}

describe("baseline staffing", () => {
  it("dipsWithinShift finds the 33 → 38 → 33 kind of jump (a dip between two peaks) and nothing in a plain rise and fall", () => {
    expect(dipsWithinShift([38, 33, 38], 8)).toEqual([[0, 1, 2]]);
    expect(dipsWithinShift([2, 3, 5, 5, 3, 2], 8)).toEqual([]);
    expect(dipsWithinShift([5, 2, 2, 2, 5], 3)).toEqual([]);
  });

  it("the baseline's staff plan uses random absence (expected online = scheduled × 0.7) and never drops and rises back within a 4 h shift", async () => {
    const loaded = loadScenario(baselinePath);
    expect(loaded.config.desk.shrinkageMethod).toBe("absence");
    const staffing = await recommendStaffing(loaded.config, { replications: 4, seed: resolveSeed(loaded, undefined), workers: 1, sweepLevels: [] });
    const plan = staffing.intervals.map((interval) => interval.recommendedAgentsScheduled);
    const shiftIntervals = (DEFAULT_SMOOTHING_HOURS * 3600) / staffing.intervalSeconds;
    expect(dipsWithinShift(plan, shiftIntervals), `plan ${plan.join(" ")}`).toEqual([]);
    for (const interval of staffing.intervals) expect(interval.recommendedAgentsOnline).toBeCloseTo(interval.recommendedAgentsScheduled * 0.7, 12);
    // The plan meets the target where the search could judge it, with more agents at the peaks than at night.
    expect(Math.max(...plan)).toBeGreaterThan(Math.min(...plan));
  }, 600_000);
});
