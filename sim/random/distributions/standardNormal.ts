// Standard normal helpers shared by the normal, lognormal, truncated normal and gamma samplers.
// Internal to sim/random: not re-exported from index.ts.

const LOG_SQRT_TWO_PI = 0.9189385332046727; // ln(sqrt(2 pi))

/**
 * Standard normal density phi(x) = exp(-x^2 / 2) / sqrt(2 pi).
 *
 * @example
 * standardNormalDensity(0); // 0.3989422804014327
 */
export function standardNormalDensity(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_TWO_PI);
}

/**
 * Upper tail Q(x) = P(Z > x) = 1 - Phi(x), with full relative accuracy far into the tail.
 * |x| < 3: Marsaglia's Taylor series Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...)
 * (G. Marsaglia, "Evaluating the normal distribution", J. Stat. Software 11(4), 2004), which is
 * accurate to ~1e-16 absolute; x >= 3: Laplace's continued fraction for the Mills ratio,
 * Q(x) = phi(x) / (x + 1/(x + 2/(x + 3/(x + ...)))) (Abramowitz & Stegun 26.2.14), evaluated
 * bottom-up, which keeps relative accuracy where 1 - Phi(x) would cancel.
 *
 * @example
 * standardNormalUpperTail(1); // 0.15865525393145707
 */
export function standardNormalUpperTail(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= -3) return 1 - standardNormalUpperTail(-x);
  if (x < 3) {
    let sum = x;
    let term = x;
    const squared = x * x;
    for (let odd = 3; Math.abs(term) > 1e-17 * Math.abs(sum); odd += 2) {
      term *= squared / odd;
      sum += term;
    }
    return 0.5 - standardNormalDensity(x) * sum;
  }
  // 200 terms give < 1e-16 relative error at x = 3 and converge faster beyond.
  let fraction = x;
  for (let k = 200; k >= 1; k--) fraction = x + k / fraction;
  return standardNormalDensity(x) / fraction;
}

/**
 * Inverse of the standard normal CDF, Phi^-1(p) for p in (0, 1); -Infinity at 0, Infinity at 1.
 * Algorithm AS 241 (PPND16): M. J. Wichura, "The percentage points of the normal distribution",
 * Applied Statistics 37(3):477-484, 1988; relative accuracy about 1e-16.
 *
 * Samplers use it for normal variates by inversion: one uniform per draw, no rejection and no
 * cached second value (the Box-Muller pair cache is a classic source of cross-stream bugs).
 *
 * @example
 * standardNormalQuantile(0.975); // 1.959963984540054
 */
export function standardNormalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  if (!(r > 0)) return r === 0 ? (q < 0 ? -Infinity : Infinity) : NaN;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 2.27238449892691845833e-2) * r + 2.4178072517745061177e-1) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 1.51986665636164571966e-2) * r + 1.4810397642748007459e-1) * r +
        6.8976733498510000455e-1) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.2426609473880784386e-3) * r + 2.6532189526576123093e-2) * r +
        2.9656057182850489123e-1) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        1.48753612908506148525e-2) *
        r +
        1.3692988092273580531e-1) *
        r +
        5.9983220655588793769e-1) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}
