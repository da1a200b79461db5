import { describe, expect, it } from "vitest";
import { chiSquareCdf, chiSquarePValue, regularizedGammaP } from "./chiSquareCdf.ts";

// Reference values: chi-square quantiles from printed tables (e.g. NIST/SEMATECH e-Handbook of
// Statistical Methods, §1.3.6.7.4, upper critical values), and closed forms of P(a, x).
describe("chiSquareCdf", () => {
  it("chiSquareCdf(x, k) is 0.95 at the tabulated 95% points", () => {
    const table: [number, number][] = [
      [1, 3.841],
      [2, 5.991],
      [5, 11.07],
      [10, 18.307],
      [30, 43.773],
      [100, 124.342],
    ];
    for (const [k, x] of table) expect(chiSquareCdf(x, k)).toBeCloseTo(0.95, 3);
  });

  it("chiSquareCdf(x, 2) is 1 − e^(−x/2) and regularizedGammaP(1/2, x) is erf(√x)", () => {
    for (const x of [0.1, 1, 4.5, 20]) expect(chiSquareCdf(x, 2)).toBeCloseTo(1 - Math.exp(-x / 2), 13);
    // erf(1) = 0.8427007929497149 (Abramowitz & Stegun, table 7.1)
    expect(regularizedGammaP(0.5, 1)).toBeCloseTo(0.8427007929497149, 13);
  });

  it("chiSquarePValue(x, k) is the upper tail and keeps small p-values", () => {
    expect(chiSquarePValue(3.841458820694124, 1)).toBeCloseTo(0.05, 9);
    expect(chiSquarePValue(200, 10)).toBeGreaterThan(0);
    expect(chiSquarePValue(200, 10)).toBeLessThan(1e-30);
    expect(chiSquarePValue(0, 3)).toBe(1);
    expect(chiSquarePValue(40, 2)).toBeCloseTo(Math.exp(-20), 20);
  });

  it("chiSquareCdf(x, 0) throws a house-format error", () => {
    expect(() => chiSquareCdf(1, 0)).toThrow(/^invalid degrees of freedom: 0 \(must be > 0\)$/);
  });
});
