import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { categorical } from "./categorical.ts";
import { isRelativelyClose } from "./momentCheck.ts";

function frequencies(weights: number[], seedName: string, draws: number): Float64Array {
  const sampler = categorical(new RandomStream(12, seedName), weights);
  const counts = new Float64Array(weights.length);
  for (let i = 0; i < draws; i++) counts[sampler.sample()]++;
  return counts;
}

describe("categorical", () => {
  it("categorical(stream, weights) frequencies match weights/sum (chi-square below df + 5 sqrt(2 df))", () => {
    const weights = [6, 0, 3, 0.5, 10, 0.5, 0];
    const total = weights.reduce((sum, w) => sum + w, 0);
    const draws = 200_000;
    const counts = frequencies(weights, "frequencies", draws);
    let chiSquare = 0;
    let cells = 0;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i] === 0) {
        expect(counts[i]).toBe(0); // zero weight: never drawn
        continue;
      }
      const expected = (draws * weights[i]) / total;
      chiSquare += (counts[i] - expected) ** 2 / expected;
      cells++;
    }
    // ~chi-square(cells - 1) under the null: mean df, sd sqrt(2 df).
    const degreesOfFreedom = cells - 1;
    expect(chiSquare).toBeLessThan(degreesOfFreedom + 5 * Math.sqrt(2 * degreesOfFreedom));
  });

  it("categorical handles many uneven weights (1..200) with the same chi-square bound", () => {
    const weights = Array.from({ length: 200 }, (_, i) => i + 1);
    const total = (200 * 201) / 2;
    const draws = 400_000;
    const counts = frequencies(weights, "many", draws);
    let chiSquare = 0;
    for (let i = 0; i < weights.length; i++) {
      const expected = (draws * weights[i]) / total;
      chiSquare += (counts[i] - expected) ** 2 / expected;
    }
    expect(chiSquare).toBeLessThan(199 + 5 * Math.sqrt(2 * 199));
  });

  it("categorical(stream, weights).mean and .variance are those of the index", () => {
    // P = [0.2, 0.3, 0.5]: mean 0.3 + 1.0 = 1.3, E[I^2] = 0.3 + 2.0 = 2.3, variance 2.3 - 1.69 = 0.61.
    const sampler = categorical(new RandomStream(12, "moments"), [2, 3, 5]);
    expect(isRelativelyClose(sampler.mean, 1.3)).toBe(true);
    expect(isRelativelyClose(sampler.variance, 0.61, 1e-12)).toBe(true);
    const single = categorical(new RandomStream(12, "single"), [4]);
    expect(single.sample()).toBe(0);
    expect(single.variance).toBe(0);
  });

  it("categorical rejects empty, negative, non-finite and all-zero weights", () => {
    const stream = new RandomStream(12, "bad");
    expect(() => categorical(stream, [])).toThrow(/^invalid categorical weights: \[\] \(must have at least 1 weight\)$/);
    expect(() => categorical(stream, [1, -1])).toThrow(/^invalid categorical weights\[1\]: -1 \(must be a finite number >= 0\)$/);
    expect(() => categorical(stream, [NaN])).toThrow(/^invalid categorical weights\[0\]: NaN/);
    expect(() => categorical(stream, [0, 0])).toThrow(/^invalid categorical weights sum: 0 \(must be a finite number > 0\)$/);
  });

  it("categorical rejects a non-number weight and weights whose sum overflows", () => {
    const stream = new RandomStream(12, "bad-sum");
    expect(() => categorical(stream, ["3" as unknown as number])).toThrow(/^invalid categorical weights\[0\]: "3" \(must be a finite number >= 0\)$/);
    expect(() => categorical(stream, [1e308, 1e308])).toThrow(/^invalid categorical weights sum: Infinity \(must be a finite number > 0\)$/);
  });

  it("categorical's alias table gives each index exactly weight/sum of the unit interval (a stratified grid of uniforms)", () => {
    // u = (k + 1/2) / N for k < N hits every 1/N of (0, 1) once, so each index's count is N p_i up to
    // the few grid points cut by a column boundary; no randomness is involved.
    for (const weights of [
      [6, 0, 3, 0.5, 10, 0.5, 0],
      [1, 1, 1, 1],
      [5, 1],
      [1, 2, 3, 4, 5, 6, 7],
    ]) {
      const total = weights.reduce((sum, w) => sum + w, 0);
      const cells = 100_000;
      let k = 0;
      const grid = { next: () => (k++ + 0.5) / cells };
      const sampler = categorical(grid, weights);
      const counts = new Float64Array(weights.length);
      for (let i = 0; i < cells; i++) counts[sampler.sample()]++;
      weights.forEach((w, i) => {
        expect(Math.abs(counts[i] - (cells * w) / total), `weights ${weights} index ${i}`).toBeLessThanOrEqual(weights.length);
      });
    }
  });
  it("categorical never draws a zero-weight index, even for a uniform that lands exactly on a column boundary", () => {
    // weights [1, 0, 1, 0]: scaled weights [2, 0, 2, 0], so the zero-weight columns 1 and 3 keep
    // nothing (keep probability 0) and alias to a weight-1 index. u = 0.25, 0.5, 0.75 (valid draws of
    // a source in (0, 1)) put u n on the integers 1, 2, 3: the fractional part is exactly 0, which is
    // not below a keep probability of 0, so those columns must hand over to their aliases.
    const uniforms = [0.25, 0.5, 0.75];
    let k = 0;
    const sampler = categorical({ next: () => uniforms[k++] }, [1, 0, 1, 0]);
    const draws = uniforms.map(() => sampler.sample());
    for (const index of draws) expect([0, 2]).toContain(index);
  });
});
