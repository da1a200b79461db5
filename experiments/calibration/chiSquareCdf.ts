import { logGamma } from "../../sim/random/index.ts";

/** Relative precision of the series and continued fraction below. */
const EPSILON = 1e-15;
const MAX_TERMS = 10_000;
/** Smallest magnitude the continued fraction's Lentz steps may reach before being nudged (avoids dividing by 0). */
const TINY = 1e-300;

/**
 * The regularized lower incomplete gamma function P(a, x) = γ(a, x) ÷ Γ(a), for a > 0, x ≥ 0.
 * Series Σ x^n ÷ (a (a+1) … (a+n)) for x < a + 1, else 1 − Q(a, x) with Q's continued fraction
 * (modified Lentz), as in Press et al., "Numerical Recipes", 3rd ed., §6.2 (gser / gcf).
 *
 * @example
 * regularizedGammaP(1, 2) // 1 − e^(−2) = 0.8646647167633873
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`invalid incomplete gamma arguments: a = ${a}, x = ${x} (need a > 0 and x >= 0)`);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  if (x < a + 1) {
    const logPrefix = a * Math.log(x) - x - logGamma(a);
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_TERMS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  return Math.max(0, 1 - upperGammaQ(a, x));
}

/**
 * P(X ≤ x) for X chi-square with k degrees of freedom: P(k ÷ 2, x ÷ 2).
 *
 * @example
 * chiSquareCdf(3.841458820694124, 1) // 0.95 (the 95% point of χ²₁)
 * chiSquareCdf(18.307038053275146, 10) // 0.95
 */
export function chiSquareCdf(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new RangeError(`invalid degrees of freedom: ${degreesOfFreedom} (must be > 0)`);
  return x <= 0 ? 0 : regularizedGammaP(degreesOfFreedom / 2, x / 2);
}

/** Upper tail P(X > x): the goodness-of-fit p-value, computed as Q directly so tiny p-values keep their digits. */
export function chiSquarePValue(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new RangeError(`invalid degrees of freedom: ${degreesOfFreedom} (must be > 0)`);
  if (x <= 0) return 1;
  const a = degreesOfFreedom / 2;
  const half = x / 2;
  if (half < a + 1) return 1 - regularizedGammaP(a, half);
  return upperGammaQ(a, half);
}

/** Q(a, x) = 1 − P(a, x) by the continued fraction (valid for x ≥ a + 1). */
function upperGammaQ(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let n = 1; n < MAX_TERMS; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return Math.min(1, Math.exp(a * Math.log(x) - x - logGamma(a)) * fraction);
}
