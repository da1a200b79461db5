import { requireFinite, requirePositive } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import { standardNormalZiggurat } from "./standardNormalZiggurat.ts";

/** Options of `normal`: mean and standard deviation. */
export interface NormalOptions {
  mean: number;
  sd: number;
}

/**
 * Normal(mean, sd^2): x = mean + sd Z, Z from the ziggurat (exact; ≈ 1.04 uniforms per draw, see
 * standardNormalZiggurat.ts). Until issue 12 part 6 Z came from inversion (Wichura's AS 241), which
 * was several times slower; the streams' draws changed once then. No second variate is cached, so
 * no value can leak between samplers or streams the way a shared Box-Muller cache does.
 * Mean `mean`, variance sd^2.
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
    sample: () => mean + sd * standardNormalZiggurat(stream),
  };
}
