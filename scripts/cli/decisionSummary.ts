import { formatValue } from "../../experiments/format/index.ts";
import { type KpiUnit, kpi } from "../../experiments/kpis/index.ts";
import type { WorldDecisionResults } from "../../experiments/worlds/index.ts";

/** A KPI amount (a loss, a margin) in words: rates in percentage points, the rest as formatValue. */
export function formatAmount(value: number, unit: KpiUnit, currency: string): string {
  return unit === "rate" ? `${(value * 100).toFixed(3)} pp` : formatValue(value, unit, currency);
}

/** The readable summary of a decision across parameter worlds. */
export function decisionSummary(decision: WorldDecisionResults, currency: string): string {
  const metric = kpi(decision.metric);
  const value = (number: number): string => formatValue(number, metric.unit, currency);
  const amount = (number: number): string => formatAmount(number, metric.unit, currency);
  const lines = [
    `${decision.scenario} · decision under parameter uncertainty · ${decision.worldsRequested} worlds (Latin hypercube over ${decision.parameters.length} parameter${decision.parameters.length === 1 ? "" : "s"}) × ${decision.replications} replications · ${metric.label} (${decision.direction} is better)`,
  ];
  if (decision.stoppedBy === "interrupted") lines.push("interrupted: results from the worlds that completed");
  for (const error of decision.errored) lines.push(`errored: ${error.variant} world ${error.world} replication ${error.replication}: ${error.error}`);
  const analysis = decision.analysis;
  if (analysis === null) return `${[...lines, "too few complete worlds (fewer than 2) to decide"].join("\n")}\n`;
  const percent = Math.round(analysis.level * 100);
  lines.push(`${"variant".padEnd(28)} ${`expected ${metric.label} [${percent}% CI]`.padEnd(36)} ${"90% of worlds".padEnd(24)} P(best)  expected loss`);
  for (const entry of analysis.variants) {
    const { expected } = entry;
    const interval = expected.lower === null ? "" : ` [${value(expected.lower)}, ${value(expected.upper!)}]`;
    lines.push(
      `  ${entry.variant.padEnd(26)} ${`${value(expected.mean)}${interval}`.padEnd(36)} ${`${value(entry.worldRange.p05)} – ${value(entry.worldRange.p95)}`.padEnd(24)} ${`${(entry.probabilityBest * 100).toFixed(0)}%`.padStart(7)}  ${amount(entry.expectedLoss)}`,
    );
  }
  const chosen = analysis.variants.find((entry) => entry.variant === analysis.choice)!;
  if (analysis.runnerUp !== null) {
    lines.push(
      `choose: ${analysis.choice} (least expected loss; best in ${(chosen.probabilityBest * 100).toFixed(0)}% of ${analysis.worlds} worlds; runner-up ${analysis.runnerUp})`,
    );
    lines.push(
      `expected value of perfect information: ${amount(analysis.evpi)} of ${metric.label} (what knowing the uncertain parameters before choosing would add)`,
    );
  }
  if (analysis.sensitivityMeasure === "sobolFirstOrder") {
    lines.push(
      `${analysis.runnerUp === null ? `${metric.label} depends on` : "the decision hinges on"} (first-order Sobol index S and total effect S_T of ${analysis.sensitivityOf}'s variance, ${decision.worldsRun} worlds):`,
    );
    for (const row of analysis.sensitivity) lines.push(`  ${row.parameter.padEnd(44)} S = ${row.firstOrder!.toFixed(2)}   S_T = ${row.totalOrder!.toFixed(2)}`);
    return `${lines.join("\n")}\n`;
  }
  const threshold = analysis.noiseThreshold === null ? "" : `; |ρ| below ${analysis.noiseThreshold.toFixed(2)} is within noise`;
  lines.push(
    `${analysis.runnerUp === null ? `${metric.label} depends on` : "the decision hinges on"} (rank correlation with ${analysis.sensitivityOf}${threshold}):`,
  );
  for (const row of analysis.sensitivity) {
    const rho = row.rankCorrelation === null ? "    –" : `${row.rankCorrelation >= 0 ? "+" : ""}${row.rankCorrelation.toFixed(2)}`;
    const flag = row.rankCorrelation !== null && analysis.noiseThreshold !== null && Math.abs(row.rankCorrelation) >= analysis.noiseThreshold ? " *" : "";
    lines.push(`  ${row.parameter.padEnd(44)} ρ = ${rho}${flag}   ${amount(row.meanWhenLow)} when low, ${amount(row.meanWhenHigh)} when high`);
  }
  return `${lines.join("\n")}\n`;
}
