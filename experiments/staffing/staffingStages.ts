import type { ModelConfig } from "../../sim/model/index.ts";
import { evaluateSchedule, type ScheduleEvaluation } from "./evaluateSchedule.ts";
import { onlineForScheduled } from "./scheduledForOnline.ts";
import { DEFAULT_MAX_ITERATIONS, DEFAULT_MIN_CHATS_FOR_DECISION, type SearchResult, searchSchedule } from "./searchSchedule.ts";
import { sweepLevel } from "./staffingSweep.ts";
import type { ResolvedStaffingTarget, StaffingResults, SweepLevel } from "./staffingTypes.ts";
import type { StaffOptions } from "./staffOptions.ts";

/** One staffing run's evaluations: each is a progress stage of R runs named by what it is for; failures and cancellations are collected. */
export interface StaffingStages {
  /** The config every evaluation runs (the video schedule is set on it once the loads are known). */
  measured: ModelConfig;
  evaluate: (scheduled: number[]) => Promise<ScheduleEvaluation>;
  /** Names the stages that the next evaluations belong to. */
  nameStages: (name: () => string) => void;
  note: (stage: string, outcome: Pick<ScheduleEvaluation, "errored" | "cancelled"> | null) => void;
  /** Interrupted, or failing fast after an error. */
  stopped: () => boolean;
  errored: StaffingResults["errored"];
  cancelled: () => number;
}

export function staffingStages(measured: ModelConfig, options: StaffOptions, level: number): StaffingStages {
  const R = options.replications;
  let stageName = (): string => "loads";
  let stage = "";
  const batch = { ...options, level, replications: R, seed: options.seed, onProgress: (finished: number) => options.onProgress?.(finished, R, stage) };
  const errored: StaffingResults["errored"] = [];
  let cancelled = 0;
  const stages: StaffingStages = {
    measured,
    evaluate: async (scheduled) => {
      stage = stageName();
      return evaluateSchedule(stages.measured, scheduled, batch);
    },
    nameStages: (name) => {
      stageName = name;
    },
    note: (stage, outcome) => {
      if (outcome === null) return;
      errored.push(...outcome.errored.map((error) => ({ stage, ...error })));
      cancelled += outcome.cancelled;
    },
    stopped: () => options.signal?.aborted === true || (options.failFast === true && errored.length > 0),
    errored,
    cancelled: () => cancelled,
  };
  return stages;
}

/** The target objective's simulation search, from the closed-form schedule. */
export async function runSearch(
  stages: StaffingStages,
  startOnline: number[],
  config: ModelConfig,
  target: ResolvedStaffingTarget,
  options: StaffOptions,
): Promise<SearchResult> {
  let round = 0;
  stages.nameStages(() => `search round ${++round}`);
  const search = await searchSchedule({
    startOnline,
    shrinkage: config.agents.shrinkage,
    intervalSeconds: config.horizon.intervalSeconds,
    target,
    maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    minChatsForDecision: options.minChatsForDecision ?? DEFAULT_MIN_CHATS_FOR_DECISION,
    evaluate: stages.evaluate,
    signal: options.signal,
    failFast: options.failFast,
  });
  stages.note("search", search);
  return search;
}

/** The sweep of constant staffing levels (always run: it feeds the report's chart and the profit choice). */
export async function runSweep(
  stages: StaffingStages,
  levels: readonly number[],
  intervalCount: number,
  shrinkage: number,
  shrinkageMethod: "absence" | "floor",
  level: number,
): Promise<{ sweep: SweepLevel[]; sweepEvaluations: ScheduleEvaluation[] }> {
  let sweepIndex = 0;
  stages.nameStages(() => `sweep ${++sweepIndex}/${levels.length}`);
  const sweep: SweepLevel[] = [];
  const sweepEvaluations: ScheduleEvaluation[] = [];
  for (const scheduled of levels) {
    if (stages.stopped()) break;
    const evaluation = await stages.evaluate(new Array<number>(intervalCount).fill(scheduled));
    stages.note("sweep", evaluation);
    if (evaluation.runs.length === 0) continue;
    sweepEvaluations.push(evaluation);
    sweep.push(sweepLevel(evaluation, onlineForScheduled(scheduled, shrinkage, shrinkageMethod), level));
  }
  return { sweep, sweepEvaluations };
}

/** The profit objective's answer: the sweep's most profitable level, all day. */
export function profitRecommendation(
  sweep: SweepLevel[],
  sweepEvaluations: ScheduleEvaluation[],
  agentsScheduled: number,
  intervalCount: number,
): { recommendedOnline: number[]; evaluation: ScheduleEvaluation } {
  const index = sweep.findIndex((point) => point.agentsScheduled === agentsScheduled);
  return { recommendedOnline: new Array<number>(intervalCount).fill(sweep[index].agentsOnline), evaluation: sweepEvaluations[index] };
}
