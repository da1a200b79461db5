import { describe, expect, it } from "vitest";
import { relativeHalfWidth, shareInterval, tInterval } from "./estimate.ts";

describe("tInterval", () => {
  it("tInterval([1..5], 0.95) matches the textbook interval 3 ± 2.776445·√2.5/√5", () => {
    // t(0.975, 4) = 2.7764451 (any t table); s = √2.5.
    const estimate = tInterval([1, 2, 3, 4, 5], 0.95);
    expect(estimate.mean).toBe(3);
    expect(estimate.halfWidth!).toBeCloseTo((2.7764451 * Math.sqrt(2.5)) / Math.sqrt(5), 6);
    expect(estimate.lower!).toBeCloseTo(1.0367568, 6);
    expect(estimate.upper!).toBeCloseTo(4.9632432, 6);
    expect(estimate.n).toBe(5);
  });

  it("tInterval at 99% uses t(0.995, 9) = 3.2498355", () => {
    const values = [2.1, 1.9, 2.4, 2.0, 2.2, 1.8, 2.3, 2.0, 2.1, 2.2];
    const estimate = tInterval(values, 0.99);
    expect(estimate.halfWidth! / (estimate.standardDeviation! / Math.sqrt(10))).toBeCloseTo(3.2498355, 6);
  });

  it("one value gives a mean without an interval (nulls, never NaN)", () => {
    expect(tInterval([7])).toEqual({ mean: 7, lower: null, upper: null, halfWidth: null, standardDeviation: null, n: 1 });
  });

  it("rejects an empty list and a level outside (0, 1)", () => {
    expect(() => tInterval([])).toThrow(/invalid values: an empty list/);
    expect(() => tInterval([1, 2], 95)).toThrow(/invalid confidence level: 95 \(must be between 0 and 1/);
  });

  it("relativeHalfWidth is halfWidth ÷ |mean|, null without an interval or at mean 0", () => {
    expect(relativeHalfWidth(tInterval([9, 11]))).toBeCloseTo(tInterval([9, 11]).halfWidth! / 10, 12);
    expect(relativeHalfWidth(tInterval([5]))).toBeNull();
    expect(relativeHalfWidth(tInterval([-1, 1]))).toBeNull();
  });
});

describe("shareInterval", () => {
  it("truncates the t interval of a share to [0, 1] and keeps the mean", () => {
    const values = [0.9, 1, 1, 0.95];
    const t = tInterval(values);
    const share = shareInterval(values);
    expect(t.upper!).toBeGreaterThan(1);
    expect(share.upper).toBe(1);
    expect(share.lower).toBeCloseTo(t.lower!, 12);
    expect(share.mean).toBe(t.mean);
  });
});
