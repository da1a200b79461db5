import { describe, expect, it } from "vitest";
import { RandomStream } from "../../sim/random/index.ts";
import { sobolDesign, sobolIndices } from "./sobolIndices.ts";

/**
 * The Ishigami function on (−π, π)³ with a = 7, b = 0.1 and its exact indices (Ishigami & Homma 1990;
 * Saltelli et al., "Global Sensitivity Analysis: The Primer", 2008, §4.1): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
 * V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸ (1/18 − 1/50), V3 = 0.
 */
function ishigami([x1, x2, x3]: number[]): number {
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}
const [a, b, pi] = [7, 0.1, Math.PI];
const V = a ** 2 / 8 + (b * pi ** 4) / 5 + (b ** 2 * pi ** 8) / 18 + 0.5;
const V1 = (1 + (b * pi ** 4) / 5) ** 2 / 2;
const V2 = a ** 2 / 8;
const V13 = b ** 2 * pi ** 8 * (1 / 18 - 1 / 50);

describe("sobolIndices", () => {
  it("sobolDesign(...) is A, B, then A with each column from B", () => {
    const rows = sobolDesign(3, 2, new RandomStream(1, "sobol"));
    expect(rows).toHaveLength(12);
    const [A, B] = [rows.slice(0, 3), rows.slice(3, 6)];
    for (let j = 0; j < 3; j++) {
      expect(rows[6 + j]).toEqual([B[j][0], A[j][1]]);
      expect(rows[9 + j]).toEqual([A[j][0], B[j][1]]);
    }
    // Deterministic in the source.
    expect(sobolDesign(3, 2, new RandomStream(1, "sobol"))).toEqual(rows);
  });

  it("sobolIndices(Ishigami, N = 20,000) is within 0.03 of the exact first-order and total indices", () => {
    const base = 20_000;
    const rows = sobolDesign(base, 3, new RandomStream(7, "ishigami"));
    const outputs = rows.map((row) => ishigami(row.map((u) => -pi + 2 * pi * u)));
    const indices = sobolIndices(outputs, base, 3);
    // Exact: S = [0.3139, 0.4424, 0], S_T = [0.5576, 0.4424, 0.2437].
    const exactFirst = [V1 / V, V2 / V, 0];
    const exactTotal = [(V1 + V13) / V, V2 / V, V13 / V];
    expect(exactFirst[0]).toBeCloseTo(0.3139, 4);
    expect(exactTotal[2]).toBeCloseTo(0.2437, 4);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(indices.firstOrder[i] - exactFirst[i]), `S${i + 1} ${indices.firstOrder[i]}`).toBeLessThan(0.03);
      expect(Math.abs(indices.totalOrder[i] - exactTotal[i]), `ST${i + 1} ${indices.totalOrder[i]}`).toBeLessThan(0.03);
    }
    expect(indices.variance).toBeCloseTo(V, 0);
  });

  it("sobolIndices(linear model) gives S_i = a_i² var(X_i) ÷ Σ a_k² var(X_k), with S_i = S_Ti (no interactions)", () => {
    // Y = 1·X1 + 2·X2 + 0·X3 with X uniform on (0, 1): S = [1/5, 4/5, 0].
    const base = 4000;
    const rows = sobolDesign(base, 3, new RandomStream(3, "linear"));
    const indices = sobolIndices(
      rows.map(([x1, x2, x3]) => x1 + 2 * x2 + 0 * x3),
      base,
      3,
    );
    [0.2, 0.8, 0].forEach((exact, i) => {
      expect(Math.abs(indices.firstOrder[i] - exact)).toBeLessThan(0.03);
      expect(Math.abs(indices.totalOrder[i] - exact)).toBeLessThan(0.03);
    });
  });

  it("sobolIndices(...) refuses outputs of the wrong length", () => {
    expect(() => sobolIndices([1, 2, 3], 2, 1)).toThrow(/^invalid outputs: 3 values \(must be base × \(dimensions \+ 2\) = 6\)$/);
  });
});
