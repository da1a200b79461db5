import { describe, expect, it } from "vitest";
import { fourthCentralFromRaw, isRelativelyClose, momentCheck } from "./momentCheck.ts";

describe("momentCheck", () => {
  it("momentCheck(sampler) returns the sample mean, unbiased variance and 5-SE tolerances", () => {
    const cycle = [1, 2, 3, 4];
    let i = 0;
    const sampler = { mean: 2.5, variance: 1.25, sample: () => cycle[i++ % 4] };
    const check = momentCheck(sampler, { mean: 2.5, variance: 1.25, fourthCentralMoment: 2.5625 }, 400);
    expect(check.sampleMean).toBe(2.5);
    expect(check.sampleVariance).toBeCloseTo((1.25 * 400) / 399, 12);
    expect(check.meanTolerance).toBeCloseTo(5 * Math.sqrt(1.25 / 400), 12);
    expect(check.varianceTolerance).toBeCloseTo(5 * Math.sqrt(2.5625 / 400 - (1.5625 * 397) / (400 * 399)), 12);
  });

  it("fourthCentralFromRaw gives 1/80 for Uniform(0, 1)", () => {
    expect(fourthCentralFromRaw(1 / 2, 1 / 3, 1 / 4, 1 / 5)).toBeCloseTo(1 / 80, 15);
  });

  it("isRelativelyClose compares relative to the expected value", () => {
    expect(isRelativelyClose(1e6 + 1e-7, 1e6)).toBe(true);
    expect(isRelativelyClose(1.001, 1)).toBe(false);
    expect(isRelativelyClose(0, 0)).toBe(true);
    // Infinity - Infinity is NaN, so only equality can call two infinities close.
    expect(isRelativelyClose(Infinity, Infinity)).toBe(true);
    expect(isRelativelyClose(Infinity, 1e308)).toBe(false);
  });
});
