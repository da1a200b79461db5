/**
 * Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom, so `t * s / sqrt(k)` is a
 * 95% half-width (NIST/SEMATECH e-Handbook of Statistical Methods, sec. 1.3.6.7.2, table of upper
 * critical values; checked to 4 decimals by numerical integration of the t density).
 */
const STUDENT_T_975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448,
  2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484,
  2.0452, 2.0423,
] as const;

/** Smallest and largest number of batches `batchMeansInterval` accepts (df = batches - 1 within the t table). */
export const MIN_BATCHES = 2;
export const MAX_BATCHES = STUDENT_T_975.length + 1;

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
  const halfWidth = (STUDENT_T_975[batches - 2] * standardDeviation) / Math.sqrt(batches);
  return { mean, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, batches };
}
