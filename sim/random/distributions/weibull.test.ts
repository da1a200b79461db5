import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { fourthCentralFromRaw, isRelativelyClose, momentCheck } from "./momentCheck.ts";
import { weibull } from "./weibull.ts";

// Textbook: E[X^n] = lambda^n Gamma(1 + n/k). Shapes chosen so every Gamma value is closed-form:
// k = 2 (Rayleigh): Gamma(3/2) = sqrt(pi)/2, Gamma(2) = 1, Gamma(5/2) = 3 sqrt(pi)/4, Gamma(3) = 2;
// k = 1/2: Gamma(1 + 2n) = (2n)!, i.e. 2, 24, 720, 40320.
const SQRT_PI = Math.sqrt(Math.PI);
const CASES: { shape: number; scale: number; gammas: number[] }[] = [
  { shape: 2, scale: 30, gammas: [SQRT_PI / 2, 1, (3 * SQRT_PI) / 4, 2] },
  { shape: 0.5, scale: 4, gammas: [2, 24, 720, 40320] },
  { shape: 1, scale: 7, gammas: [1, 2, 6, 24] },
];

describe("weibull", () => {
  for (const { shape, scale, gammas } of CASES) {
    it(`weibull(stream, {shape: ${shape}, scale: ${scale}}) matches lambda Gamma(1 + 1/k) and its variance within 5 SE`, () => {
      const raw = gammas.map((g, i) => scale ** (i + 1) * g);
      const exact = {
        mean: raw[0],
        variance: raw[1] - raw[0] ** 2,
        fourthCentralMoment: fourthCentralFromRaw(raw[0], raw[1], raw[2], raw[3]),
      };
      const sampler = weibull(new RandomStream(9, `weibull-${shape}`), { shape, scale });
      expect(isRelativelyClose(sampler.mean, exact.mean, 1e-13)).toBe(true);
      expect(isRelativelyClose(sampler.variance, exact.variance, 1e-12)).toBe(true);
      const check = momentCheck(sampler, exact, 200_000);
      expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
      expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
    });
  }

  it("weibull rejects a non-positive shape or scale", () => {
    const stream = new RandomStream(9, "bad");
    expect(() => weibull(stream, { shape: -1, scale: 1 })).toThrow(/^invalid weibull shape: -1 \(must be a finite number > 0\)$/);
    expect(() => weibull(stream, { shape: 1, scale: 0 })).toThrow(/^invalid weibull scale: 0 \(must be a finite number > 0\)$/);
  });

  it("weibull rejects a shape so small that Gamma(1 + 2/k) overflows, naming the shape that works", () => {
    // Gamma(1 + 2/0.001) = 2000! is far beyond the largest double (about 1.8e308).
    const tooSmall = /^invalid weibull shape: 0\.0(01|1|117) \(gives no finite variance in double precision; use a shape of 0\.012 or more\)$/;
    expect(() => weibull(new RandomStream(9, "tiny"), { shape: 0.001, scale: 1 })).toThrow(tooSmall);
    // shape 0.01: Gamma(1 + 100) = 100! ~ 9.3e157 is finite, Gamma(1 + 200) = 200! ~ 7.9e374 is not.
    expect(() => weibull(new RandomStream(9, "tiny"), { shape: 0.01, scale: 1 })).toThrow(tooSmall);
    // Gamma overflows past 171.62: 1 + 2/0.0117 = 171.9 overflows, 1 + 2/0.012 = 167.7 does not.
    expect(() => weibull(new RandomStream(9, "tiny"), { shape: 0.0117, scale: 1 })).toThrow(tooSmall);
    const smallest = weibull(new RandomStream(9, "tiny"), { shape: 0.012, scale: 1 });
    expect(Number.isFinite(smallest.variance)).toBe(true);
  });
  it("weibull with a fine shape but a scale whose variance overflows names the scale", () => {
    const stream = new RandomStream(9, "variance-overflow");
    // shape 1 (exponential), scale 1e200: mean 1e200 is finite, variance 1e400 is not.
    expect(() => weibull(stream, { shape: 1, scale: 1e200 })).toThrow(
      /^invalid weibull scale: 1e\+200 \(gives no finite mean and variance with shape 1; use a smaller scale\)$/,
    );
    // A scale whose variance still fits: the exponential's mean and variance, scale and scale^2.
    const wide = weibull(stream, { shape: 1, scale: 1e150 });
    expect(isRelativelyClose(wide.mean, 1e150)).toBe(true);
    expect(isRelativelyClose(wide.variance, 1e300)).toBe(true);
  });
});
