/**
 * Shortest shift the smoothing assumes when none is given, hours: a requirement that drops and comes
 * back within it cannot send anyone home (assumption: the shortest common shift, plausible 4-8).
 */
export const DEFAULT_SMOOTHING_HOURS = 4;

/**
 * Fills the dips of a per-interval plan that last at most `window` intervals, so simulation noise
 * cannot make it jump 33 → 38 → 33: the morphological closing of the plan by a flat window of
 * `window` + 1 intervals (Serra 1982). Each interval becomes the smallest, over all runs of
 * `window` + 1 consecutive intervals that hold it, of the run's highest level; runs may hang over
 * either end of the plan (nothing is higher out there), so a low start or end of the day stays low.
 * A dip rises to the lower of its two neighbouring peaks; rises and falls that last longer than the
 * window stay; nothing is ever lowered (the target stays met wherever it was); smoothing twice
 * changes nothing more.
 *
 * `window` 0 returns the plan as it is.
 *
 * @example
 * smoothPlan([33, 38, 33, 38, 33, 20, 20, 20, 20, 20], 2) // → [33, 38, 38, 38, 33, 20, 20, 20, 20, 20]
 */
export function smoothPlan(plan: readonly number[], window: number): number[] {
  const last = plan.length - 1;
  return plan.map((level, index) => {
    let smallest = Infinity;
    for (let start = index - window; start <= index; start++) {
      let highest = level;
      for (let at = Math.max(0, start); at <= Math.min(last, start + window); at++) highest = Math.max(highest, plan[at]);
      smallest = Math.min(smallest, highest);
    }
    return smallest;
  });
}

/**
 * Keeps the dips that `smoothPlan` filled when keeping one saves at least `minSavings` (agent ×
 * intervals): a deep or long dip may be worth a split or a short shift, which the planner states by
 * the threshold. A dip is a maximal run of intervals the smoothing raised; it is restored to the
 * unsmoothed plan whole. Returns the plan and the number of dips kept.
 *
 * @example
 * keepCostlyDips([10, 2, 10], [10, 10, 10], 8) // → { plan: [10, 2, 10], keptDips: 1 } (8 agent-intervals saved)
 */
export function keepCostlyDips(plan: readonly number[], smoothed: readonly number[], minSavings: number): { plan: number[]; keptDips: number } {
  const result = [...smoothed];
  let keptDips = 0;
  for (let start = 0; start < plan.length; ) {
    if (smoothed[start] <= plan[start]) {
      start++;
      continue;
    }
    let end = start;
    let savings = 0;
    for (; end < plan.length && smoothed[end] > plan[end]; end++) savings += smoothed[end] - plan[end];
    if (savings >= minSavings) {
      keptDips++;
      for (let at = start; at < end; at++) result[at] = plan[at];
    }
    start = end;
  }
  return { plan: result, keptDips };
}
