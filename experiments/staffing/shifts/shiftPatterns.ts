import type { ResolvedShiftRules } from "./shiftRules.ts";

/** One kind of shift the rules allow: where it starts, how long it is, and where its break falls. */
export interface ShiftPattern {
  /** Start, in intervals from the start of the horizon. */
  readonly start: number;
  /** Length, intervals, break included. */
  readonly length: number;
  /** Start of the unpaid break, intervals after the shift's start; null without a break. */
  readonly breakOffset: number | null;
  readonly breakLength: number;
  /** Paid intervals: the length minus the break. */
  readonly paid: number;
}

/**
 * Every shift the rules allow over a horizon of `horizonIntervals` (whole days). Shifts wrap past
 * the end of the horizon, as the plan repeats (a night shift is not cut at midnight), the same
 * convention as the greedy cover.
 *
 * @example
 * shiftPatterns(resolveShiftRules({ lengthsHours: [8], startTimes: ["08:00"] }, 3600), 24)
 * // [{ start: 8, length: 8, breakOffset: null, breakLength: 0, paid: 8 }]
 */
export function shiftPatterns(rules: ResolvedShiftRules, horizonIntervals: number): ShiftPattern[] {
  const perDay = 86_400 / rules.intervalSeconds;
  const days = horizonIntervals / perDay;
  const patterns: ShiftPattern[] = [];
  for (let day = 0; day < days; day++) {
    for (const offset of rules.startsInDay) {
      for (const length of rules.lengths) {
        const start = day * perDay + offset;
        const breakRule = rules.breakRule !== null && length >= rules.breakRule.fromLength ? rules.breakRule : null;
        if (breakRule === null) {
          patterns.push({ start, length, breakOffset: null, breakLength: 0, paid: length });
          continue;
        }
        for (let breakOffset = breakRule.earliestAfter; breakOffset + breakRule.length + breakRule.latestBeforeEnd <= length; breakOffset++) {
          patterns.push({ start, length, breakOffset, breakLength: breakRule.length, paid: length - breakRule.length });
        }
      }
    }
  }
  return patterns;
}

/** The horizon intervals a pattern covers (its break excluded), wrapping past the end. */
export function coveredIntervals(pattern: ShiftPattern, horizonIntervals: number): number[] {
  const covered: number[] = [];
  for (let k = 0; k < pattern.length; k++) {
    if (pattern.breakOffset !== null && k >= pattern.breakOffset && k < pattern.breakOffset + pattern.breakLength) continue;
    covered.push((pattern.start + k) % horizonIntervals);
  }
  return covered;
}
