import { invalidValue, requirePositive } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import { standardGammaGenerator } from "./gamma.ts";

/** Options of `erlang`: k phases (an integer >= 1) and the overall mean. */
export interface ErlangOptions {
  k: number;
  mean: number;
}

// Up to this many phases the product-of-uniforms method (one log per draw) is cheaper than
// Marsaglia-Tsang; beyond it the product risks underflow and the gamma method is faster anyway.
const MAX_PHASES_BY_PRODUCT = 16;

/**
 * Erlang(k, mean): the sum of k independent exponentials of mean mean/k, i.e. Gamma(k, mean/k).
 * Mean `mean`, variance mean^2 / k (Law, "Simulation Modeling and Analysis", 5th ed., table 6.3).
 * Sampling: x = -(mean/k) ln(U_1 ... U_k) for k <= 16, otherwise Marsaglia-Tsang gamma.
 *
 * @example
 * erlang(stream, { k: 4, mean: 60 }).variance; // 900
 */
export function erlang(stream: UniformSource, options: ErlangOptions): Sampler {
  const k = options.k;
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1) {
    throw invalidValue("erlang k", k, "must be an integer >= 1");
  }
  const mean = requirePositive("erlang mean", options.mean);
  const phaseMean = mean / k;
  let sample: () => number;
  if (k <= MAX_PHASES_BY_PRODUCT) {
    sample = () => {
      let product = stream.next();
      for (let phase = 1; phase < k; phase++) product *= stream.next();
      return -phaseMean * Math.log(product);
    };
  } else {
    const standard = standardGammaGenerator(stream, k);
    sample = () => phaseMean * standard();
  }
  return { mean, variance: (mean * mean) / k, sample };
}
