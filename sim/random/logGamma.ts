// ln Gamma(x) for the Poisson (PTRS) and Weibull samplers. Internal: not re-exported.

// Stirling-series coefficients B_2k / (2k (2k - 1)), k = 1..10, from the Bernoulli numbers
// B_2 .. B_20; written as exact fractions so they can be checked against any table.
const STIRLING = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188,
  -691 / 360360, 1 / 156, -3617 / 122400, 43867 / 244188, -174611 / 125400,
];
const HALF_LOG_TWO_PI = 0.9189385332046727; // ln(sqrt(2 pi))

/**
 * Natural log of the gamma function for x > 0 (NaN otherwise).
 * Stirling's asymptotic series ln Gamma(x) = (x - 1/2) ln x - x + ln sqrt(2 pi) + sum_k B_2k /
 * (2k (2k - 1) x^(2k - 1)), applied at x >= 7 and shifted down with Gamma(x) = Gamma(x + n) /
 * (x (x + 1) ... (x + n - 1)) below; the scheme of S. Zhang & J. Jin, "Computation of Special
 * Functions" (Wiley, 1996), also used by NumPy's Poisson generator. Relative error ~1e-15.
 *
 * @example
 * logGamma(5); // 3.1780538303479458 (= ln 24)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === 1 || x === 2) return 0;
  let shifted = x;
  let logProduct = 0;
  if (x < 7) {
    let product = 1;
    while (shifted < 7) product *= shifted++;
    logProduct = Math.log(product);
  }
  const inverseSquare = 1 / (shifted * shifted);
  let series = STIRLING[9];
  for (let k = 8; k >= 0; k--) series = series * inverseSquare + STIRLING[k];
  return series / shifted + HALF_LOG_TWO_PI + (shifted - 0.5) * Math.log(shifted) - shifted - logProduct;
}

/**
 * Gamma(x) = exp(ln Gamma(x)) for x > 0; fine for the moderate arguments used here
 * (Weibull moments Gamma(1 + n/shape)); overflows to Infinity past x ~ 171.6.
 *
 * @example
 * gammaFunction(0.5); // 1.7724538509055159 (= sqrt(pi))
 */
export function gammaFunction(x: number): number {
  return Math.exp(logGamma(x));
}
