import type { analyticSchedule } from "./analyticSchedule.ts";
import type { shiftPlan } from "./shiftPlan.ts";
import { DEFAULT_SMOOTHING_HOURS, keepCostlyDips, smoothPlan } from "./smoothPlan.ts";
import type { StaffingObjective, StaffingResults } from "./staffingTypes.ts";
import type { StaffOptions } from "./staffOptions.ts";

/** Fills dips of the target objective's plan: a dip shorter than a shift cannot send anyone home, so dips of up to one interval less than a shift are filled. */
export function smoothedPlan(
  unsmoothedScheduled: number[],
  objective: StaffingObjective,
  options: StaffOptions,
  intervalSeconds: number,
): { smoothing: { hours: number; windowIntervals: number; minDipSavingsAgentHours: number | null; keptDips: number }; recommendedScheduled: number[] } {
  const hours = options.smoothingHours ?? options.shiftHours ?? DEFAULT_SMOOTHING_HOURS;
  const windowIntervals = Math.max(0, Math.round((hours * 3600) / intervalSeconds) - 1);
  const threshold = options.minDipSavingsAgentHours ?? null;
  if (objective !== "target")
    return { smoothing: { hours, windowIntervals, minDipSavingsAgentHours: threshold, keptDips: 0 }, recommendedScheduled: unsmoothedScheduled };
  const smoothed = smoothPlan(unsmoothedScheduled, windowIntervals);
  // The threshold is in agent-hours; the plan counts agents per interval.
  const kept = threshold === null ? { plan: smoothed, keptDips: 0 } : keepCostlyDips(unsmoothedScheduled, smoothed, (threshold * 3600) / intervalSeconds);
  return { smoothing: { hours, windowIntervals, minDipSavingsAgentHours: threshold, keptDips: kept.keptDips }, recommendedScheduled: kept.plan };
}

export function agentHours(schedule: readonly number[], intervalSeconds: number): number {
  return (schedule.reduce((sum, value) => sum + value, 0) * intervalSeconds) / 3600;
}

/** Agent hours and cost of the recommendation, the closed-form answers and the shifts. */
export function staffingTotals(
  analytic: ReturnType<typeof analyticSchedule>,
  recommendedScheduled: readonly number[],
  shifts: ReturnType<typeof shiftPlan> | null,
  intervalSeconds: number,
  costPerHour: number,
): StaffingResults["totals"] {
  const hours = (schedule: readonly number[]): number => agentHours(schedule, intervalSeconds);
  const erlangC = analytic.every((answer) => answer.erlangCAgentsScheduled !== null) ? analytic.map((answer) => answer.erlangCAgentsScheduled!) : null;
  return {
    recommendedAgentHours: hours(recommendedScheduled),
    recommendedCost: hours(recommendedScheduled) * costPerHour,
    erlangAgentHours: hours(analytic.map((answer) => answer.agentsScheduled)),
    erlangCost: hours(analytic.map((answer) => answer.agentsScheduled)) * costPerHour,
    erlangCAgentHours: erlangC === null ? null : hours(erlangC),
    shiftAgentHours: shifts?.agentHours ?? null,
    shiftCost: shifts?.cost ?? null,
  };
}
