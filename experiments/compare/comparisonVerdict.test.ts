import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { kpi } from "../kpis/index.ts";
import { adjustPValues } from "../stats/index.ts";
import type { VariantDifference } from "./comparisonTypes.ts";
import { comparisonVerdict, primaryEffect } from "./comparisonVerdict.ts";
import { pairedDifferences } from "./pairedDifferences.ts";

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
    expect(verdicts[0].text).toMatch(/^b improves .* vs control \(Holm-adjusted p = 0\.001\)$/);
    expect(verdict).toMatch(/^b ranks first on .* \(probability best 88%\); b improves/);
  });

  it("comparisonVerdict(...) says a significant change for the worse is no win", () => {
    const { verdicts, verdict } = comparisonVerdict(primary, [row("b", -0.01, 0.001)], ranking, context);
    expect(verdicts[0].text).toMatch(/^b worsens /);
    expect(verdicts[0].effect).toBe("worsens");
    // A significant change is never "no detectable difference": the control stays, and the verdict says why.
    expect(verdict).toMatch(/^no variant beats control on conversion: b worsens conversion by .* \(Holm-adjusted p = 0\.001\)$/);
  });

  it("comparisonVerdict(...) says 'no detectable difference' only when the adjusted p is at or above 1 − level", () => {
    const { verdicts, verdict } = comparisonVerdict(primary, [row("b", 0.01, 0.2)], ranking, context);
    expect(verdicts[0].effect).toBe("no detectable difference");
    expect(verdict).toBe("no detectable difference in conversion between any variant and control at 95% (Holm correction)");
  });

  it("comparisonVerdict(...) refuses a verdict on fewer than 2 complete replications", () => {
    expect(comparisonVerdict(primary, [], ranking, { ...context, completeReplications: 1 }).verdict).toBe("too few complete replications (1) to compare");
  });

  it("comparisonVerdict(...) with 2 complete replications gives a verdict; each variant's sentence names both arms", () => {
    const { verdicts, verdict } = comparisonVerdict(primary, [row("b", 0.01, 0.2)], ranking, { ...context, completeReplications: 2 });
    expect(verdict).toBe("no detectable difference in conversion between any variant and control at 95% (Holm correction)");
    expect(verdicts).toEqual([
      {
        variant: "b",
        significant: false,
        effect: "no detectable difference",
        text: "no detectable difference in conversion between b and control: +1.00 pp [+0.90 pp, +1.10 pp] (Holm-adjusted p = 0.200)",
      },
    ]);
  });

  it("comparisonVerdict(...) on a metric without a better direction: a significant change only 'changes', and no variant beats the control", () => {
    const occupancy = kpi("occupancy");
    const changed = { ...row("b", 0.1, 0.001), metric: occupancy.key, label: occupancy.label, direction: occupancy.direction };
    const { verdicts, verdict } = comparisonVerdict(occupancy, [changed], ranking, context);
    expect(verdicts[0].effect).toBe("changes");
    expect(verdicts[0].text).toBe("b changes agent occupancy by +10.00 pp [+9.90 pp, +10.10 pp] vs control (Holm-adjusted p = 0.001)");
    expect(verdict).toBe(`no variant beats control on agent occupancy: ${verdicts[0].text}`);
  });

  it("comparisonVerdict(...) weighs a relative change of 0.5% against the default 1% minimum; improvements worth it win over small ones", () => {
    const small = { ...row("b", 0.0002, 0.001), relativeLift: { mean: 0.005, lower: 0.004, upper: 0.006, halfWidth: 0.001, standardDeviation: 0.001, n: 8 } };
    const { verdicts, verdict } = comparisonVerdict(primary, [small], ranking, context);
    expect(verdicts[0].effect).toBe("too small to matter");
    expect(verdict).toBe(
      "significant but too small to matter: b improves conversion by +0.02 pp [−0.08 pp, +0.12 pp] vs control (Holm-adjusted p = 0.001): significant but too small to matter (under the 1.00% minimum effect of interest)",
    );
    // With a clear improvement beside it, the verdict names the improvement only.
    const both = comparisonVerdict(primary, [small, { ...row("c", 0.01, 0.001), variant: "c" }], ranking, context);
    expect(both.verdict).toBe(`b ranks first on conversion (probability best 88%); ${both.verdicts[1].text}`);
  });

  it("comparisonVerdict(...) under Benjamini–Hochberg or no correction names it", () => {
    expect(comparisonVerdict(primary, [row("b", 0.01, 0.2)], ranking, { ...context, correction: "benjamini-hochberg" }).verdict).toBe(
      "no detectable difference in conversion between any variant and control at 95% (Benjamini–Hochberg correction)",
    );
    const none = comparisonVerdict(primary, [row("b", 0.01, 0.2)], ranking, { ...context, correction: "none", level: 0.9 });
    expect(none.verdict).toBe("no detectable difference in conversion between any variant and control at 90% (no correction)");
    expect(none.verdicts[0].text).toMatch(/\(no-adjusted p = 0\.200\)$/);
  });

  it("primaryEffect(...) follows the adjusted p, the direction and the minimum effect of interest", () => {
    const difference = (mean: number) => ({ mean, lower: null, upper: null, halfWidth: null, standardDeviation: null, n: 8 });
    const at = (mean: number, relative: number | null, significant: boolean, direction: "higher" | "lower" | "neutral" = "higher") => ({
      significant,
      direction,
      difference: difference(mean),
      relativeLift: relative === null ? null : difference(relative),
    });
    expect(primaryEffect(at(5, 0.05, true), 0.01)).toBe("improves");
    expect(primaryEffect(at(5, 0.005, true), 0.01)).toBe("too small to matter");
    expect(primaryEffect(at(5, 0.005, true), 0.001)).toBe("improves");
    expect(primaryEffect(at(5, null, true), 0.01)).toBe("improves"); // a control of 0: no relative change to weigh
    expect(primaryEffect(at(-5, -0.05, true), 0.01)).toBe("worsens");
    expect(primaryEffect(at(-5, -0.05, true, "lower"), 0.01)).toBe("improves");
    expect(primaryEffect(at(5, 0.05, true, "neutral"), 0.01)).toBe("changes");
    expect(primaryEffect(at(5, 0.05, false), 0.01)).toBe("no detectable difference");
    // At the minimum exactly it is worth acting on; the default minimum is 1%; a relative fall counts by its size.
    expect(primaryEffect(at(5, 0.01, true), 0.01)).toBe("improves");
    expect(primaryEffect(at(5, 0.009, true))).toBe("too small to matter");
    expect(primaryEffect(at(5, 0.011, true))).toBe("improves");
    expect(primaryEffect(at(-5, -0.005, true, "lower"), 0.01)).toBe("too small to matter");
    expect(primaryEffect(at(0, 0, true), 0.01)).toBe("worsens");
    expect(primaryEffect(at(0, 0, true, "lower"), 0.01)).toBe("worsens");
  });
});

/**
 * Rescued revenue per replication for a control and a variant whose paired differences have mean
 * `meanDifference` and a two-sided paired-t p of exactly `pValue` over 8 pairs: the differences are a
 * fixed zero-mean pattern scaled so that t = mean / (sd / √8) is the (1 − p/2) quantile of Student's t
 * with 7 degrees of freedom (stdlib's quantile, not the code under test).
 */
function rescuedRevenueWithP(meanDifference: number, pValue: number): { control: number[]; variant: number[] } {
  const pattern = [-1.5, -1, -0.5, -0.25, 0.25, 0.5, 1, 1.5];
  const patternSd = Math.sqrt(pattern.reduce((sum, z) => sum + z * z, 0) / (pattern.length - 1));
  const t = tQuantile(1 - pValue / 2, pattern.length - 1);
  const sd = (Math.abs(meanDifference) * Math.sqrt(pattern.length)) / t;
  const control = pattern.map((_, r) => 2000 + 37 * r);
  return { control, variant: control.map((value, r) => value + meanDifference + (sd * pattern[r]) / patternSd) };
}

describe("comparisonVerdict on a comparison built to have Holm-adjusted p = 0.014 for rescued revenue", () => {
  const rescued = kpi("rescuedRevenue");
  /** The compare pipeline's steps (pairedDifferences, Holm, significance at 95%, verdict) on two variants against a control. */
  function verdictFor(meanDifferences: readonly number[], pValues: readonly number[], minimumRelativeEffect?: number) {
    const runs = meanDifferences.map((mean, i) => rescuedRevenueWithP(mean, pValues[i]));
    const values = (_key: string, v: number) => (v === 0 ? runs[0].control : runs[v - 1].variant);
    const { differences } = pairedDifferences([rescued], rescued.key, ["control", "b", "c"].slice(0, runs.length + 1), 0, 8, values, 0.95);
    adjustPValues(
      differences.map((entry) => entry.pValue),
      "holm",
    ).forEach((adjusted, i) => {
      differences[i].adjustedPValue = adjusted;
      differences[i].significant = adjusted < 0.05;
    });
    const ranked = [{ variant: "b", probabilityBest: 0.9, mean: 2100 }];
    return { differences, ...comparisonVerdict(rescued, differences, ranked, { ...context, currency: "EUR", minimumRelativeEffect }) };
  }

  it("a drop with raw p 0.007 beside a variant with raw p 0.5: adjusted p 0.014 reads as a significant loss, not 'no detectable difference'", () => {
    const { differences, verdicts, verdict } = verdictFor([-60, 5], [0.007, 0.5]);
    expect(differences[0].pValue).toBeCloseTo(0.007, 6);
    expect(differences[0].adjustedPValue).toBeCloseTo(0.014, 6); // Holm: the smaller p times 2 variants
    expect(verdicts.map((entry) => entry.effect)).toEqual(["worsens", "no detectable difference"]);
    expect(verdict).toMatch(
      /^no variant beats control on rescued revenue: b worsens rescued revenue by −€60\.00 \[.*\] vs control \(Holm-adjusted p = 0\.014\)$/,
    );
  });

  it("a rise of 0.5% at adjusted p 0.014 is 'significant but too small to matter' under a 1% minimum effect, and an improvement under 0.1%", () => {
    const small = verdictFor([10, 5], [0.007, 0.5], 0.01);
    expect(small.differences[0].relativeLift!.mean).toBeLessThan(0.01);
    expect(small.verdicts[0].effect).toBe("too small to matter");
    expect(small.verdict).toMatch(
      /^significant but too small to matter: b improves rescued revenue by \+€10\.00 .*\(Holm-adjusted p = 0\.014\).*1\.00% minimum effect of interest\)$/,
    );
    const worthIt = verdictFor([10, 5], [0.007, 0.5], 0.001);
    expect(worthIt.verdicts[0].effect).toBe("improves");
    expect(worthIt.verdict).toMatch(/^b ranks first on rescued revenue \(probability best 90%\); b improves rescued revenue by \+€10\.00/);
  });
});
