import type { AbTestPlan, ComparisonGrid, ComparisonResults } from "../../experiments/compare/index.ts";
import type { Formatter } from "../../experiments/format/index.ts";
import { kpi } from "../../experiments/kpis/index.ts";

/**
 * `compare`'s terminal summary: every figure through the scenario's formatter (`report.locale` and
 * `currency`), as the scenario's report writes it.
 */
export function comparisonSummary(comparison: ComparisonResults, grid: ComparisonGrid | undefined, abPlan: AbTestPlan | null, format: Formatter): string {
  const primary = kpi(comparison.primaryMetric);
  const lines = [
    `${comparison.scenario} · ${comparison.variants.length} variants · ${format.count(comparison.replications)} paired replications · ${format.percent(comparison.level, 0)} intervals · ${comparison.correction} correction`,
  ];
  if (comparison.stoppedBy === "interrupted") lines.push(`interrupted: results from ${comparison.replications} complete replications`);
  for (const error of comparison.errored) lines.push(`errored: ${error.variant} replication ${error.replication}: ${error.error}`);
  lines.push(`${primary.label} by variant (probability best):`);
  for (const entry of comparison.ranking) {
    const estimate = comparison.variants.find((variant) => variant.name === entry.variant)!.kpis[primary.key];
    const bounds = estimate ? format.bounds(estimate.lower, estimate.upper, primary.unit) : "";
    const interval = bounds === "" ? "" : ` ${bounds}`;
    lines.push(
      `  ${entry.variant.padEnd(28)} ${entry.mean === null ? "no value" : format.value(entry.mean, primary.unit)}${interval}  ${format.percent(entry.probabilityBest, 0)}${entry.variant === comparison.control ? "  (control)" : ""}`,
    );
  }
  lines.push("vs control:");
  for (const row of comparison.differences) {
    const missing = row.missingPairs > 0 ? `  (${row.pairs} pairs; ${row.missingPairs} left out: no value)` : "";
    lines.push(
      `  ${row.variant.padEnd(28)} ${row.label.padEnd(22)} ${format.interval(row.difference.mean, row.difference.lower, row.difference.upper, row.unit, true)}  p${row.primary ? "(adj)" : ""} ${format.pValue(row.adjustedPValue, true)}${row.significant ? " *" : ""}${missing}`,
    );
  }
  for (const entry of comparison.notComparable) {
    const sides = [
      entry.missingInVariant > 0 ? `${entry.variant} in ${entry.missingInVariant}` : "",
      entry.missingInControl > 0 ? `the control in ${entry.missingInControl}` : "",
    ].filter(Boolean);
    lines.push(
      `  ${entry.variant.padEnd(28)} ${kpi(entry.metric).label.padEnd(22)} not comparable: no value for ${sides.join(" and ")} of ${comparison.replications} replications`,
    );
  }
  lines.push(`verdict: ${comparison.verdict}`);
  if (grid) {
    lines.push("best policy by staffing level:");
    for (const best of grid.bestByLevel)
      lines.push(
        `  ${String(best.agentsScheduled).padStart(4)} agents: ${best.variant} (${best.mean === null ? "no value" : format.value(best.mean, primary.unit)}, probability best ${format.percent(best.probabilityBest, 0)}${best.significantVsControl ? "" : ", not significantly different from the control"})`,
      );
  }
  if (abPlan) {
    lines.push(
      `live A/B test plan (${abPlan.metric}, α = ${format.number(abPlan.alpha, 4)}, power ${format.number(abPlan.power, 4)}, ${format.count(abPlan.dailySessions)} sessions/day × ${format.number(abPlan.trafficShare)}):`,
    );
    for (const row of abPlan.rows) {
      lines.push(
        `  ${row.variant.padEnd(28)} predicted ${row.predictedRelativeLift === null ? "–" : format.signedPercent(row.predictedRelativeLift, 2)} → ${row.visitorsPerArm === null ? "no predicted difference: not testable" : `${format.count(row.visitorsPerArm)} visitors per arm, ${format.count(row.testDays)} days`}`,
      );
    }
    lines.push(`  formula: ${abPlan.formula}`);
  }
  return `${lines.join("\n")}\n`;
}
