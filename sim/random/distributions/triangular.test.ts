import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { isRelativelyClose, momentCheck } from "./momentCheck.ts";
import { triangular } from "./triangular.ts";

describe("triangular", () => {
  // Includes both degenerate-mode shapes (mode = min, mode = max).
  for (const [a, c, b] of [
    [10, 25, 70],
    [0, 0, 1],
    [5, 9, 9],
  ]) {
    it(`triangular(stream, {min: ${a}, mode: ${c}, max: ${b}}) has the textbook mean and variance within 5 SE`, () => {
      // Textbook: mean (a+b+c)/3, variance (a^2+b^2+c^2-ab-ac-bc)/18; every triangular
      // distribution has excess kurtosis -3/5, so the fourth central moment is 2.4 variance^2.
      const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
      const exact = { mean: (a + b + c) / 3, variance, fourthCentralMoment: 2.4 * variance ** 2 };
      const sampler = triangular(new RandomStream(10, `triangular-${a}-${c}-${b}`), { min: a, mode: c, max: b });
      expect(isRelativelyClose(sampler.mean, exact.mean)).toBe(true);
      expect(isRelativelyClose(sampler.variance, exact.variance)).toBe(true);
      const check = momentCheck(sampler, exact, 200_000);
      expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
      expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
    });
  }

  it("triangular rejects max <= min and a mode outside [min, max]", () => {
    const stream = new RandomStream(10, "bad");
    expect(() => triangular(stream, { min: 3, mode: 3, max: 3 })).toThrow(/^invalid triangular max: 3 \(must be > min 3\)$/);
    expect(() => triangular(stream, { min: 0, mode: 5, max: 4 })).toThrow(/^invalid triangular mode: 5 \(must be in \[min 0, max 4\]\)$/);
  });
  it("triangular names the field that is not finite, and rejects a mode below min", () => {
    const stream = new RandomStream(1, "bad-fields");
    expect(() => triangular(stream, { min: NaN, mode: 1, max: 2 })).toThrow(/^invalid triangular min: NaN \(must be a finite number\)$/);
    expect(() => triangular(stream, { min: 0, mode: Infinity, max: 2 })).toThrow(/^invalid triangular mode: Infinity \(must be a finite number\)$/);
    expect(() => triangular(stream, { min: 0, mode: 1, max: NaN })).toThrow(/^invalid triangular max: NaN \(must be a finite number\)$/);
    expect(() => triangular(stream, { min: 2, mode: 1, max: 4 })).toThrow(/^invalid triangular mode: 1 \(must be in \[min 2, max 4\]\)$/);
  });
});
