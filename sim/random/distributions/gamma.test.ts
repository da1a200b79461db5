import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { gamma } from "./gamma.ts";
import { fourthCentralFromRaw, isRelativelyClose, momentCheck } from "./momentCheck.ts";

// Textbook: for Gamma(k, theta), E[X^n] = theta^n k (k + 1) ... (k + n - 1).
function gammaMoments(shape: number, scale: number) {
  const raw = (n: number) => {
    let product = 1;
    for (let i = 0; i < n; i++) product *= (shape + i) * scale;
    return product;
  };
  return {
    mean: raw(1),
    variance: raw(2) - raw(1) ** 2,
    fourthCentralMoment: fourthCentralFromRaw(raw(1), raw(2), raw(3), raw(4)),
  };
}

describe("gamma", () => {
  // 0.3 and 0.9 exercise the shape < 1 boost, 1 is the exponential, 250 a near-normal shape.
  for (const [shape, scale] of [
    [0.3, 10],
    [0.9, 2],
    [1, 5],
    [2.5, 40],
    [250, 0.1],
  ]) {
    it(`gamma(stream, {shape: ${shape}, scale: ${scale}}) has mean k theta and variance k theta^2 within 5 SE`, () => {
      const exact = gammaMoments(shape, scale);
      const sampler = gamma(new RandomStream(7, `gamma-${shape}`), { shape, scale });
      expect(isRelativelyClose(sampler.mean, shape * scale)).toBe(true);
      expect(isRelativelyClose(sampler.variance, shape * scale * scale)).toBe(true);
      const check = momentCheck(sampler, exact, 200_000);
      expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
      expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
    });
  }

  it("gamma(stream, {shape < 1}) matches P(X <= x) of Gamma(1/2) = chi-square(1)/2 (5 SE)", () => {
    // Gamma(1/2, 1) is Z^2/2, so P(X <= 1/2) = P(|Z| <= 1) = 0.6826894921370859 (A&S 26.1).
    const sampler = gamma(new RandomStream(7, "half"), { shape: 0.5, scale: 1 });
    const draws = 200_000;
    let below = 0;
    for (let i = 0; i < draws; i++) if (sampler.sample() <= 0.5) below++;
    const p = 0.6826894921370859;
    expect(Math.abs(below / draws - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / draws));
  });

  it("gamma rejects a non-positive shape or scale", () => {
    const stream = new RandomStream(7, "bad");
    expect(() => gamma(stream, { shape: 0, scale: 1 })).toThrow(/^invalid gamma shape: 0 \(must be a finite number > 0\)$/);
    expect(() => gamma(stream, { shape: 1, scale: -1 })).toThrow(/^invalid gamma scale: -1 \(must be a finite number > 0\)$/);
  });
});
