import gammainc from "@stdlib/math-base-special-gammainc";
import chiSquareCdfStdlib from "@stdlib/stats-base-dists-chisquare-cdf";

/**
 * The regularized lower incomplete gamma function P(a, x) = γ(a, x) ÷ Γ(a), for a > 0, x ≥ 0
 * (stdlib's gammainc, after Boost's gamma_p).
 *
 * @example
 * regularizedGammaP(1, 2) // 1 − e^(−2) = 0.8646647167633873
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`invalid incomplete gamma arguments: a = ${a}, x = ${x} (need a > 0 and x >= 0)`);
  return gammainc(x, a, true, false);
}

/**
 * P(X ≤ x) for X chi-square with k degrees of freedom (stdlib's chi-square CDF); the argument check is
 * ours so a bad k is one house-format line instead of a NaN.
 *
 * @example
 * chiSquareCdf(3.841458820694124, 1) // 0.95 (the 95% point of χ²₁)
 * chiSquareCdf(18.307038053275146, 10) // 0.95
 */
export function chiSquareCdf(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new RangeError(`invalid degrees of freedom: ${degreesOfFreedom} (must be > 0)`);
  return chiSquareCdfStdlib(x, degreesOfFreedom);
}

/**
 * Upper tail P(X > x): the goodness-of-fit p-value. Computed as the upper regularized incomplete gamma
 * Q(k ÷ 2, x ÷ 2) directly (stdlib's gammainc with `upper`), not as 1 − CDF, so tiny p-values keep
 * their digits (1 − CDF is 0 below about 1e-16).
 */
export function chiSquarePValue(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new RangeError(`invalid degrees of freedom: ${degreesOfFreedom} (must be > 0)`);
  if (x <= 0) return 1;
  return gammainc(x / 2, degreesOfFreedom / 2, true, true);
}
