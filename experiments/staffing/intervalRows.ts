import type { ModelConfig } from "../../sim/model/index.ts";
import type { analyticSchedule } from "./analyticSchedule.ts";
import type { IntervalEvaluation, ScheduleEvaluation } from "./evaluateSchedule.ts";
import type { measureLoads } from "./measureLoads.ts";
import { onlineForScheduled } from "./scheduledForOnline.ts";
import { judgeInterval, type SearchResult } from "./searchSchedule.ts";
import type { shiftPlan } from "./shiftPlan.ts";
import type { ResolvedStaffingTarget, StaffingInterval } from "./staffingTypes.ts";

/** One row per interval: the closed form's answer beside the recommendation and what simulating it measured. */
export function intervalRows(input: {
  analytic: ReturnType<typeof analyticSchedule>;
  loads: Awaited<ReturnType<typeof measureLoads>>;
  evaluation: ScheduleEvaluation | null;
  search: SearchResult | null;
  recommendedScheduled: readonly number[];
  unsmoothedScheduled: readonly number[];
  shifts: ReturnType<typeof shiftPlan> | null;
  config: ModelConfig;
  target: ResolvedStaffingTarget;
  minChatsForDecision: number;
}): StaffingInterval[] {
  const { evaluation, recommendedScheduled } = input;
  const { shrinkage } = input.config.agents;
  const { intervalSeconds } = input.config.horizon;
  return input.analytic.map((answer, i) => {
    const stats: IntervalEvaluation | null = evaluation?.intervals[i] ?? null;
    const judgement = stats === null ? "undecided" : judgeInterval(stats, input.target, input.minChatsForDecision);
    return {
      index: i,
      startSeconds: i * intervalSeconds,
      chatsPerHour: input.loads.arrivalRatesPerSecond[i] * 3600,
      erlangAgentsScheduled: answer.agentsScheduled,
      erlangAgentsOnline: answer.agentsOnline,
      erlangServiceLevel: answer.serviceLevel,
      erlangSimulatedServiceLevel: input.search?.start?.intervals[i].serviceLevel ?? null,
      erlangCAgentsScheduled: answer.erlangCAgentsScheduled,
      recommendedAgentsScheduled: recommendedScheduled[i],
      recommendedAgentsOnline: onlineForScheduled(recommendedScheduled[i], shrinkage, input.config.desk.shrinkageMethod),
      unsmoothedAgentsScheduled: input.unsmoothedScheduled[i],
      meanChats: stats?.meanChats ?? null,
      serviceLevel: stats?.serviceLevel ?? null,
      queueAbandonment: stats?.queueAbandonment ?? null,
      occupancy: stats?.occupancy ?? null,
      meanHandleSeconds: stats?.meanHandleSeconds ?? null,
      meanConcurrency: stats?.meanConcurrency ?? null,
      meetsTarget: judgement === "undecided" ? null : judgement !== "fails",
      shiftAgentsScheduled: input.shifts?.coverage[i] ?? null,
    };
  });
}
