import { requireNonNegative } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import { logGamma } from "./logGamma.ts";

/** Options of `poisson`: the mean (= variance), >= 0. */
export interface PoissonOptions {
  mean: number;
}

// Below this mean, sequential inversion (expected mean + 1 steps) is fastest; from it on, PTRS
// (the threshold Hormann validated the constants for, also NumPy's choice).
const PTRS_MIN_MEAN = 10;

/**
 * Poisson(mean): mean and variance both equal `mean` (Law, "Simulation Modeling and Analysis",
 * 5th ed., table 6.4). Exact in distribution at every mean, O(1) expected time for large means:
 * - mean < 10: inversion by sequential search of the CDF from 0 (one uniform per draw);
 * - mean >= 10: PTRS, transformed rejection with squeeze, W. Hormann, "The transformed rejection
 *   method for generating Poisson random variables", Insurance: Mathematics and Economics
 *   12(1):39-45, 1993 (measured: 1.33 iterations of two uniforms per draw at mean 10, 1.12 at 1e6).
 *
 * @example
 * poisson(stream, { mean: 7 }).variance; // 7
 */
export function poisson(stream: UniformSource, options: PoissonOptions): Sampler {
  const mean = requireNonNegative("poisson mean", options.mean);
  const sample = mean < PTRS_MIN_MEAN ? inversionSampler(stream, mean) : ptrsSampler(stream, mean);
  return { mean, variance: mean, sample };
}

function inversionSampler(stream: UniformSource, mean: number): () => number {
  const probabilityOfZero = Math.exp(-mean);
  return () => {
    const u = stream.next();
    let k = 0;
    let probability = probabilityOfZero;
    let cumulative = probability;
    // Rounding can leave the summed CDF just below u ~ 1 - 2^-53 for good: stop at the first term
    // that no longer changes the sum (the rest of the tail is below its last bit). Waiting for the
    // term to underflow instead returned draws such as 182 at mean 1.14, whose quantile is 18.
    while (u > cumulative) {
      k++;
      probability *= mean / k;
      const next = cumulative + probability;
      if (next === cumulative) break;
      cumulative = next;
    }
    return k;
  };
}

function ptrsSampler(stream: UniformSource, mean: number): () => number {
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const acceptBound = 0.9277 - 3.6224 / (b - 2);
  return () => {
    for (;;) {
      const u = stream.next() - 0.5;
      const v = stream.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= acceptBound) return k; // squeeze: inside the hat for sure
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) {
        return k;
      }
    }
  };
}
