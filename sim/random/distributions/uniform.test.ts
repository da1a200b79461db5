import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { momentCheck } from "./momentCheck.ts";
import { uniform } from "./uniform.ts";

describe("uniform", () => {
  it("uniform(stream, {min, max}) has mean (a+b)/2 and variance (b-a)^2/12 within 5 SE", () => {
    const [a, b] = [-3, 7];
    // Textbook: mean (a+b)/2, variance w^2/12, fourth central moment w^4/80, w = b - a.
    const w = b - a;
    const exact = { mean: (a + b) / 2, variance: (w * w) / 12, fourthCentralMoment: w ** 4 / 80 };
    const sampler = uniform(new RandomStream(2, "uniform"), { min: a, max: b });
    expect(sampler.mean).toBe(exact.mean);
    expect(sampler.variance).toBeCloseTo(exact.variance, 12);
    const check = momentCheck(sampler, exact, 200_000);
    expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
  });

  it("uniform(stream, {min, max}) draws stay in [min, max)", () => {
    const sampler = uniform(new RandomStream(2, "range"), { min: 10, max: 11 });
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = sampler.sample();
      if (!(x >= 10 && x < 11)) outside++;
    }
    expect(outside).toBe(0);
  });

  it("uniform rejects max <= min", () => {
    expect(() => uniform(new RandomStream(2, "bad"), { min: 2, max: 2 })).toThrow(/^invalid uniform max: 2 \(must be > min 2\)$/);
  });
  it("uniform names the bound that is not finite", () => {
    const stream = new RandomStream(2, "bad-bounds");
    expect(() => uniform(stream, { min: NaN, max: 1 })).toThrow(/^invalid uniform min: NaN \(must be a finite number\)$/);
    expect(() => uniform(stream, { min: 0, max: Infinity })).toThrow(/^invalid uniform max: Infinity \(must be a finite number\)$/);
  });
});
