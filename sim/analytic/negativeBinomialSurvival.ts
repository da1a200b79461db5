/** Stop summing the upper tail once the geometric bound on what is left is below this share of it. */
const RELATIVE_TAIL = 1e-18;
const TWO_TO_600 = 2 ** 600;
// ln 2 split as in fdlibm (e_exp.c): LN2_HI has 21 trailing zero bits, so exponent * LN2_HI is exact for
// |exponent| < 2^21 and the large terms of log q_j cancel without rounding.
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;

/**
 * Survival function P(N > k), k = 0 .. lastIndex, of the negative binomial law
 * P(N = j) = Gamma(r + j) / (Gamma(r) j!) z^r (1 - z)^j (failures before the r-th success, r > 0 real),
 * with the success probability given as its logarithm, z = e^{logSuccess} (logSuccess <= 0).
 * For integer k + 1 this equals 1 - I_z(r, k + 1), the regularized incomplete beta function
 * (the negative-binomial / incomplete-beta identity; Johnson, Kemp & Kotz, "Univariate Discrete
 * Distributions", 3rd ed., ch. 5), which is how `erlangA` uses it.
 *
 * The pmf follows q_j = q_{j-1} (r + j - 1)(1 - z) / j from log q_0 = r log z, kept as
 * mantissa * 2^exponent * e^{log q_0} so that q_0 may be far below 1e-308 (r log z = -40000 happens)
 * while the values that matter keep full precision (ln 2 is split so the big terms cancel exactly);
 * each step adds a few roundings (and the rounding of 1 - z is raised to the j-th power), so q_j has
 * relative error at most about 4 j eps: 1e-13 at j = 200, 1e-12 measured at j = 70000. Forming r log z
 * in the caller adds eps |r log z| (4e-12 when r log z = -40000, i.e. c mu t = 40000).
 * If the median lies beyond `lastIndex`, P(N > k) = 1 - P(N <= k) >= 1/2 loses nothing; otherwise the
 * tail is summed upward past `lastIndex` until the geometric bound q_j r / (1 - r) (ratios decrease
 * past the mode) is < 1e-18 of it, and P(N > k) is the suffix sum, so tiny survivals keep their
 * relative accuracy (no 1 - cdf cancellation). Internal to `erlangA`.
 *
 * @example
 * negativeBinomialSurvival(1, Math.log(0.5), 2); // Float64Array [0.5, 0.25, 0.125]  (geometric, z = 1/2)
 */
export function negativeBinomialSurvival(shape: number, logSuccess: number, lastIndex: number): Float64Array {
  const survival = new Float64Array(lastIndex + 1);
  if (logSuccess === 0) return survival; // z = 1: N = 0 surely
  const failure = -Math.expm1(logSuccess);
  const logFirst = shape * logSuccess;
  let mantissa = 1;
  let binaryExponent = 0;
  const advance = (j: number) => {
    mantissa *= ((shape + j - 1) * failure) / j;
    if (mantissa > TWO_TO_600) {
      mantissa /= TWO_TO_600;
      binaryExponent += 600;
    } else if (mantissa < 1 / TWO_TO_600) {
      mantissa *= TWO_TO_600;
      binaryExponent -= 600;
    }
  };
  const pmfNow = () => Math.exp(logFirst + binaryExponent * LN2_HI + (binaryExponent * LN2_LO + Math.log(mantissa)));

  const pmf = new Float64Array(lastIndex + 1);
  let cumulative = 0;
  for (let j = 0; j <= lastIndex; j++) {
    if (j > 0) advance(j);
    pmf[j] = pmfNow();
    cumulative += pmf[j];
    survival[j] = cumulative;
  }
  if (cumulative <= 0.5) {
    for (let k = 0; k <= lastIndex; k++) survival[k] = 1 - survival[k];
    return survival;
  }
  let tail = 0;
  for (let j = lastIndex + 1; ; j++) {
    advance(j);
    const q = pmfNow();
    tail += q;
    const nextRatio = ((shape + j) * failure) / (j + 1);
    // q === 0 here means we are past the mode (the median is behind us), so the rest underflows too.
    if (q === 0 || (nextRatio < 1 && (q * nextRatio) / (1 - nextRatio) <= RELATIVE_TAIL * tail)) break;
  }
  survival[lastIndex] = tail;
  for (let k = lastIndex - 1; k >= 0; k--) survival[k] = survival[k + 1] + pmf[k + 1];
  return survival;
}
