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
});
