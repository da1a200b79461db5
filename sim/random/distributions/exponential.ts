import { invalidValue, requirePositive } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";

/** Options of `exponential`: either the mean or the rate (= 1 / mean), not both. */
export type ExponentialOptions = { mean: number; rate?: undefined } | { rate: number; mean?: undefined };

/**
 * Exponential distribution by inversion, x = -mean ln(1 - u).
 * Mean = 1 / rate, variance = mean^2 (Law, "Simulation Modeling and Analysis", 5th ed., table 6.3).
 *
 * @example
 * exponential(stream, { rate: 0.5 }).mean; // 2
 */
export function exponential(stream: UniformSource, options: ExponentialOptions): Sampler {
  let mean: number;
  if (options.mean !== undefined && options.rate !== undefined) {
    throw invalidValue("exponential", options, "give either mean or rate, not both");
  } else if (options.rate !== undefined) {
    mean = 1 / requirePositive("exponential rate", options.rate);
  } else {
    mean = requirePositive("exponential mean", options.mean as number);
  }
  return {
    mean,
    variance: mean * mean,
    sample: () => -mean * Math.log(1 - stream.next()),
  };
}
