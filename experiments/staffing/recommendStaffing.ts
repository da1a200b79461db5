import type { ModelConfig } from "../../sim/model/index.ts";
import { defaultWorkers, TaskPool } from "../parallel/index.ts";
import { replicationSeed } from "../replications/index.ts";
import { DEFAULT_CONFIDENCE_LEVEL } from "../stats/index.ts";
import { analyticSchedule } from "./analyticSchedule.ts";
import { withSchedule } from "./evaluateSchedule.ts";
import { type ExplanationInput, explainStaffing } from "./explainStaffing.ts";
import { intervalRows } from "./intervalRows.ts";
import { measureLoads } from "./measureLoads.ts";
import { resolveStaffingTarget } from "./resolveStaffingTarget.ts";
import { scheduledForOnline } from "./scheduledForOnline.ts";
import { DEFAULT_MIN_CHATS_FOR_DECISION, type SearchResult } from "./searchSchedule.ts";
import { shiftPlan } from "./shiftPlan.ts";
import { profitRecommendation, runSearch, runSweep, type StaffingStages, staffingStages } from "./staffingStages.ts";
import { chooseMostProfitable, sweepLevels } from "./staffingSweep.ts";
import { agentHours, smoothedPlan, staffingTotals } from "./staffingTotals.ts";
import type { ResolvedStaffingTarget, StaffingObjective, StaffingResults } from "./staffingTypes.ts";
import type { StaffOptions } from "./staffOptions.ts";
import { type VideoPlan, videoPlan, videoStaffing, withVideoSchedule } from "./videoStaffing.ts";

/**
 * `staff`: per interval, the smallest number of agents meeting a target (or the constant staffing
 * with the best contribution profit), side by side with the closed-form Erlang A / Erlang C answer.
 *
 * 1. Loads: each interval's chat arrival rate, handle and patience (`measureLoads`).
 * 2. Closed form: `requiredAgents` per interval with the same target, shrinkage and concurrency.
 * 3. Target objective: simulation search from the closed-form schedule (`searchSchedule`), R
 *    replications per round with the same seeds (common random numbers).
 * 4. A sweep of constant staffing levels around the closed-form range, with t intervals for service
 *    level, queue abandonment, occupancy, conversion and contribution profit (store), always run: it feeds
 *    the report's "KPIs vs agents" chart and picks the profit optimum (paired comparison of the
 *    best two). With the profit objective that optimum is the recommendation.
 * 5. Optional shift rounding (`shiftPlan`) and explanation lines (`explainStaffing`).
 *
 * Interrupted (options.signal) or failing fast, it returns what was simulated so far. With more than
 * one worker the stages share one pool of threads (opened here unless `options.pool` is given).
 */
export async function recommendStaffing(config: ModelConfig, options: StaffOptions): Promise<StaffingResults> {
  const workers = options.pool?.workers ?? options.workers ?? defaultWorkers();
  if (options.pool !== undefined || workers <= 1) return staff(config, options);
  const pool = new TaskPool(workers);
  try {
    return await staff(config, { ...options, pool });
  } finally {
    await pool.close();
  }
}

async function staff(config: ModelConfig, options: StaffOptions): Promise<StaffingResults> {
  const level = options.level ?? DEFAULT_CONFIDENCE_LEVEL;
  const objective = checkedObjective(config, options);
  const target = resolveStaffingTarget(config, options.target);
  const minChatsForDecision = options.minChatsForDecision ?? DEFAULT_MIN_CHATS_FOR_DECISION;
  const { shrinkage, costPerHour } = config.agents;
  const intervalSeconds = config.horizon.intervalSeconds;
  const stages = staffingStages(withSchedule(config, config.agents.scheduled, target.serviceLevelSeconds), options, level);

  const { loads, analytic, video } = await closedFormSchedule(stages, config, target, options.signal);
  const analyticOnline = analytic.map((interval) => interval.agentsOnline);
  const search = objective === "target" && !stages.stopped() ? await runSearch(stages, analyticOnline, config, target, options) : null;
  const levels = options.sweepLevels ?? sweepLevels(analyticOnline, shrinkage);
  const { sweep, sweepEvaluations } = await runSweep(stages, levels, analytic.length, shrinkage, config.desk.shrinkageMethod, level);
  const profitChoice = config.kind === "store" ? chooseMostProfitable(sweep, sweepEvaluations, level) : null;

  const { recommendedOnline, evaluation } =
    objective === "profit" && profitChoice !== null
      ? profitRecommendation(sweep, sweepEvaluations, profitChoice.agentsScheduled, analytic.length)
      : { recommendedOnline: search?.online ?? analyticOnline, evaluation: search?.evaluation ?? null };
  const unsmoothedScheduled = evaluation?.schedule ?? recommendedOnline.map((online) => scheduledForOnline(online, shrinkage));
  const { smoothing, recommendedScheduled } = smoothedPlan(unsmoothedScheduled, objective, options, intervalSeconds);
  const shifts = options.shiftHours === undefined ? null : shiftPlan(recommendedScheduled, intervalSeconds, options.shiftHours, costPerHour);

  const intervals = intervalRows({
    analytic,
    loads,
    evaluation,
    search,
    recommendedScheduled,
    unsmoothedScheduled,
    shifts,
    config,
    target,
    minChatsForDecision,
  });
  const totals = staffingTotals(analytic, recommendedScheduled, shifts, intervalSeconds, costPerHour);
  const analyticModel = loads.summary.meanPatienceSeconds === null ? "erlangC" : "erlangA";
  const stoppedBy = stopReason(options, stages, objective, search);
  const searchSummary = { iterations: search?.rounds.length ?? 0, converged: search?.converged ?? false, rounds: search?.rounds ?? [] };
  const explanation = explainStaffing({
    ...{ objective, analyticModel, target, intervalSeconds, intervals, loads: loads.summary, arrivalRatesPerSecond: loads.arrivalRatesPerSecond },
    ...{ ...handling(config), totals, minChatsForDecision, search: { ...searchSummary, stoppedBy }, sweep, profitChoice, shifts },
    currency: options.currency ?? "USD",
    locale: options.locale,
  });
  return {
    kind: "staffing",
    scenario: config.name,
    mode: config.kind,
    objective,
    target,
    analyticModel,
    intervalSeconds,
    level,
    replications: options.replications,
    seeds: Array.from({ length: options.replications }, (_, r) => replicationSeed(options.seed, r)),
    loads: loads.summary,
    intervals,
    sweep,
    profitChoice,
    search: searchSummary,
    shifts,
    smoothing: { ...smoothing, addedAgentHours: agentHours(recommendedScheduled, intervalSeconds) - agentHours(unsmoothedScheduled, intervalSeconds) },
    ...(video === null ? {} : { video: videoStaffing(stages.measured, video, evaluation?.runs ?? [], target, level) }),
    totals,
    explanation,
    errored: stages.errored,
    cancelled: stages.cancelled(),
    stoppedBy,
  };
}

/** Why the run ended: interrupted, failing fast, the profit sweep done, or the search's own reason. */
function stopReason(options: StaffOptions, stages: StaffingStages, objective: StaffingObjective, search: SearchResult | null): StaffingResults["stoppedBy"] {
  if (options.signal?.aborted) return "interrupted";
  if (options.failFast && stages.errored.length > 0) return "failFast";
  if (objective === "profit") return "sweep";
  return search?.stoppedBy ?? "maxIterations";
}

/**
 * Measures each interval's load by simulation, then answers it in closed form (Erlang A, or C without
 * patience); with video on, the video channel's own requirement too, which every later evaluation runs with.
 */
async function closedFormSchedule(
  stages: StaffingStages,
  config: ModelConfig,
  target: ResolvedStaffingTarget,
  signal: AbortSignal | undefined,
): Promise<{ loads: Awaited<ReturnType<typeof measureLoads>>; analytic: ReturnType<typeof analyticSchedule>; video: VideoPlan | null }> {
  const loads = await measureLoads(stages.measured, stages.evaluate, signal);
  for (const round of loads.rounds) stages.note("loads", round);
  const analytic = analyticSchedule({
    arrivalRatesPerSecond: loads.arrivalRatesPerSecond,
    meanHandleSeconds: loads.summary.meanHandleSeconds,
    meanPatienceSeconds: loads.summary.meanPatienceSeconds,
    target,
    shrinkage: config.agents.shrinkage,
    concurrency: config.agents.concurrency,
  });
  const video = videoPlan(config, loads.evaluation?.runs ?? [], target, loads.summary.meanPatienceSeconds);
  stages.measured = withVideoSchedule(stages.measured, video);
  return { loads, analytic, video };
}

/** How chats are handled, for the explanation: handle time, chats at once, and the slowdown per extra chat. */
function handling(config: ModelConfig): Pick<ExplanationInput, "handleSeconds" | "concurrency" | "slowdownPerExtraChat"> {
  const chat = config.kind === "chatOnly" ? config : config.chat;
  return { handleSeconds: chat.handleSeconds, concurrency: config.agents.concurrency, slowdownPerExtraChat: chat.slowdownPerExtraChat };
}

/** The objective, refused when the scenario or the sweep cannot serve it. */
function checkedObjective(config: ModelConfig, options: StaffOptions): StaffingObjective {
  const objective = options.objective ?? "target";
  if (objective === "profit" && config.kind !== "store")
    throw new RangeError("invalid objective: profit (needs a store scenario: a chat-only scenario has no revenue)");
  if (objective === "profit" && options.sweepLevels !== undefined && options.sweepLevels.length === 0)
    throw new RangeError("invalid sweepLevels: an empty list (the profit objective picks from the sweep)");
  return objective;
}
