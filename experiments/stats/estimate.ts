import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { mean, sampleStandardDeviation } from "simple-statistics";

/** Default confidence level of every interval. */
export const DEFAULT_CONFIDENCE_LEVEL = 0.95;

/**
 * A mean with its t-based confidence interval. `lower`, `upper` and `halfWidth` are null with fewer
 * than two values (no interval can be formed), never NaN.
 */
export interface Estimate {
  mean: number;
  lower: number | null;
  upper: number | null;
  halfWidth: number | null;
  standardDeviation: number | null;
  n: number;
}

/**
 * Mean and the two-sided t interval mean ± t(1 − α/2, n − 1) · s / √n (Student 1908; e.g. Law,
 * "Simulation Modeling and Analysis", 5th ed., §9.4.1). Mean and s come from simple-statistics, the t
 * quantile from stdlib.
 *
 * @example
 * tInterval([1, 2, 3, 4, 5], 0.95) // { mean: 3, halfWidth: 1.963…, lower: 1.036…, upper: 4.963…, n: 5 }
 */
export function tInterval(values: readonly number[], level = DEFAULT_CONFIDENCE_LEVEL): Estimate {
  checkLevel(level);
  const n = values.length;
  if (n === 0) throw new RangeError("invalid values: an empty list (an estimate needs at least 1 value)");
  const average = mean(values as number[]);
  if (n < 2) return { mean: average, lower: null, upper: null, halfWidth: null, standardDeviation: null, n };
  const standardDeviation = sampleStandardDeviation(values as number[]);
  const halfWidth = tQuantile(1 - (1 - level) / 2, n - 1) * (standardDeviation / Math.sqrt(n));
  return { mean: average, lower: average - halfWidth, upper: average + halfWidth, halfWidth, standardDeviation, n };
}

/** Half-width ÷ |mean| (null when undefined): the precision a sequential run aims for. */
export function relativeHalfWidth(estimate: Estimate): number | null {
  if (estimate.halfWidth === null || estimate.mean === 0) return null;
  return estimate.halfWidth / Math.abs(estimate.mean);
}

export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`invalid confidence level: ${level} (must be between 0 and 1, e.g. 0.95)`);
}

/**
 * A t interval for a share (service level, abandonment rate): bounds truncated to [0, 1], since a
 * share cannot leave it. Near 0 or 1 the symmetric t interval would otherwise show e.g. [64%, 114%].
 *
 * @example
 * shareInterval([0.9, 1, 1, 0.95]).upper // 1 (the t interval's upper bound is above 1)
 */
export function shareInterval(values: readonly number[], level = DEFAULT_CONFIDENCE_LEVEL): Estimate {
  const estimate = tInterval(values, level);
  return {
    ...estimate,
    lower: estimate.lower === null ? null : Math.max(0, estimate.lower),
    upper: estimate.upper === null ? null : Math.min(1, estimate.upper),
  };
}
