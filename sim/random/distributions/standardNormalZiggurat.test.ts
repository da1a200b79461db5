import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import type { UniformSource } from "../streams/uniformSource.ts";
import { momentCheck } from "./momentCheck.ts";
import { standardNormalUpperTail } from "./standardNormal.ts";
import { standardNormalZiggurat } from "./standardNormalZiggurat.ts";

const DRAWS = 400_000;
/** Where the ziggurat's tail begins (Doornik's R for 128 layers). */
const TAIL_START = 3.442619855899;

function draws(seed: number, count: number): Float64Array {
  const stream = new RandomStream(seed, "ziggurat");
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = standardNormalZiggurat(stream);
  return values;
}

describe("standardNormalZiggurat", () => {
  it("standardNormalZiggurat(stream) passes Kolmogorov-Smirnov against the exact normal CDF (n = 400k, 0.1% level)", () => {
    // Exact CDF from the series / continued fraction in standardNormal.ts (independent of the ziggurat's tables).
    const values = draws(1, DRAWS).sort();
    let distance = 0;
    for (let i = 0; i < DRAWS; i++) {
      const cdf = 1 - standardNormalUpperTail(values[i]);
      distance = Math.max(distance, cdf - i / DRAWS, (i + 1) / DRAWS - cdf);
    }
    // Asymptotic KS critical value at the 0.1% level: 1.9495 / sqrt(n) (Smirnov's limit distribution).
    expect(distance).toBeLessThan(1.9495 / Math.sqrt(DRAWS));
  });

  it("standardNormalZiggurat(stream) has mean 0, variance 1 and fourth moment 3 within 5 SE", () => {
    const stream = new RandomStream(2, "moments");
    const exact = { mean: 0, variance: 1, fourthCentralMoment: 3 };
    const check = momentCheck({ mean: 0, variance: 1, sample: () => standardNormalZiggurat(stream) }, exact, DRAWS);
    expect(Math.abs(check.sampleMean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - 1)).toBeLessThan(check.varianceTolerance);
    const values = draws(3, DRAWS);
    let fourth = 0;
    for (const value of values) fourth += value ** 4;
    // E[Z^4] = 3, Var(Z^4) = E[Z^8] - 9 = 105 - 9 = 96.
    expect(Math.abs(fourth / DRAWS - 3)).toBeLessThan(5 * Math.sqrt(96 / DRAWS));
  });

  it("the tail beyond R and beyond 4 has the exact normal mass, on both sides (binomial, 5 SE)", () => {
    // Checks the bottom layer's tail sampler, which ~0.06% of draws reach.
    const count = 2_000_000;
    const stream = new RandomStream(4, "tails");
    let beyondStart = 0;
    let beyondFour = 0;
    let negative = 0;
    for (let i = 0; i < count; i++) {
      const z = standardNormalZiggurat(stream);
      if (Math.abs(z) > TAIL_START) beyondStart++;
      if (Math.abs(z) > 4) beyondFour++;
      if (z < 0) negative++;
    }
    for (const [observed, probability] of [
      [beyondStart, 2 * standardNormalUpperTail(TAIL_START)],
      [beyondFour, 2 * standardNormalUpperTail(4)],
      [negative, 0.5],
    ]) {
      expect(Math.abs(observed / count - probability)).toBeLessThan(5 * Math.sqrt((probability * (1 - probability)) / count));
    }
  });

  it("successive draws are uncorrelated, also in their squares (|r| < 0.01 over 400k pairs)", () => {
    // Layer and point come from different bits of a uniform; a shared-bit ziggurat shows up in z^2.
    const values = draws(5, DRAWS + 1);
    const correlation = (f: (z: number) => number) => {
      let sx = 0;
      let sy = 0;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < DRAWS; i++) {
        const x = f(values[i]);
        const y = f(values[i + 1]);
        sx += x;
        sy += y;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
      }
      const n = DRAWS;
      return (sxy - (sx * sy) / n) / Math.sqrt((sxx - (sx * sx) / n) * (syy - (sy * sy) / n));
    };
    expect(Math.abs(correlation((z) => z))).toBeLessThan(0.01);
    expect(Math.abs(correlation((z) => z * z))).toBeLessThan(0.01);
  });

  it("takes one uniform per draw on its fast path and ~1.04 on average, and repeats itself on the same stream", () => {
    let uniforms = 0;
    const inner = new RandomStream(6, "count");
    const counting: UniformSource = {
      next: () => {
        uniforms++;
        return inner.next();
      },
    };
    const count = 200_000;
    let fast = 0;
    for (let i = 0; i < count; i++) {
      const before = uniforms;
      standardNormalZiggurat(counting);
      if (uniforms - before === 1) fast++;
    }
    // 128 layers: ≈ 97% of draws land in a layer's inner rectangle (Doornik 2005).
    expect(fast / count).toBeGreaterThan(0.96);
    expect(uniforms / count).toBeLessThan(1.06);
    expect(draws(7, 1000)).toEqual(draws(7, 1000));
  });
});
