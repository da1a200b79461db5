import type { Sampler } from "../specs/sampler.ts";

/** Exact moments of a distribution, taken from textbook formulas by the caller. */
export interface ExactMoments {
  mean: number;
  variance: number;
  /** E[(X - mean)^4]; sets the standard error of the sample variance. */
  fourthCentralMoment: number;
}

/** What `momentCheck` measured and how far off each moment may be. */
export interface MomentCheck {
  sampleMean: number;
  sampleVariance: number;
  meanTolerance: number;
  varianceTolerance: number;
}

/**
 * Test support (not re-exported): draws `draws` values and returns the sample mean and variance
 * with tolerances of `standardErrors` standard errors around the exact values:
 * SE(mean) = sqrt(variance / n), and for the unbiased sample variance s^2 the exact
 * Var(s^2) = mu4 / n - variance^2 (n - 3) / (n (n - 1)) (Kendall & Stuart, "The Advanced Theory
 * of Statistics" vol. 1, 10.5), i.e. ~ (mu4 - variance^2) / n for large n. At 5 standard errors
 * a correct sampler fails with probability ~6e-7 per moment (normal approximation), and with a
 * fixed seed a passing test stays passing.
 *
 * @example
 * momentCheck(exponential(stream, { mean: 1 }), { mean: 1, variance: 1, fourthCentralMoment: 9 }, 200_000);
 */
export function momentCheck(sampler: Sampler, exact: ExactMoments, draws: number, standardErrors = 5): MomentCheck {
  const values = new Float64Array(draws);
  let sum = 0;
  for (let i = 0; i < draws; i++) sum += values[i] = sampler.sample();
  const sampleMean = sum / draws;
  let squares = 0;
  for (let i = 0; i < draws; i++) squares += (values[i] - sampleMean) ** 2;
  return {
    sampleMean,
    sampleVariance: squares / (draws - 1),
    meanTolerance: standardErrors * Math.sqrt(exact.variance / draws),
    varianceTolerance: standardErrors * Math.sqrt(exact.fourthCentralMoment / draws - (exact.variance ** 2 * (draws - 3)) / (draws * (draws - 1))),
  };
}

/**
 * Test support: E[(X - m)^4] from the raw moments E[X], E[X^2], E[X^3], E[X^4]
 * (mu4 = m4 - 4 m1 m3 + 6 m1^2 m2 - 3 m1^4), for distributions whose textbook form gives raw moments.
 *
 * @example
 * fourthCentralFromRaw(0.5, 1 / 3, 1 / 4, 1 / 5); // 0.0125 (uniform on [0, 1): 1/80)
 */
export function fourthCentralFromRaw(m1: number, m2: number, m3: number, m4: number): number {
  return m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4;
}

/** Test support: |actual - expected| <= relative |expected| (absolute when expected is 0). */
export function isRelativelyClose(actual: number, expected: number, relative = 1e-12): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), 1e-300) || actual === expected;
}
