import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilsonInterval.ts";

describe("wilsonInterval", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17:857-872, Table I, method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("wilsonInterval(%i, %i) matches Newcombe's Table I to 4 decimals", (successes, trials, lower, upper) => {
    const estimate = wilsonInterval(successes, trials);
    expect(estimate.lower).toBeCloseTo(lower, 4);
    expect(estimate.upper).toBeCloseTo(upper, 4);
    expect(estimate.share).toBe(successes / trials);
  });

  it("wilsonInterval(n, n) ends exactly at 1 and a wider level gives a wider interval", () => {
    expect(wilsonInterval(20, 20).upper).toBe(1);
    const narrow = wilsonInterval(30, 100, 0.9);
    const wide = wilsonInterval(30, 100, 0.99);
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });

  it("wilsonInterval(0, 0) is all of [0, 1]; impossible counts are house-format errors", () => {
    expect(wilsonInterval(0, 0)).toEqual({ successes: 0, trials: 0, share: null, lower: 0, upper: 1 });
    expect(() => wilsonInterval(5, 3)).toThrow(/^invalid successes: 5 \(must be an integer from 0 to trials, 3\)$/);
    expect(() => wilsonInterval(1, 2.5)).toThrow(/^invalid trials: 2.5/);
  });
});
