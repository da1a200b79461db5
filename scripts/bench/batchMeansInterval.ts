import tQuantile from "@stdlib/stats-base-dists-t-quantile";
/** Smallest and largest number of batches `batchMeansInterval` accepts (10 to 30 is the usual advice; Law, sec. 9.5.3). */
export const MIN_BATCHES = 2;
export const MAX_BATCHES = 31;

/** A 95% confidence interval for a steady-state mean. */
export interface ConfidenceInterval {
  mean: number;
  halfWidth: number;
  lower: number;
  upper: number;
  batches: number;
}

/**
 * 95% confidence interval for a steady-state mean from k equal-size batch means:
 * mean ± t(0.975, k - 1) · s / √k, with s the sample standard deviation of the batch means
 * (Law, "Simulation Modeling and Analysis", 5th ed., sec. 9.5.3). Batches must be long enough to be
 * nearly independent; 10 to 30 batches is the usual advice.
 *
 * @example
 * batchMeansInterval([1, 2, 3, 4]);
 * // { mean: 2.5, halfWidth: 2.0543..., lower: 0.4457..., upper: 4.5543..., batches: 4 }   (t(0.975, 3) = 3.1824)
 */
export function batchMeansInterval(batchMeans: readonly number[]): ConfidenceInterval {
  const batches = batchMeans.length;
  if (!Number.isInteger(batches) || batches < MIN_BATCHES || batches > MAX_BATCHES) {
    throw new RangeError(`invalid batchMeans.length: ${batches} (must be an integer from ${MIN_BATCHES} to ${MAX_BATCHES})`);
  }
  let sum = 0;
  for (const value of batchMeans) sum += value;
  const mean = sum / batches;
  let squares = 0;
  for (const value of batchMeans) squares += (value - mean) ** 2;
  const standardDeviation = Math.sqrt(squares / (batches - 1));
  // t(0.975, k − 1) from stdlib's inverse t CDF: t(0.975, 19) = 2.093 as in printed tables (NIST/SEMATECH §1.3.6.7.2).
  const halfWidth = (tQuantile(0.975, batches - 1) * standardDeviation) / Math.sqrt(batches);
  return { mean, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, batches };
}
