import { kpi } from "../kpis/index.ts";
import { kpiValues } from "../replications/index.ts";
import { type Estimate, pairedComparison, shareInterval, tInterval } from "../stats/index.ts";
import type { ScheduleEvaluation } from "./evaluateSchedule.ts";
import { scheduledForOnline } from "./scheduledForOnline.ts";
import type { ProfitChoice, SweepLevel } from "./staffingTypes.ts";

/** Most constant staffing levels a sweep runs (levels are thinned evenly beyond this). */
export const MAX_SWEEP_LEVELS = 8;
/** The sweep runs from this many online agents below the analytic minimum ... */
const SWEEP_BELOW = 1;
/** ... to this many above the analytic peak. */
const SWEEP_ABOVE = 3;

/**
 * Constant staffing levels (scheduled agents, all day) for the sweep: online agents from the
 * smallest per-interval analytic answer − 1 to the largest + 3, at most MAX_SWEEP_LEVELS of them
 * (evenly thinned, both ends kept). 0 online is allowed: the "no chat team" reference.
 *
 * @example
 * sweepLevels([2, 3, 3], 0.3) // online 1..6 → scheduled [2, 3, 5, 6, 8, 9]
 */
export function sweepLevels(analyticOnline: readonly number[], shrinkage: number): number[] {
  const low = Math.max(0, Math.min(...analyticOnline) - SWEEP_BELOW);
  const high = Math.max(...analyticOnline) + SWEEP_ABOVE;
  const count = high - low + 1;
  const online =
    count <= MAX_SWEEP_LEVELS
      ? Array.from({ length: count }, (_, i) => low + i)
      : Array.from({ length: MAX_SWEEP_LEVELS }, (_, i) => Math.round(low + (i * (high - low)) / (MAX_SWEEP_LEVELS - 1)));
  return [...new Set(online.map((value) => scheduledForOnline(value, shrinkage)))];
}

/** Whole-horizon KPIs of one constant level from its evaluation. */
export function sweepLevel(evaluation: ScheduleEvaluation, agentsOnline: number, level: number): SweepLevel {
  const runs = evaluation.runs;
  const estimate = (key: string): Estimate | null => {
    const values = kpiValues(runs, key);
    if (values.length === 0) return null;
    return kpi(key).unit === "rate" ? shareInterval(values, level) : tInterval(values, level);
  };
  return {
    agentsScheduled: evaluation.schedule[0] ?? 0,
    agentsOnline,
    serviceLevel: estimate("serviceLevel"),
    queueAbandonment: estimate("queueAbandonmentRate"),
    occupancy: estimate("occupancy"),
    conversionRate: estimate("conversionRate"),
    contributionProfit: estimate("contributionProfit"),
    agentCost: runs[0]?.chat.agentCost ?? 0,
  };
}

/**
 * The level with the highest mean contribution profit and a paired comparison with the runner-up over the
 * replications both completed (same seeds: common random numbers). "Distinguishable" = the paired t
 * test rejects a zero difference at 1 − level. Null for chat-only sweeps (no contribution profit).
 */
export function chooseMostProfitable(sweep: readonly SweepLevel[], evaluations: readonly ScheduleEvaluation[], level: number): ProfitChoice | null {
  const ranked = sweep
    .map((point, index) => ({ point, index }))
    .filter(({ point }) => point.contributionProfit !== null)
    .sort((a, b) => b.point.contributionProfit!.mean - a.point.contributionProfit!.mean);
  if (ranked.length === 0) return null;
  const [best, second] = ranked;
  if (second === undefined) {
    return {
      agentsScheduled: best.point.agentsScheduled,
      contributionProfit: best.point.contributionProfit!,
      runnerUpAgentsScheduled: null,
      difference: null,
      pValue: null,
      distinguishable: false,
    };
  }
  const pairs = pairedValues(evaluations[best.index], evaluations[second.index]);
  const comparison = pairs.best.length >= 2 ? pairedComparison(pairs.best, pairs.second, level) : null;
  return {
    agentsScheduled: best.point.agentsScheduled,
    contributionProfit: best.point.contributionProfit!,
    runnerUpAgentsScheduled: second.point.agentsScheduled,
    difference: comparison?.difference ?? null,
    pValue: comparison?.pValue ?? null,
    distinguishable: comparison !== null && comparison.pValue < 1 - level,
  };
}

function pairedValues(best: ScheduleEvaluation, second: ScheduleEvaluation): { best: number[]; second: number[] } {
  const byReplication = new Map<number, number>();
  best.runs.forEach((run, i) => {
    if (run.kind === "store") byReplication.set(best.replicationNumbers[i], run.profit.contributionProfit);
  });
  const pairs = { best: [] as number[], second: [] as number[] };
  second.runs.forEach((run, i) => {
    const value = byReplication.get(second.replicationNumbers[i]);
    if (run.kind === "store" && value !== undefined) {
      pairs.best.push(value);
      pairs.second.push(run.profit.contributionProfit);
    }
  });
  return pairs;
}
