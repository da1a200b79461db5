// Test support only (not re-exported): a fast variant of the baseline store for calibration tests,
// and observed funnel rows simulated from it.
import { fileURLToPath } from "node:url";
import { type SimulationResults, simulate } from "../../sim/model/index.ts";
import { type LoadedScenario, parseScenario, readDataFile } from "../scenario/index.ts";
import type { FunnelRow } from "./funnelCsv.ts";
import { funnelRowsFromResults } from "./funnelRowsFromResults.ts";

export const baselinePath = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));

/**
 * The baseline store's data with a short, cart-rich day: `sessions` sessions of one page each and
 * three times the add-to-cart probabilities (about 22% add to cart), so a replication yields some
 * 13,000 carts in about a second. The checkout steps and every fitted parameter are the baseline's.
 */
export function fastBaselineData(sessions = 60_000): Record<string, any> {
  const data = readDataFile(baselinePath, "scenario file") as Record<string, any>;
  data.traffic.sessionsPerDay = sessions;
  for (const segment of data.segments) {
    segment.pageViews = { kind: "constant", value: 1 };
    segment.addToCartProbability *= 3;
  }
  data.agents.schedule = 6;
  return data;
}

export function loadData(data: Record<string, any>): LoadedScenario {
  return parseScenario(data, { path: baselinePath });
}

/** The funnel kinds (the rest are chat outcomes). */
const FUNNEL_ONLY = new Set(["sessions", "reached", "abandoned", "orders"]);

/** Funnel rows of several runs of a scenario with the given seeds, counts merged (whole period); chat rows only when asked for. */
export function observedRows(loaded: LoadedScenario, seeds: readonly string[], byReason: boolean, chat = false): FunnelRow[] {
  return mergeRows(
    seeds.map((seed) => simulate(loaded.config, { seed })),
    byReason,
    chat,
  );
}

/** The funnel rows of runs, counts merged (whole period); chat rows only when asked for. */
export function mergeRows(runs: readonly SimulationResults[], byReason: boolean, chat: boolean): FunnelRow[] {
  const merged = new Map<string, FunnelRow>();
  for (const results of runs) {
    for (const row of funnelRowsFromResults(results)) {
      if (!byReason && row.reason !== null) continue;
      if (!chat && !FUNNEL_ONLY.has(row.kind)) continue;
      const key = `${row.kind}|${row.step}|${row.reason}`;
      const entry = merged.get(key);
      if (entry) entry.count += row.count;
      else merged.set(key, { ...row });
    }
  }
  return [...merged.values()];
}

/** The value at a scenario path like "funnel.steps[2].hazards.cardDeclined". */
export function valueAt(data: Record<string, any>, path: string): number {
  let node: any = data;
  for (const key of path.replace(/\[(\d+)\]/g, ".$1").split(".")) node = node[/^\d+$/.test(key) ? Number(key) : key];
  return node;
}
