import { requireFinite } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";

/**
 * A degenerate distribution: every draw is `value` (mean `value`, variance 0). Takes no stream,
 * so swapping a random duration for a fixed one never shifts any stream's sequence.
 *
 * @example
 * constant(30).sample(); // 30
 */
export function constant(value: number): Sampler {
  requireFinite("constant value", value);
  return { mean: value, variance: 0, sample: () => value };
}
