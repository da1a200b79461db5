import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { pearsonDispersion } from "./pearsonDispersion.ts";

/** Binomial(trials, p) by counting uniforms below p. */
function binomial(random: () => number, trials: number, p: number): number {
  let count = 0;
  for (let i = 0; i < trials; i++) if (random() < p) count++;
  return count;
}

describe("pearsonDispersion", () => {
  it("pearsonDispersion(two runs at 10 and 30 of 100) is Σ (c − t p̄)² ÷ (t p̄ (1 − p̄)) on 1 degree of freedom", () => {
    expect(
      pearsonDispersion([
        [
          { count: 10, trials: 100 },
          { count: 30, trials: 100 },
        ],
      ]),
    ).toEqual({ dispersion: 12.5, degreesOfFreedom: 1 });
    // Fewer than two runs, or a share of 0, tell nothing.
    expect(
      pearsonDispersion([
        [{ count: 5, trials: 10 }],
        [
          { count: 0, trials: 10 },
          { count: 0, trials: 10 },
        ],
      ]),
    ).toEqual({ dispersion: 1, degreesOfFreedom: 0 });
  });

  it("pearsonDispersion(binomial replications) is about 1; of a two-point mixture of shares it is 1 + (t − 1) var(p) ÷ (p̄ (1 − p̄))", () => {
    const random = seedrandom("dispersion");
    const [trials, groups] = [200, 600];
    const plain = Array.from({ length: groups }, () => [0, 1].map(() => ({ count: binomial(random, trials, 0.2), trials })));
    const mixed = Array.from({ length: groups }, () => [0, 1].map(() => ({ count: binomial(random, trials, random() < 0.5 ? 0.18 : 0.22), trials })));
    // 600 degrees of freedom: the estimate's relative standard error is about √(2 ÷ 600) = 6%.
    expect(pearsonDispersion(plain).dispersion).toBeGreaterThan(0.82);
    expect(pearsonDispersion(plain).dispersion).toBeLessThan(1.18);
    const exact = 1 + ((trials - 1) * 0.02 ** 2) / (0.2 * 0.8);
    expect(exact).toBeCloseTo(1.4975, 4);
    expect(Math.abs(pearsonDispersion(mixed).dispersion - exact)).toBeLessThan(0.27);
    expect(pearsonDispersion(mixed).degreesOfFreedom).toBe(groups);
  });
});
