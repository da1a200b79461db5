import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { bernoulli } from "./bernoulli.ts";
import { momentCheck } from "./momentCheck.ts";

const DRAWS = 200_000;

describe("bernoulli", () => {
  it("bernoulli(stream, p) returns only 0 and 1 with mean p and variance p(1-p) within 5 SE", () => {
    for (const p of [0.03, 0.5, 0.9]) {
      // Textbook: mean p, variance p q, fourth central moment p q (1 - 3 p q), q = 1 - p.
      const q = 1 - p;
      const exact = { mean: p, variance: p * q, fourthCentralMoment: p * q * (1 - 3 * p * q) };
      const sampler = bernoulli(new RandomStream(1, `bernoulli-${p}`), p);
      expect(sampler.mean).toBe(exact.mean);
      expect(sampler.variance).toBe(exact.variance);
      const check = momentCheck(sampler, exact, DRAWS);
      expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
      expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
    }
    const sampler = bernoulli(new RandomStream(1, "values"), 0.5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(sampler.sample());
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it("bernoulli(stream, 0) never fires and bernoulli(stream, 1) always does", () => {
    const never = bernoulli(new RandomStream(1, "never"), 0);
    const always = bernoulli(new RandomStream(1, "always"), 1);
    for (let i = 0; i < 1000; i++) {
      expect(never.sample()).toBe(0);
      expect(always.sample()).toBe(1);
    }
  });

  it("bernoulli(stream, p) rejects p outside [0, 1]", () => {
    const stream = new RandomStream(1, "bad");
    expect(() => bernoulli(stream, 1.5)).toThrow(/^invalid bernoulli p: 1\.5 \(must be in \[0, 1\]\)$/);
    expect(() => bernoulli(stream, NaN)).toThrow(/^invalid bernoulli p: NaN/);
  });

  it("bernoulli(stream, p) rejects a negative p and a p that is not a number (even one that coerces)", () => {
    const stream = new RandomStream(4, "bad-type");
    expect(() => bernoulli(stream, -0.1)).toThrow(/^invalid bernoulli p: -0\.1 \(must be in \[0, 1\]\)$/);
    expect(() => bernoulli(stream, "0.5" as unknown as number)).toThrow(/^invalid bernoulli p: "0\.5" \(must be in \[0, 1\]\)$/);
  });
});
