import type { SimulationResults } from "../../sim/model/index.ts";
import { KPIS } from "../kpis/index.ts";
import { type Estimate, shareInterval, tInterval } from "../stats/index.ts";

/** Each KPI's values over replications (nulls dropped), and its estimate (null when no run had it). */
export function summariseKpis(runs: readonly SimulationResults[], level: number): Record<string, Estimate | null> {
  const summary: Record<string, Estimate | null> = {};
  for (const definition of KPIS) {
    const values = kpiValues(runs, definition.key);
    summary[definition.key] = values.length === 0 ? null : definition.unit === "rate" ? shareInterval(values, level) : tInterval(values, level);
  }
  return summary;
}

/** The non-null values of one KPI across runs, in run order. */
export function kpiValues(runs: readonly SimulationResults[], key: string): number[] {
  const definition = KPIS.find((kpi) => kpi.key === key)!;
  const values: number[] = [];
  for (const run of runs) {
    const value = definition.extract(run);
    if (value !== null) values.push(value);
  }
  return values;
}
