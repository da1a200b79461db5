import { describe, expect, it } from "vitest";
import { isRelativelyClose } from "./momentCheck.ts";
import { standardNormalDensity, standardNormalQuantile, standardNormalUpperTail } from "./standardNormal.ts";

// Reference values: 17-digit standard normal tables (R's qnorm/pnorm, agreeing with
// Abramowitz & Stegun table 26.1 to the digits printed there).
const QUANTILES: [number, number][] = [
  [0.5, 0],
  [0.975, 1.959963984540054],
  [0.995, 2.5758293035489004],
  [0.999, 3.090232306167813],
  [0.3, -0.5244005127080407],
  [1e-10, -6.361340902404056],
];
const UPPER_TAILS: [number, number][] = [
  [0, 0.5],
  [1, 0.15865525393145707],
  [2, 0.022750131948179195],
  [3, 0.0013498980316300946],
  [5, 2.866515718791939e-7],
  [10, 7.619853024160526e-24],
  [-1, 0.8413447460685429],
];

describe("standardNormal", () => {
  it("standardNormalQuantile(p) matches tabulated percentage points to ~1e-15", () => {
    for (const [p, z] of QUANTILES) {
      expect(isRelativelyClose(standardNormalQuantile(p), z, 1e-14) || z === 0).toBe(true);
    }
    expect(standardNormalQuantile(0.5)).toBe(0);
    expect(standardNormalQuantile(0)).toBe(-Infinity);
    expect(standardNormalQuantile(1)).toBe(Infinity);
  });

  it("standardNormalUpperTail(x) matches tabulated tail areas with relative accuracy far into the tail", () => {
    for (const [x, q] of UPPER_TAILS) expect(isRelativelyClose(standardNormalUpperTail(x), q, 1e-13)).toBe(true);
  });

  it("standardNormalUpperTail inverts standardNormalQuantile across (0, 1/2]", () => {
    // Two independent methods (AS 241 rational fits vs series / continued fraction) must agree.
    let worst = Math.abs(standardNormalUpperTail(-standardNormalQuantile(1e-300)) / 1e-300 - 1);
    for (let i = 1; i <= 5000; i++) {
      const p = 0.5 * (i / 5000) ** 8; // dense near 0, from ~1e-30 to 1/2
      worst = Math.max(worst, Math.abs(standardNormalUpperTail(-standardNormalQuantile(p)) / p - 1));
    }
    expect(worst).toBeLessThan(1e-11);
  });

  it("standardNormalDensity(x) is exp(-x^2/2)/sqrt(2 pi)", () => {
    expect(standardNormalDensity(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
    expect(isRelativelyClose(standardNormalDensity(1), 0.24197072451914337, 1e-15)).toBe(true);
  });

  it("standardNormalQuantile is NaN outside [0, 1] and for NaN; standardNormalUpperTail(NaN) is NaN", () => {
    for (const p of [-0.1, 1.1, NaN]) expect(standardNormalQuantile(p)).toBeNaN();
    expect(standardNormalUpperTail(NaN)).toBeNaN();
  });

  it("standardNormalUpperTail(x) for x <= -3 is 1 - Q(-x) (A&S 26.2.14 by symmetry)", () => {
    expect(isRelativelyClose(standardNormalUpperTail(-5), 1 - 2.866515718791939e-7, 1e-15)).toBe(true);
    expect(isRelativelyClose(standardNormalUpperTail(-3), 1 - 0.0013498980316300946, 1e-15)).toBe(true);
  });
});
