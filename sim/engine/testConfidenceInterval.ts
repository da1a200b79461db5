// Test support only: confidence intervals for simulation output (batch means or independent
// replications), shared by the statistical validation tests. Not re-exported from index.ts.

import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { mean, sampleStandardDeviation } from "simple-statistics";
import { expect } from "vitest";

/** A 99% confidence interval for a mean. */
export interface ConfidenceInterval {
  readonly mean: number;
  readonly halfWidth: number;
  readonly low: number;
  readonly high: number;
  /** halfWidth / |mean|: how sharp the check is. */
  readonly relativeHalfWidth: number;
}

/**
 * 99% t-interval mean ± t_{0.995, n-1} s / sqrt(n) from n (roughly) independent, normal estimates:
 * batch means or replication results (Law, "Simulation Modeling and Analysis", 5th ed., sec. 9.4.1 and 9.5.3).
 *
 * @example
 * confidenceInterval99([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // mean 5.5, halfWidth 3.1113...
 */
export function confidenceInterval99(estimates: readonly number[]): ConfidenceInterval {
  const degreesOfFreedom = estimates.length - 1;
  if (degreesOfFreedom < 1) throw new RangeError(`invalid estimates.length: ${estimates.length} (must be at least 2)`);
  // stdlib's inverse t CDF (simple-statistics has none); t(0.995, 19) = 2.861 as in printed tables.
  const quantile = tQuantile(0.995, degreesOfFreedom);
  for (const value of estimates) {
    if (!Number.isFinite(value)) throw new RangeError(`invalid estimate: ${value} (must be finite)`);
  }
  const center = mean(estimates as number[]);
  const halfWidth = (quantile * sampleStandardDeviation(estimates as number[])) / Math.sqrt(estimates.length);
  return { mean: center, halfWidth, low: center - halfWidth, high: center + halfWidth, relativeHalfWidth: halfWidth / Math.abs(center) };
}

/**
 * Means of `batchCount` consecutive, equal-sized batches of `values` (a trailing remainder smaller
 * than one batch is dropped). With batches much longer than the output's correlation time the
 * batch means are nearly independent and normal (Law, sec. 9.5.3).
 *
 * @example
 * batchMeans([1, 2, 3, 4, 5, 6, 7], 3); // [1.5, 3.5, 5.5]
 */
export function batchMeans(values: ArrayLike<number>, batchCount: number): number[] {
  const batchSize = Math.floor(values.length / batchCount);
  if (batchSize < 1) throw new RangeError(`invalid values.length: ${values.length} (fewer than ${batchCount} batches)`);
  const means: number[] = [];
  for (let batch = 0; batch < batchCount; batch++) {
    let total = 0;
    for (let i = batch * batchSize; i < (batch + 1) * batchSize; i++) total += values[i];
    means.push(total / batchSize);
  }
  return means;
}

/** Asserts that `exact` lies in `interval`; the failure message names the measure and both numbers. */
export function expectInside(interval: ConfidenceInterval, exact: number, measure: string): void {
  const message = `${measure}: exact ${exact} vs simulated 99% CI [${interval.low}, ${interval.high}]`;
  // VALIDATION_TABLE=1 prints one row per check (measure, simulated mean, 99% CI, exact) for the closing notes.
  if (process.env.VALIDATION_TABLE === "1")
    console.log(`| ${measure} | ${formatFigure(interval.mean)} | [${formatFigure(interval.low)}, ${formatFigure(interval.high)}] | ${formatFigure(exact)} |`);
  expect(exact, message).toBeGreaterThanOrEqual(interval.low);
  expect(exact, message).toBeLessThanOrEqual(interval.high);
}

function formatFigure(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}
