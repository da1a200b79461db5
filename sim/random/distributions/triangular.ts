import { invalidValue, requireFinite } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";

/** Options of `triangular`: min <= mode <= max with min < max. */
export interface TriangularOptions {
  min: number;
  mode: number;
  max: number;
}

/**
 * Triangular(min a, mode c, max b) by inversion of its piecewise-quadratic CDF:
 * x = a + sqrt(u (b - a)(c - a)) for u < (c - a)/(b - a), else b - sqrt((1 - u)(b - a)(b - c)).
 * Mean (a + b + c)/3, variance (a^2 + b^2 + c^2 - ab - ac - bc)/18
 * (Law, "Simulation Modeling and Analysis", 5th ed., table 6.3), computed as the equal
 * ((a - b)^2 + (b - c)^2 + (a - c)^2)/36, which does not cancel when a, b, c share a large offset.
 *
 * @example
 * triangular(stream, { min: 0, mode: 1, max: 2 }).mean; // 1
 */
export function triangular(stream: UniformSource, options: TriangularOptions): Sampler {
  const a = requireFinite("triangular min", options.min);
  const c = requireFinite("triangular mode", options.mode);
  const b = requireFinite("triangular max", options.max);
  if (!(b > a)) throw invalidValue("triangular max", b, `must be > min ${a}`);
  if (!(c >= a && c <= b)) throw invalidValue("triangular mode", c, `must be in [min ${a}, max ${b}]`);
  const width = b - a;
  const modeFraction = (c - a) / width;
  const lowerScale = width * (c - a);
  const upperScale = width * (b - c);
  return {
    mean: (a + b + c) / 3,
    variance: ((a - b) ** 2 + (b - c) ** 2 + (a - c) ** 2) / 36,
    sample: () => {
      const u = stream.next();
      return u < modeFraction ? a + Math.sqrt(u * lowerScale) : b - Math.sqrt((1 - u) * upperScale);
    },
  };
}
