import { requireFinite, requirePositive } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import { standardNormalQuantile } from "./standardNormal.ts";

/** Options of `normal`: mean and standard deviation. */
export interface NormalOptions {
  mean: number;
  sd: number;
}

/**
 * Normal(mean, sd^2) by inversion, x = mean + sd Phi^-1(u), with Wichura's AS 241 quantile
 * (relative accuracy ~1e-16). Inversion uses exactly one uniform per draw and keeps no cached
 * second variate, so no value can leak between samplers or streams the way a shared Box-Muller
 * cache does. Mean `mean`, variance sd^2.
 *
 * @example
 * normal(stream, { mean: 10, sd: 2 }).variance; // 4
 */
export function normal(stream: UniformSource, options: NormalOptions): Sampler {
  const mean = requireFinite("normal mean", options.mean);
  const sd = requirePositive("normal sd", options.sd);
  return {
    mean,
    variance: sd * sd,
    sample: () => mean + sd * standardNormalQuantile(stream.next()),
  };
}
