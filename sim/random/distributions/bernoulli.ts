import { invalidValue } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";

/**
 * Bernoulli(p): `sample()` returns 1 with probability p and 0 otherwise.
 * Mean p, variance p (1 - p). One uniform per draw: 1 when u < p.
 *
 * @example
 * const converts = bernoulli(streams.stream("conversion"), 0.03);
 * converts.sample(); // 0 or 1
 */
export function bernoulli(stream: UniformSource, p: number): Sampler {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw invalidValue("bernoulli p", p, "must be in [0, 1]");
  }
  return {
    mean: p,
    variance: p * (1 - p),
    sample: () => (stream.next() < p ? 1 : 0),
  };
}
