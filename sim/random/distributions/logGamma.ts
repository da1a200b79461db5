// ln Gamma(x) and Gamma(x) for the Poisson (PTRS) and Weibull samplers. Internal: not re-exported
// beyond logGamma. stdlib's gammaln and gamma (after Boost and Cephes) replace a hand-written Stirling
// series: the same ~1e-15 relative error, with the reflection and small-argument cases handled.
import gamma from "@stdlib/math-base-special-gamma";
import gammaln from "@stdlib/math-base-special-gammaln";

/**
 * Natural log of the gamma function for x > 0 (NaN otherwise: the samplers never ask elsewhere, and
 * NaN makes a misuse visible rather than returning ln|Γ| of a negative argument).
 *
 * @example
 * logGamma(5); // 3.1780538303479458 (= ln 24)
 */
export function logGamma(x: number): number {
  return x > 0 ? gammaln(x) : NaN;
}

/**
 * Gamma(x) for x > 0 (Weibull moments Gamma(1 + n/shape)); Infinity past x ~ 171.6.
 *
 * @example
 * gammaFunction(0.5); // 1.7724538509055159 (= sqrt(pi))
 */
export function gammaFunction(x: number): number {
  return x > 0 ? gamma(x) : NaN;
}
