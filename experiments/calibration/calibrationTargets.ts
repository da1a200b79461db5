// What one evaluation of the calibration search holds, and each parameter's target in it: shared by
// the fit's stages (proportional fitting, polish, interval scans) and the report of the fitted values.

import type { ModelConfig } from "../../sim/model/index.ts";
import type { CalibrationParameter } from "./calibrationParameters.ts";
import { CAUSAL_LIFT_TARGET, causalLiftTarget, type FitTarget } from "./causalLiftTarget.ts";
import { chatTargetShares } from "./chatFit.ts";
import { scoreStatistic } from "./factorInterval.ts";
import type { FitStatistics, SimulatedStep } from "./funnelFit.ts";
import { targetShares } from "./funnelFit.ts";
import { holdoutLift } from "./holdoutLift.ts";
import type { ChatCounts } from "./observedChat.ts";
import type { ObservedFunnel } from "./observedFunnel.ts";
import { type Dispersion, pearsonDispersion } from "./pearsonDispersion.ts";

/** Fitted values are written with this many significant digits (and evaluated as written). */
export const SIGNIFICANT_DIGITS = 4;

/** One evaluated point of the search: the factors, the scenario they make, and what its replications simulated. */
export interface Evaluation {
  factors: number[];
  config: ModelConfig;
  assignments: { path: (string | number)[]; value: number }[];
  simulated: SimulatedStep[];
  chat: ChatCounts;
  /** Each replication's own counts, for the targets' dispersion between replications. */
  perRun: { simulated: SimulatedStep[]; chat: ChatCounts }[];
  statistics: FitStatistics;
}

/**
 * Standard error of log(observed share ÷ simulated share) for a target: each share p from a count C
 * has var(log p) ≈ (1 − p) ÷ C (delta method on a binomial), and the two are independent.
 */
export function logStandardError(shares: { observed: number; observedCount: number; simulatedCount: number }): number {
  if (shares.observedCount <= 0 || shares.simulatedCount <= 0) return Number.POSITIVE_INFINITY;
  return Math.sqrt((1 - Math.min(shares.observed, 0.999999)) * (1 / shares.observedCount + 1 / shares.simulatedCount));
}

/** Each value scaled by its parameter's factor (divided for an inverse value), clamped to [0, max] and rounded to SIGNIFICANT_DIGITS. */
export function assign(parameters: readonly CalibrationParameter[], factors: readonly number[]): { path: (string | number)[]; value: number }[] {
  return parameters.flatMap((parameter, k) =>
    parameter.values.map((value) => ({
      path: value.path,
      value: Number(clamp(value.inverse ? value.before / factors[k] : value.before * factors[k], 0, value.max).toPrecision(SIGNIFICANT_DIGITS)),
    })),
  );
}

/** A parameter's target dispersion between the replications of each evaluation (see pearsonDispersion); 1 for the causal lift. */
export function targetDispersion(parameter: CalibrationParameter, observed: ObservedFunnel, evaluations: readonly Evaluation[]): Dispersion {
  if (parameter.chatTarget === CAUSAL_LIFT_TARGET) return { dispersion: 1, degreesOfFreedom: 0 };
  return pearsonDispersion(
    evaluations.map((evaluation) =>
      evaluation.perRun.map((run) => {
        const shares = binomialShares(parameter, observed, run);
        return { count: shares.simulatedCount, trials: shares.simulatedTrials };
      }),
    ),
  );
}

/** A funnel or chat parameter's target share (not the causal lift's). */
function binomialShares(
  parameter: CalibrationParameter,
  observed: ObservedFunnel,
  evaluation: Pick<Evaluation, "simulated" | "chat">,
): ReturnType<typeof targetShares> {
  const target = parameter.chatTarget;
  return target === undefined || target === CAUSAL_LIFT_TARGET
    ? targetShares(parameter.targets, observed, evaluation.simulated)
    : chatTargetShares(target, observed.chat, evaluation.chat);
}

/** A parameter's observed and simulated target: its chat share, its funnel cells pooled, or the holdout's causal lift. */
export function targetOf(parameter: CalibrationParameter, observed: ObservedFunnel, evaluation: Pick<Evaluation, "simulated" | "chat">): FitTarget {
  if (parameter.chatTarget === CAUSAL_LIFT_TARGET) {
    // Planned only when the data has a holdout lift; a simulation without one (no chats) is a lift of 0.
    return (
      causalLiftTarget(observed.chat, evaluation.chat) ?? {
        observed: (holdoutLift(observed.chat)?.points ?? 0) / 100,
        simulated: 0,
        observedCount: 0,
        simulatedCount: 0,
        logStandardError: Number.POSITIVE_INFINITY,
        statistic: Number.POSITIVE_INFINITY,
      }
    );
  }
  const shares = binomialShares(parameter, observed, evaluation);
  return {
    ...shares,
    logStandardError: logStandardError(shares),
    statistic: shares.observedTrials > 0 && shares.simulatedTrials > 0 ? scoreStatistic(shares) : 0,
  };
}

export function setPath(data: Record<string, unknown>, path: readonly (string | number)[], value: number): void {
  let node: any = data;
  for (const key of path.slice(0, -1)) node = node[key] ??= {};
  node[path[path.length - 1]] = value;
}

export function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
