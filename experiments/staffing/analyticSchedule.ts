import { requiredAgents, type StaffingTarget } from "../../sim/analytic/index.ts";
import type { ResolvedStaffingTarget } from "./staffingTypes.ts";

/** The closed-form answer for one interval. */
export interface AnalyticInterval {
  agentsOnline: number;
  agentsScheduled: number;
  /** Service level the formula predicts at that staffing. */
  serviceLevel: number;
  /** Erlang C's scheduled agents (no abandonment) when the answer is Erlang A and a non-abandonment target exists; else null. */
  erlangCAgentsScheduled: number | null;
}

export interface AnalyticInput {
  arrivalRatesPerSecond: readonly number[];
  meanHandleSeconds: number;
  /** null: Erlang C. */
  meanPatienceSeconds: number | null;
  target: ResolvedStaffingTarget;
  shrinkage: number;
  concurrency: number;
}

/**
 * Per interval, `requiredAgents` (Erlang A with patience, else Erlang C) for the interval's arrival
 * rate, with the same target, shrinkage and concurrency as the simulation: the steady-state answer
 * each interval would get on its own, with agents × concurrency independent servers and no slowdown.
 * With patience the Erlang C answer for the same load is computed too, to show what assuming
 * infinitely patient customers would cost.
 */
export function analyticSchedule(input: AnalyticInput): AnalyticInterval[] {
  const { target } = input;
  const base: StaffingTarget = {
    serviceLevel: target.serviceLevel ?? undefined,
    targetSeconds: target.serviceLevelSeconds,
    maxOccupancy: target.maxOccupancy ?? undefined,
  };
  const withAbandonment: StaffingTarget = {
    ...base,
    maxProbabilityOfAbandon: input.meanPatienceSeconds === null ? undefined : (target.maxQueueAbandonment ?? undefined),
  };
  const erlangCPossible = base.serviceLevel !== undefined || base.maxOccupancy !== undefined;
  return input.arrivalRatesPerSecond.map((rate) => {
    const common = { arrivalRatePerSecond: rate, meanServiceSeconds: input.meanHandleSeconds, shrinkage: input.shrinkage, concurrency: input.concurrency };
    const answer = requiredAgents({ ...common, target: withAbandonment, meanPatienceSeconds: input.meanPatienceSeconds ?? undefined });
    const erlangC = input.meanPatienceSeconds !== null && erlangCPossible ? requiredAgents({ ...common, target: base }).agentsScheduled : null;
    return {
      agentsOnline: answer.agentsOnline,
      agentsScheduled: answer.agentsScheduled,
      serviceLevel: answer.achieved.serviceLevel,
      erlangCAgentsScheduled: erlangC,
    };
  });
}
