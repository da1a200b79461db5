import { describe, expect, it } from "vitest";
import { batchMeansInterval } from "./batchMeansInterval.ts";

describe("batchMeansInterval", () => {
  it("batchMeansInterval([1, 2, 3, 4]) is 2.5 ± 3.1824 · sqrt(5/3) / 2 (t table, 3 df)", () => {
    const interval = batchMeansInterval([1, 2, 3, 4]);
    expect(interval.mean).toBe(2.5);
    // Printed tables give 4 decimals; stdlib's quantile must agree to them.
    expect(interval.halfWidth).toBeCloseTo((3.1824 * Math.sqrt(5 / 3)) / 2, 4);
    expect(interval.lower).toBeCloseTo(2.5 - interval.halfWidth, 12);
    expect(interval.upper).toBeCloseTo(2.5 + interval.halfWidth, 12);
    expect(interval.batches).toBe(4);
  });

  it("batchMeansInterval of 20 batches uses t(0.975, 19) = 2.093", () => {
    const values = Array.from({ length: 20 }, (_, index) => index % 2); // mean 0.5, s = sqrt(20 / 76)
    const interval = batchMeansInterval(values);
    expect(interval.halfWidth).toBeCloseTo((2.093 * Math.sqrt(20 / 76)) / Math.sqrt(20), 4);
  });

  it("batchMeansInterval of equal batches has zero width", () => {
    expect(batchMeansInterval([2, 2, 2])).toEqual({ mean: 2, halfWidth: 0, lower: 2, upper: 2, batches: 3 });
  });

  it("batchMeansInterval rejects fewer than 2 or more than 31 batches", () => {
    expect(() => batchMeansInterval([1])).toThrow(/^invalid batchMeans.length: 1 \(must be an integer from 2 to 31\)$/);
    expect(() => batchMeansInterval(new Array(32).fill(1))).toThrow(/^invalid batchMeans.length: 32 /);
  });
});
