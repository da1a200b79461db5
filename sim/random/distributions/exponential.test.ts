import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { exponential } from "./exponential.ts";
import { momentCheck } from "./momentCheck.ts";

describe("exponential", () => {
  it("exponential(stream, {mean}) has mean theta and variance theta^2 within 5 SE", () => {
    const theta = 45;
    // Textbook: variance theta^2, excess kurtosis 6, so the fourth central moment is 9 theta^4.
    const exact = { mean: theta, variance: theta ** 2, fourthCentralMoment: 9 * theta ** 4 };
    const sampler = exponential(new RandomStream(3, "exponential"), { mean: theta });
    expect(sampler.mean).toBe(exact.mean);
    expect(sampler.variance).toBe(exact.variance);
    const check = momentCheck(sampler, exact, 200_000);
    expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
  });

  it("exponential(stream, {rate}) is the same distribution as {mean: 1/rate}, draw for draw", () => {
    const byRate = exponential(new RandomStream(3, "same"), { rate: 0.25 });
    const byMean = exponential(new RandomStream(3, "same"), { mean: 4 });
    expect(byRate.mean).toBe(4);
    expect(byRate.variance).toBe(16);
    for (let i = 0; i < 100; i++) expect(byRate.sample()).toBe(byMean.sample());
  });

  it("exponential rejects a non-positive mean or rate, and both at once", () => {
    const stream = new RandomStream(3, "bad");
    expect(() => exponential(stream, { mean: -1 })).toThrow(/^invalid exponential mean: -1 \(must be a finite number > 0\)$/);
    expect(() => exponential(stream, { rate: 0 })).toThrow(/^invalid exponential rate: 0 \(must be a finite number > 0\)$/);
    expect(() => exponential(stream, { mean: 1, rate: 1 } as never)).toThrow(/^invalid exponential: .*not both\)$/);
  });
});
