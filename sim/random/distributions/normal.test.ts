import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { momentCheck } from "./momentCheck.ts";
import { normal } from "./normal.ts";

describe("normal", () => {
  it("normal(stream, {mean, sd}) has mean mu and variance sd^2 within 5 SE", () => {
    const [mu, sd] = [120, 30];
    // Textbook: fourth central moment 3 sd^4.
    const exact = { mean: mu, variance: sd ** 2, fourthCentralMoment: 3 * sd ** 4 };
    const sampler = normal(new RandomStream(4, "normal"), { mean: mu, sd });
    expect(sampler.mean).toBe(exact.mean);
    expect(sampler.variance).toBe(exact.variance);
    const check = momentCheck(sampler, exact, 200_000);
    expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
  });

  it("normal(stream, {mean, sd}) puts 95% of draws within 1.96 sd (binomial, 5 SE)", () => {
    const sampler = normal(new RandomStream(4, "coverage"), { mean: 0, sd: 1 });
    const draws = 200_000;
    let inside = 0;
    for (let i = 0; i < draws; i++) if (Math.abs(sampler.sample()) < 1.959963984540054) inside++;
    expect(Math.abs(inside / draws - 0.95)).toBeLessThan(5 * Math.sqrt((0.95 * 0.05) / draws));
  });

  it("two normal samplers on two streams never share state (no Box-Muller cache)", () => {
    const alone = normal(new RandomStream(4, "a"), { mean: 0, sd: 1 });
    const paired = normal(new RandomStream(4, "a"), { mean: 0, sd: 1 });
    const other = normal(new RandomStream(4, "b"), { mean: 0, sd: 1 });
    for (let i = 0; i < 101; i++) {
      other.sample(); // interleaving another sampler must not change this one's sequence
      expect(paired.sample()).toBe(alone.sample());
    }
  });

  it("normal rejects a non-positive sd and a non-finite mean", () => {
    const stream = new RandomStream(4, "bad");
    expect(() => normal(stream, { mean: 1, sd: 0 })).toThrow(/^invalid normal sd: 0 \(must be a finite number > 0\)$/);
    expect(() => normal(stream, { mean: Infinity, sd: 1 })).toThrow(/^invalid normal mean: Infinity \(must be a finite number\)$/);
  });
});
