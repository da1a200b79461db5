import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { describe, expect, it } from "vitest";
import { kpi } from "../kpis/index.ts";
import { pairedDifferences } from "./pairedDifferences.ts";

describe("pairedDifferences", () => {
  const table: Record<string, (number | null)[][]> = {
    // control, variant: the variant misses replication 4, so 3 pairs remain.
    conversionRate: [
      [1, 2, 4, 2],
      [3, 5, 7, null],
    ],
    // Only the control has a value: not comparable, and said so.
    meanWaitSeconds: [
      [10, 11, 12, 13],
      [null, null, null, null],
    ],
    // Neither side has it: the KPI does not apply, nothing is listed.
    revenuePerSession: [
      [null, null, null, null],
      [null, null, null, null],
    ],
  };
  const values = (key: string, v: number) => table[key][v];
  const metrics = ["conversionRate", "meanWaitSeconds", "revenuePerSession"].map(kpi);

  it("pairedDifferences(...) drops pairs with a missing side and matches the paired t interval computed by hand", () => {
    const result = pairedDifferences(metrics, "conversionRate", ["control", "b"], 0, 4, values, 0.95);
    expect(result.differences).toHaveLength(1);
    const row = result.differences[0];
    // d = (2, 3, 3): mean 8/3, s = 1/√3, half-width = t(0.975, 2) · s / √3 = 4.302653 / 3.
    expect(row.difference.mean).toBeCloseTo(8 / 3, 12);
    expect(row.difference.halfWidth).toBeCloseTo(4.302653 / 3, 5);
    expect([row.pairs, row.missingPairs, row.primary, row.variant]).toEqual([3, 1, true, "b"]);
    expect(result.notComparable).toEqual([{ variant: "b", metric: "meanWaitSeconds", missingInVariant: 4, missingInControl: 0 }]);
  });

  it("pairedDifferences(...) with no complete replication compares nothing", () => {
    expect(pairedDifferences(metrics, "conversionRate", ["control", "b"], 0, 0, values, 0.95)).toEqual({ differences: [], notComparable: [] });
  });

  it("pairedDifferences(...) compares every other variant with a control listed in the middle, on the primary metric and each guardrail", () => {
    // Control "control" is variant 1. Conversion: a − control = 1, 2, 3 (mean 2, s 1, t = 2√3); c − control = 0, 0, 1 (mean 1/3,
    // s 1/√3, t = 1). Mean wait: a − control = −10, −11, −12 (mean −11, s 1, t = −11√3); c − control = 0, 1, 0 (t = 1).
    const rows: Record<string, number[][]> = {
      conversionRate: [
        [2, 4, 6],
        [1, 2, 3],
        [1, 2, 4],
      ],
      meanWaitSeconds: [
        [10, 10, 10],
        [20, 21, 22],
        [20, 22, 22],
      ],
    };
    const twoSided = (t: number) => 2 * (1 - tCdf(Math.abs(t), 2));
    const result = pairedDifferences(
      ["conversionRate", "meanWaitSeconds"].map(kpi),
      "conversionRate",
      ["a", "control", "c"],
      1,
      3,
      (key, v) => rows[key][v],
      0.9,
    );
    expect(result.notComparable).toEqual([]);
    expect(result.differences.map((row) => [row.variant, row.metric, row.label, row.unit, row.direction, row.primary, row.pairs, row.missingPairs])).toEqual([
      ["a", "conversionRate", "conversion", "rate", "higher", true, 3, 0],
      ["c", "conversionRate", "conversion", "rate", "higher", true, 3, 0],
      ["a", "meanWaitSeconds", "mean chat wait", "seconds", "lower", false, 3, 0],
      ["c", "meanWaitSeconds", "mean chat wait", "seconds", "lower", false, 3, 0],
    ]);
    const expected = [twoSided(2 * Math.sqrt(3)), twoSided(1), twoSided(-11 * Math.sqrt(3)), twoSided(1)];
    result.differences.forEach((row, i) => {
      expect(row.pValue).toBeCloseTo(expected[i], 10);
      // Unadjusted here: the caller corrects the primary metric's p-values.
      expect(row.adjustedPValue).toBe(row.pValue);
    });
    // p ≈ 0.074, 0.42, 0.0027, 0.42 against 1 − 0.9.
    expect(result.differences.map((row) => row.significant)).toEqual([true, false, true, false]);
    expect(result.differences.map((row) => row.difference.mean)).toEqual([2, 1 / 3, -11, 1 / 3]);
  });
});
