import { requirePositive } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import { standardNormalQuantile } from "./standardNormal.ts";

/** Options of `gamma`: shape k > 0 and scale theta > 0 (mean k theta). */
export interface GammaOptions {
  shape: number;
  scale: number;
}

/**
 * Returns a function drawing Gamma(shape, 1) variates from `stream`.
 * Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3):363-372,
 * 2000: with d = shape - 1/3 and c = 1/sqrt(9d), accept d v for v = (1 + c Z)^3 when
 * ln U < Z^2/2 + d - d v + d ln v (plus their cheap squeeze U < 1 - 0.0331 Z^4); acceptance is
 * >= 95% for every shape >= 1. For shape < 1 it uses their boost
 * Gamma(shape) = Gamma(shape + 1) U^(1/shape) (same paper, section 6).
 * Z comes from inversion, so no normal variate is cached between calls. Internal to sim/random.
 */
export function standardGammaGenerator(stream: UniformSource, shape: number): () => number {
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const inverseShape = 1 / shape;
  return () => {
    let value: number;
    for (;;) {
      const z = standardNormalQuantile(stream.next());
      let v = 1 + c * z;
      if (v <= 0) continue;
      v = v * v * v;
      const u = stream.next();
      const zSquared = z * z;
      if (u < 1 - 0.0331 * zSquared * zSquared || Math.log(u) < 0.5 * zSquared + d * (1 - v + Math.log(v))) {
        value = d * v;
        break;
      }
    }
    // exp(ln U / shape) rather than U ** (1/shape): the same number, and it underflows gracefully.
    return boosted ? value * Math.exp(Math.log(stream.next()) * inverseShape) : value;
  };
}

/**
 * Gamma(shape k, scale theta): mean k theta, variance k theta^2
 * (Law, "Simulation Modeling and Analysis", 5th ed., table 6.3). Sampling: Marsaglia-Tsang,
 * valid for every shape > 0 (see `standardGammaGenerator`).
 *
 * @example
 * gamma(stream, { shape: 2, scale: 3 }).variance; // 18
 */
export function gamma(stream: UniformSource, options: GammaOptions): Sampler {
  const shape = requirePositive("gamma shape", options.shape);
  const scale = requirePositive("gamma scale", options.scale);
  const standard = standardGammaGenerator(stream, shape);
  return {
    mean: shape * scale,
    variance: shape * scale * scale,
    sample: () => scale * standard(),
  };
}
