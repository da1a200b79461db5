import { invalidValue, requireFinite, requirePositive } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import { standardNormalZiggurat } from "./standardNormalZiggurat.ts";

/**
 * Options of `lognormal`: either the mean and sd of the lognormal values themselves, or the
 * mean `mu` and sd `sigma` of their logarithm.
 */
export type LognormalOptions =
  | { mean: number; sd: number; mu?: undefined; sigma?: undefined }
  | { mu: number; sigma: number; mean?: undefined; sd?: undefined };

/**
 * Lognormal: x = exp(mu + sigma Z), Z standard normal from the ziggurat (exact; ≈ 1.04 uniforms per
 * draw, see standardNormalZiggurat.ts; by inversion until issue 12 part 6, a one-time change of draws).
 * Moments: mean = exp(mu + sigma^2/2), variance = (exp(sigma^2) - 1) exp(2 mu + sigma^2);
 * given {mean, sd} instead: sigma^2 = ln(1 + sd^2/mean^2), mu = ln(mean) - sigma^2/2
 * (Law, "Simulation Modeling and Analysis", 5th ed., table 6.3).
 *
 * @example
 * lognormal(stream, { mean: 120, sd: 60 }).mean; // 120 (up to rounding)
 */
export function lognormal(stream: UniformSource, options: LognormalOptions): Sampler {
  const byLog = options.mu !== undefined || options.sigma !== undefined;
  const byValue = options.mean !== undefined || options.sd !== undefined;
  if (byLog && byValue) {
    throw invalidValue("lognormal", options, "give either {mean, sd} or {mu, sigma}, not both");
  }
  let mu: number;
  let sigma: number;
  let mean: number;
  let variance: number;
  if (byLog) {
    mu = requireFinite("lognormal mu", options.mu as number);
    sigma = requirePositive("lognormal sigma", options.sigma as number);
    mean = Math.exp(mu + (sigma * sigma) / 2);
    variance = Math.expm1(sigma * sigma) * Math.exp(2 * mu + sigma * sigma);
  } else {
    mean = requirePositive("lognormal mean", options.mean as number);
    const sd = requirePositive("lognormal sd", options.sd as number);
    const logVariance = Math.log1p((sd * sd) / (mean * mean));
    sigma = Math.sqrt(logVariance);
    mu = Math.log(mean) - logVariance / 2;
    variance = sd * sd;
  }
  // Parameters at the edge of double precision (mean 5e-324, sd² ÷ mean² overflowing) give NaN or
  // infinite moments and draws: reject them here rather than let NaN reach a simulation.
  if (!Number.isFinite(mu) || !Number.isFinite(sigma) || !Number.isFinite(mean) || !Number.isFinite(variance)) {
    // Each form can only fail one way: {mu, sigma} (both finite) by moments that overflow, {mean, sd}
    // (both finite) by sd² or sd² ÷ mean² overflowing, which is what the user must change.
    const allowed = byLog
      ? "has no finite mean and variance in double precision: keep 2 mu + sigma^2 below 709"
      : "is beyond double precision: keep sd and sd / mean below 1e154";
    throw invalidValue("lognormal", options, allowed);
  }
  return {
    mean,
    variance,
    sample: () => Math.exp(mu + sigma * standardNormalZiggurat(stream)),
  };
}
