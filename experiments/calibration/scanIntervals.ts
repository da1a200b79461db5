import { type CalibrationSearch, PROGRESS_STAGES } from "./CalibrationSearch.ts";
import type { CalibrationParameter } from "./calibrationParameters.ts";
import { type Evaluation, targetOf } from "./calibrationTargets.ts";
import { type FactorInterval, factorInterval } from "./factorInterval.ts";
import type { ObservedFunnel } from "./observedFunnel.ts";
import { profileStatistic } from "./profileStatistic.ts";

/** Confidence level of the factors' scanned intervals. */
export const INTERVAL_LEVEL = 0.95;
/** Most evaluations one side of a factor's interval scan can take (doubling steps to ×5, then 3 bisections). */
const MAX_SCAN_EVALUATIONS_PER_SIDE = 9;

/** Which fitted factors get a scanned interval (see `factorInterval`): the chat factors (default), every factor, or none. */
export type IntervalScope = "chat" | "all" | "none";

export interface ScanOptions {
  scope: IntervalScope;
  /** Refit the other chat factors at each scanned point (profile), or hold them at the fit (conditional). */
  profile: boolean;
  /** Each factor's elasticity from the fit, to step the refitted factors. */
  elasticity: readonly number[];
  /** √dispersion of each target, dividing its statistic (see pearsonDispersion). */
  inflation: readonly number[];
}

/**
 * Each scanned factor's 95% interval by test inversion of its own target (see factorInterval). With
 * `profile`, the other chat factors are refitted to their own targets at each point (one proportional
 * round from a warm start, see profileStatistic): an interval that allows for what they can make up,
 * at about twice the evaluations of holding them at the fit. Returns the intervals (an interrupted scan
 * keeps those finished) and the evaluations spent.
 */
export async function scanIntervals(
  search: CalibrationSearch,
  parameters: readonly CalibrationParameter[],
  observed: ObservedFunnel,
  fit: Evaluation,
  options: ScanOptions,
): Promise<{ intervals: Map<CalibrationParameter, FactorInterval>; evaluations: number }> {
  const intervals = new Map<CalibrationParameter, FactorInterval>();
  const scanned = parameters.filter((parameter) => options.scope === "all" || (options.scope === "chat" && parameter.chatTarget !== undefined));
  const chatIndices = parameters.flatMap((parameter, k) => (parameter.chatTarget !== undefined ? [k] : []));
  let evaluations = 0;
  if (scanned.length === 0 || search.stopped()) return { intervals, evaluations };
  const rounds = options.profile ? 2 : 1;
  search.startStage(PROGRESS_STAGES.intervals, scanned.length * 2 * MAX_SCAN_EVALUATIONS_PER_SIDE * rounds);
  const fitted = fit.factors.map(Math.log);
  const targetsAt = async (logFactors: readonly number[]) => {
    const evaluation = await search.evaluate(logFactors.map(Math.exp), "interval");
    return parameters.map((parameter, k) => {
      const target = targetOf(parameter, observed, evaluation);
      return { observed: target.observed, simulated: target.simulated, statistic: target.statistic / options.inflation[k] };
    });
  };
  for (const parameter of scanned) {
    const k = parameters.indexOf(parameter);
    const free = options.profile ? chatIndices.filter((j) => j !== k) : [];
    const profile = profileStatistic(targetsAt, fitted, k, free, { elasticity: options.elasticity });
    try {
      const interval = await factorInterval(profile.statisticAt, fitted[k], { level: INTERVAL_LEVEL });
      evaluations += profile.evaluations();
      intervals.set(parameter, interval);
    } catch (error) {
      // Interrupted mid-scan: the fit stands, the factors not scanned keep no interval.
      if (!search.stopped()) throw error;
      break;
    }
  }
  search.finishStage();
  return { intervals, evaluations };
}
