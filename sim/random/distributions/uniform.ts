import { invalidValue, requireFinite } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";

/** Options of `uniform`: the interval [min, max). */
export interface UniformOptions {
  min: number;
  max: number;
}

/**
 * Continuous uniform on [min, max). Mean (min + max) / 2, variance (max - min)^2 / 12
 * (any probability text, e.g. Law, "Simulation Modeling and Analysis", 5th ed., table 6.3).
 *
 * @example
 * uniform(stream, { min: 2, max: 4 }).mean; // 3
 */
export function uniform(stream: UniformSource, options: UniformOptions): Sampler {
  const min = requireFinite("uniform min", options.min);
  const max = requireFinite("uniform max", options.max);
  if (!(max > min)) throw invalidValue("uniform max", max, `must be > min ${min}`);
  const width = max - min;
  return {
    mean: (min + max) / 2,
    variance: (width * width) / 12,
    sample: () => min + width * stream.next(),
  };
}
