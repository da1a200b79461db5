import { describe, expect, it } from "vitest";
import { AB_TEST_FORMULA, abTestPlan } from "./abTestPlan.ts";
import type { ComparisonResults } from "./comparisonTypes.ts";

// Sample sizes worked out by hand from printed normal quantiles (z0.95 = 1.644854, z0.90 = 1.281552,
// z0.975 = 1.959964, z0.80 = 0.841621; e.g. NIST/SEMATECH e-Handbook §1.3.6.7.1).

const estimate = (mean: number) => ({ mean, lower: mean, upper: mean, halfWidth: 0, standardDeviation: 0, n: 10 });
type Kpis = Record<string, number>;
function comparisonOf(primaryMetric: string, horizonDays: number, arms: [string, Kpis][], control = arms[0][0]): ComparisonResults {
  return {
    primaryMetric,
    control,
    horizonDays,
    variants: arms.map(([name, kpis]) => ({
      name,
      policy: name,
      scenarioHash: "",
      kpis: Object.fromEntries(Object.entries(kpis).map(([key, mean]) => [key, estimate(mean)])),
    })),
  } as unknown as ComparisonResults;
}

describe("abTestPlan", () => {
  it("abTestPlan on revenue per visitor: σ² = p(s² + m²) − (pm)², α 0.1, power 0.9, half the traffic: 110,508 per arm, 45 days", () => {
    // Control p 2%, m $100, s $50: mean 2, σ² = 0.02·12,500 − 4 = 246. Variant p 2.2%: mean 2.2, σ² = 275 − 4.84 = 270.16.
    // n = (1.644854 + 1.281552)² · 516.16 ÷ 0.2² = 110,507.9 → 110,508; days = 2 · 110,508 ÷ (10,000 · 0.5) = 44.2 → 45.
    const order = { averageOrderValue: 100, orderValueStandardDeviation: 50, sessions: 30_000 };
    const comparison = comparisonOf("revenuePerSession", 3, [
      ["control", { conversionRate: 0.02, ...order }],
      ["variant", { conversionRate: 0.022, ...order }],
    ]);
    const plan = abTestPlan(comparison, { alpha: 0.1, power: 0.9, trafficShare: 0.5 });
    expect(plan).toMatchObject({ metric: "revenuePerSession", formula: AB_TEST_FORMULA, alpha: 0.1, power: 0.9, trafficShare: 0.5, dailySessions: 10_000 });
    expect(plan.rows).toHaveLength(1);
    const row = plan.rows[0];
    expect(row.variant).toBe("variant");
    expect(row.controlMean).toBeCloseTo(2, 12);
    expect(row.variantMean).toBeCloseTo(2.2, 12);
    expect(row.predictedDifference).toBeCloseTo(0.2, 12);
    expect(row.predictedRelativeLift).toBeCloseTo(0.1, 12);
    expect(row.controlVariancePerVisitor).toBeCloseTo(246, 9);
    expect(row.variantVariancePerVisitor).toBeCloseTo(270.16, 9);
    expect(row.visitorsPerArm).toBe(110_508);
    expect(row.testDays).toBe(45);
  });

  it("abTestPlan defaults to α 0.05, power 0.8 and all the traffic: conversion 2.0% → 2.2% needs 80,679 per arm", () => {
    // (1.959964 + 0.841621)² · (0.02·0.98 + 0.022·0.978) ÷ 0.002² = 80,678.6; days = 2 · 80,679 ÷ 10,000 = 16.1 → 17.
    const comparison = comparisonOf("conversionRate", 2, [
      ["a", { conversionRate: 0.02, sessions: 20_000 }],
      ["b", { conversionRate: 0.022, sessions: 20_000 }],
    ]);
    const plan = abTestPlan(comparison);
    expect(plan).toMatchObject({ metric: "conversionRate", alpha: 0.05, power: 0.8, trafficShare: 1, dailySessions: 10_000 });
    expect(plan.rows[0]).toMatchObject({ visitorsPerArm: 80_679, testDays: 17 });
    expect(plan.rows[0].controlVariancePerVisitor).toBeCloseTo(0.02 * 0.98, 15);
  });

  it("abTestPlan plans every non-control variant, whichever is the control; any other primary metric is planned on conversion", () => {
    const comparison = comparisonOf(
      "meanWaitSeconds",
      1,
      [
        ["a", { conversionRate: 0.022, sessions: 5000 }],
        ["b", { conversionRate: 0.02, sessions: 5000 }],
        ["c", { conversionRate: 0.02 }],
      ],
      "b",
    );
    const plan = abTestPlan(comparison);
    expect(plan.metric).toBe("conversionRate");
    expect(plan.dailySessions).toBe(5000);
    expect(plan.rows.map((row) => row.variant)).toEqual(["a", "c"]);
    expect(plan.rows[0]).toMatchObject({ controlMean: 0.02, variantMean: 0.022, visitorsPerArm: 80_679, testDays: 33 });
    // Same conversion as the control: no difference to detect.
    expect(plan.rows[1]).toMatchObject({ predictedDifference: 0, predictedRelativeLift: 0, visitorsPerArm: null, testDays: null });
  });

  it("abTestPlan leaves the lift null for a control mean of 0 and the days null without sessions", () => {
    const comparison = comparisonOf("revenuePerSession", 1, [
      ["a", { conversionRate: 0 }],
      ["b", { conversionRate: 0.01, averageOrderValue: 50 }],
    ]);
    const row = abTestPlan(comparison).rows[0];
    expect(row.predictedRelativeLift).toBeNull();
    expect(row.variantMean).toBeCloseTo(0.5, 12);
    // s missing counts as 0: σ² = p·m² − (p·m)² = 0.01·2,500 − 0.25.
    expect(row.variantVariancePerVisitor).toBeCloseTo(24.75, 12);
    expect(row.visitorsPerArm).toBeGreaterThan(0);
    expect(row.testDays).toBeNull();
  });

  it("abTestPlan on a comparison without a complete replication (no KPI at all) plans nothing: no difference to detect", () => {
    const plan = abTestPlan(
      comparisonOf("conversionRate", 1, [
        ["a", {}],
        ["b", {}],
      ]),
    );
    expect(plan.dailySessions).toBe(0);
    expect(plan.rows).toEqual([
      {
        variant: "b",
        controlMean: 0,
        variantMean: 0,
        predictedDifference: 0,
        predictedRelativeLift: null,
        controlVariancePerVisitor: 0,
        variantVariancePerVisitor: 0,
        visitorsPerArm: null,
        testDays: null,
      },
    ]);
  });

  it("abTestPlan refuses α, power or traffic share outside their ranges", () => {
    const comparison = comparisonOf("conversionRate", 1, [
      ["a", { conversionRate: 0.02, sessions: 10 }],
      ["b", { conversionRate: 0.03, sessions: 10 }],
    ]);
    for (const alpha of [0, 1, Number.NaN]) expect(() => abTestPlan(comparison, { alpha })).toThrow(`invalid alpha: ${alpha} (must be between 0 and 1)`);
    for (const power of [0, 1, Number.NaN]) expect(() => abTestPlan(comparison, { power })).toThrow(`invalid power: ${power} (must be between 0 and 1)`);
    for (const trafficShare of [0, 1.5, Number.NaN])
      expect(() => abTestPlan(comparison, { trafficShare })).toThrow(`invalid traffic share: ${trafficShare} (must be in (0, 1])`);
    expect(abTestPlan(comparison, { trafficShare: 1 }).trafficShare).toBe(1);
  });
});
