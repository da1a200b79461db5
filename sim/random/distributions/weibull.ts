import { invalidValue, requirePositive } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import { gammaFunction } from "./logGamma.ts";

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
  // A tiny shape (e.g. 0.001) has Γ(1 + 1/k) beyond double range: infinite mean, infinite draws.
  if (!Number.isFinite(scale * gamma1) || !Number.isFinite(scale * scale * gamma2)) {
    throw invalidValue("weibull shape", shape, "gives no finite mean and variance; use a shape of about 0.01 or more");
  }
  return {
    mean: scale * gamma1,
    variance: scale * scale * (gamma2 - gamma1 * gamma1),
    sample: () => scale * (-Math.log(stream.next())) ** inverseShape,
  };
}
