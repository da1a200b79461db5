import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { momentCheck } from "./momentCheck.ts";
import { poisson } from "./poisson.ts";

describe("poisson", () => {
  // 0.5 and 7 use inversion; 30 and 1000 use PTRS.
  for (const mean of [0.5, 7, 30, 1000]) {
    it(`poisson(stream, {mean: ${mean}}) has mean and variance ${mean} within 5 SE`, () => {
      // Textbook: mean = variance = lambda, fourth central moment lambda (1 + 3 lambda).
      const exact = { mean, variance: mean, fourthCentralMoment: mean * (1 + 3 * mean) };
      const sampler = poisson(new RandomStream(11, `poisson-${mean}`), { mean });
      expect(sampler.mean).toBe(mean);
      expect(sampler.variance).toBe(mean);
      const check = momentCheck(sampler, exact, 200_000);
      expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
      expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
    });
  }

  for (const mean of [3.5, 10, 30]) {
    it(`poisson(stream, {mean: ${mean}}) frequencies fit the pmf (chi-square below df + 5 sqrt(2 df))`, () => {
      const fit = pmfChiSquare(mean, 200_000, `poisson-pmf-${mean}`);
      expect(fit.invalid).toBe(0);
      expect(fit.chiSquare).toBeLessThan(fit.degreesOfFreedom + 5 * Math.sqrt(2 * fit.degreesOfFreedom));
    });
  }

  it("poisson PTRS at mean 10 fits the pmf to the precision of 4 million draws (Hormann's envelope constants)", () => {
    // Hormann's constants 1.1328 / (b - 3.4) (the hat's area) and 3.6224 / (b - 2) (the squeeze)
    // matter: with b + 3.4 or b + 2 instead, the law integrated exactly over (u, v) moves by a total
    // variation of 2.8e-3 and 1.0e-3 from Poisson(10), a chi-square noncentrality of 53 and 39 per
    // million draws; 200,000 draws cannot see that, 4 million put the statistic at 257 and 144 against
    // a bound of 64 (the exact sampler's own law is within 1e-6 of the pmf, the integration's error).
    // A PTRS that never returns 0 (P(0) = 4.5e-5, 181 expected draws) fails it too.
    const fit = pmfChiSquare(10, 4_000_000, "poisson-ptrs-envelope");
    expect(fit.invalid).toBe(0);
    expect(fit.chiSquare).toBeLessThan(fit.degreesOfFreedom + 5 * Math.sqrt(2 * fit.degreesOfFreedom));
  });

  it("poisson(stream, {mean: 1e6}) draws with mean and variance 1e6 within 5 SE", () => {
    const mean = 1e6;
    const exact = { mean, variance: mean, fourthCentralMoment: mean * (1 + 3 * mean) };
    const check = momentCheck(poisson(new RandomStream(11, "huge"), { mean }), exact, 100_000);
    expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
  });

  it("poisson(stream, {mean: 0}) always returns 0", () => {
    const sampler = poisson(new RandomStream(11, "zero"), { mean: 0 });
    for (let i = 0; i < 100; i++) expect(sampler.sample()).toBe(0);
  });

  it("poisson rejects a negative mean", () => {
    expect(() => poisson(new RandomStream(11, "bad"), { mean: -3 })).toThrow(/^invalid poisson mean: -3 \(must be a finite number >= 0\)$/);
  });
  it("poisson switches from inversion (one uniform a draw) to PTRS (pairs of uniforms) at mean 10 exactly", () => {
    // Uniforms used per draw: inversion takes exactly one; each PTRS iteration takes two.
    const usesPerDraw = (mean: number): Set<number> => {
      const stream = new RandomStream(11, `switch-${mean}`);
      let calls = 0;
      const counting = {
        next: () => {
          calls++;
          return stream.next();
        },
      };
      const sampler = poisson(counting, { mean });
      const uses = new Set<number>();
      for (let i = 0; i < 200; i++) {
        const before = calls;
        sampler.sample();
        uses.add(calls - before);
      }
      return uses;
    };
    expect([...usesPerDraw(9.999)]).toEqual([1]);
    for (const uses of usesPerDraw(10)) expect(uses > 0 && uses % 2 === 0).toBe(true);
  });
  it("poisson inversion returns the smallest k with F(k) >= u, also at u = F(0) and at the top uniform 1 - 2^-53", () => {
    // mean ln 2: F(0) = e^-ln2 = 1/2 exactly, so u = 1/2 is a draw of 0.
    expect(poisson({ next: () => 0.5 }, { mean: Math.LN2 }).sample()).toBe(0);
    // mean 1.14: P(X > 17) ~ 5.6e-16 and P(X > 18) ~ 3.4e-17 (pmf e^-m m^k / k!), so the exact
    // quantile of 1 - 2^-53 is 18; the summed CDF stops growing in doubles one term later.
    const top = poisson({ next: () => 1 - 2 ** -53 }, { mean: 1.14 }).sample();
    expect(top).toBeGreaterThanOrEqual(18);
    expect(top).toBeLessThanOrEqual(19);
  });
});

/**
 * Pearson's statistic of `draws` draws at `mean` against the Poisson pmf: cells k = lower..upper - 1
 * plus one cell for each tail, each with expected count >= 20. Under the null it is ~chi-square(df),
 * mean df and sd sqrt(2 df), so df + 5 sd is far out.
 */
function pmfChiSquare(mean: number, draws: number, streamName: string) {
  const pmf = [Math.exp(-mean)];
  for (let k = 1; k < 200; k++) pmf[k] = (pmf[k - 1] * mean) / k;
  let lower = 0;
  while (pmf[lower] * draws < 20) lower++;
  let upper = lower;
  while (pmf[upper] * draws >= 20) upper++;
  const observed = new Float64Array(upper + 1);
  const sampler = poisson(new RandomStream(11, streamName), { mean });
  let invalid = 0;
  for (let i = 0; i < draws; i++) {
    const k = sampler.sample();
    if (!(Number.isInteger(k) && k >= 0)) invalid++;
    observed[Math.max(lower, Math.min(k, upper))]++;
  }
  let chiSquare = 0;
  for (let k = lower; k <= upper; k++) {
    let p = pmf[k];
    if (k === lower) for (let j = 0; j < lower; j++) p += pmf[j];
    if (k === upper) p = 1 - pmf.slice(0, upper).reduce((sum, q) => sum + q, 0);
    chiSquare += (observed[k] - draws * p) ** 2 / (draws * p);
  }
  return { chiSquare, degreesOfFreedom: upper - lower, invalid };
}
