import { describe, expect, it } from "vitest";
import { kpi } from "../kpis/index.ts";
import type { VariantDifference } from "./comparisonTypes.ts";
import { comparisonVerdict } from "./comparisonVerdict.ts";

const primary = kpi("conversionRate");
function row(variant: string, mean: number, adjustedPValue: number): VariantDifference {
  return {
    variant,
    metric: primary.key,
    label: primary.label,
    unit: primary.unit,
    direction: primary.direction,
    difference: { mean, lower: mean - 0.001, upper: mean + 0.001, halfWidth: 0.001, standardDeviation: 0.0012, n: 8 },
    relativeLift: null,
    pValue: adjustedPValue,
    adjustedPValue,
    significant: adjustedPValue < 0.05,
    unpairedHalfWidth: null,
    pairs: 8,
    missingPairs: 0,
    primary: true,
  };
}
const ranking = [
  { variant: "b", probabilityBest: 0.875, mean: 0.05 },
  { variant: "control", probabilityBest: 0.125, mean: 0.04 },
];
const context = { control: "control", correction: "holm" as const, level: 0.95, completeReplications: 8 };

describe("comparisonVerdict", () => {
  it("comparisonVerdict(...) names the first-ranked variant and its significant improvement", () => {
    const { verdicts, verdict } = comparisonVerdict(primary, [row("b", 0.01, 0.001)], ranking, context);
    expect(verdicts[0].significant).toBe(true);
    expect(verdicts[0].text).toMatch(/^b improves .* vs control \(Holm-adjusted p = 0\.0010\)$/);
    expect(verdict).toMatch(/^b ranks first on .* \(probability best 88%\); b improves/);
  });

  it("comparisonVerdict(...) says a significant change for the worse is no win", () => {
    const { verdicts, verdict } = comparisonVerdict(primary, [row("b", -0.01, 0.001)], ranking, context);
    expect(verdicts[0].text).toMatch(/^b worsens /);
    expect(verdict).toMatch(/^no detectable difference in .* between any variant and control at 95% \(Holm correction\)$/);
  });

  it("comparisonVerdict(...) refuses a verdict on fewer than 2 complete replications", () => {
    expect(comparisonVerdict(primary, [], ranking, { ...context, completeReplications: 1 }).verdict).toBe("too few complete replications (1) to compare");
  });
});
