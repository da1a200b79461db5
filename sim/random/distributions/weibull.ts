import { invalidValue, requirePositive } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import { gammaFunction } from "./logGamma.ts";

/** The smallest shape, to 3 digits, whose variance is finite in double precision (see `weibull`). */
const MIN_SHAPE = 0.012;

/** Options of `weibull`: shape k > 0 and scale lambda > 0, with P(X > x) = exp(-(x/lambda)^k). */
export interface WeibullOptions {
  shape: number;
  scale: number;
}

/**
 * Weibull(shape k, scale lambda) by inversion, x = lambda (-ln U)^(1/k).
 * Mean lambda Gamma(1 + 1/k), variance lambda^2 [Gamma(1 + 2/k) - Gamma(1 + 1/k)^2]
 * (Law, "Simulation Modeling and Analysis", 5th ed., table 6.3).
 *
 * @example
 * weibull(stream, { shape: 1, scale: 5 }).mean; // 5 (shape 1 is the exponential)
 */
export function weibull(stream: UniformSource, options: WeibullOptions): Sampler {
  const shape = requirePositive("weibull shape", options.shape);
  const scale = requirePositive("weibull scale", options.scale);
  const inverseShape = 1 / shape;
  const gamma1 = gammaFunction(1 + inverseShape);
  const gamma2 = gammaFunction(1 + 2 * inverseShape);
  // A tiny shape (e.g. 0.001) has Γ(1 + 2/k) beyond double range (Γ overflows past 171.62, so k must
  // exceed 2 / 170.62 = 0.01172); Γ(1 + 1/k) <= Γ(1 + 2/k) there, so the mean is finite when it is.
  if (!Number.isFinite(gamma2)) {
    throw invalidValue("weibull shape", shape, `gives no finite variance in double precision; use a shape of ${MIN_SHAPE} or more`);
  }
  // A shape that is fine may still overflow with a huge scale: then the scale is what to change.
  if (!Number.isFinite(scale * gamma1) || !Number.isFinite(scale * scale * gamma2)) {
    throw invalidValue("weibull scale", scale, `gives no finite mean and variance with shape ${shape}; use a smaller scale`);
  }
  return {
    mean: scale * gamma1,
    variance: scale * scale * (gamma2 - gamma1 * gamma1),
    sample: () => scale * (-Math.log(stream.next())) ** inverseShape,
  };
}
