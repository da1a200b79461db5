import type { Formatter } from "../../experiments/format/index.ts";
import { KPIS } from "../../experiments/kpis/index.ts";
import type { ReplicationSet } from "../../experiments/replications/index.ts";

/**
 * `replicate`'s terminal summary: every KPI's mean and interval through the scenario's formatter
 * (`report.locale` and `currency`), so the figures read as the scenario's report writes them.
 */
export function replicationSummary(set: ReplicationSet, level: number, seed: string | number, format: Formatter): string {
  const lines = [`${set.scenario} · ${format.count(set.completed)} replications (${set.stoppedBy}) · ${format.percent(level, 0)} intervals · seed ${seed}`];
  for (const error of set.errored) lines.push(`errored: replication ${error.replication} (${error.seed}): ${error.error}`);
  for (const definition of KPIS) {
    const estimate = set.kpis[definition.key];
    if (!estimate) continue;
    const bounds = format.bounds(estimate.lower, estimate.upper, definition.unit);
    lines.push(`  ${definition.label.padEnd(24)} ${format.value(estimate.mean, definition.unit).padStart(12)}${bounds === "" ? "" : `  ${bounds}`}`);
  }
  return `${lines.join("\n")}\n`;
}
