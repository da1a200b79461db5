import { agentsOnline, type ModelConfig } from "../../sim/model/index.ts";
import { defaultWorkers, type RunTasksOptions, TaskPool } from "../parallel/index.ts";
import { replicationSeed } from "../replications/index.ts";
import { DEFAULT_CONFIDENCE_LEVEL } from "../stats/index.ts";
import { analyticSchedule } from "./analyticSchedule.ts";
import { evaluateSchedule, type IntervalEvaluation, type ScheduleEvaluation, withSchedule } from "./evaluateSchedule.ts";
import { type ExplanationInput, explainStaffing } from "./explainStaffing.ts";
import { measureLoads } from "./measureLoads.ts";
import { onlineForScheduled, scheduledForOnline } from "./scheduledForOnline.ts";
import { DEFAULT_MAX_ITERATIONS, DEFAULT_MIN_CHATS_FOR_DECISION, judgeInterval, type SearchResult, searchSchedule } from "./searchSchedule.ts";
import { shiftPlan } from "./shiftPlan.ts";
import { DEFAULT_SMOOTHING_HOURS, keepCostlyDips, smoothPlan } from "./smoothPlan.ts";
import { chooseMostProfitable, sweepLevel, sweepLevels } from "./staffingSweep.ts";
import type { ResolvedStaffingTarget, StaffingInterval, StaffingObjective, StaffingResults, StaffingTargetOptions, SweepLevel } from "./staffingTypes.ts";

/** Service-level target when no target is given: 80% answered within the threshold. */
export const DEFAULT_SERVICE_LEVEL = 0.8;

/**
 * Occupancy cap when none is given: 85% (publishedFigures.json `staffing.occupancyCap`, common WFM
 * practice); 1 switches it off. Without it a plan may keep agents 99-100% busy all day.
 */
export const DEFAULT_MAX_OCCUPANCY = 0.85;

export interface StaffOptions extends Omit<RunTasksOptions, "onProgress"> {
  /**
   * Runs finished of the current stage, the stage's runs, and its name ("loads", "search round 2",
   * "sweep 3/6"). Per stage, because how many search rounds a run takes is known only at its end:
   * a total over all stages would have to change mid-run.
   */
  onProgress?: (finished: number, total: number, stage: string) => void;
  target?: StaffingTargetOptions;
  objective?: StaffingObjective;
  replications: number;
  seed: string | number;
  level?: number;
  /** Simulation rounds of the target search (default 8). */
  maxIterations?: number;
  /** Intervals with fewer mean chats per replication keep the analytic answer (default 5). */
  minChatsForDecision?: number;
  /** Round the recommendation up to shifts of this many hours. */
  shiftHours?: number;
  /** Fill dips of the plan shorter than this many hours (default: shiftHours, else DEFAULT_SMOOTHING_HOURS; 0: off). */
  smoothingHours?: number;
  /** Keep a dip the smoothing would fill when keeping it saves at least this many agent-hours (default: fill every dip). */
  minDipSavingsAgentHours?: number;
  /** Currency code for the explanation lines (default USD). */
  currency?: string;
  /** Constant staffing levels (scheduled agents) for the sweep; default `sweepLevels` around the analytic range; [] skips it. */
  sweepLevels?: readonly number[];
}

/**
 * The target with defaults filled in: the scenario's service-level threshold, and 80% service level
 * when no target at all is given. Throws a house-format RangeError for targets that cannot work.
 */
export function resolveStaffingTarget(config: ModelConfig, target: StaffingTargetOptions = {}): ResolvedStaffingTarget {
  // The occupancy cap is always on (DEFAULT_MAX_OCCUPANCY), so only a service or abandonment target replaces the default service level.
  const given = target.serviceLevel !== undefined || target.maxQueueAbandonment !== undefined;
  const resolved: ResolvedStaffingTarget = {
    serviceLevel: target.serviceLevel ?? (given ? null : DEFAULT_SERVICE_LEVEL),
    serviceLevelSeconds: target.serviceLevelSeconds ?? (config.kind === "chatOnly" ? config.serviceLevelSeconds : config.chat.serviceLevelSeconds),
    maxQueueAbandonment: target.maxQueueAbandonment ?? null,
    maxOccupancy: target.maxOccupancy ?? DEFAULT_MAX_OCCUPANCY,
  };
  if (resolved.serviceLevel !== null && !(resolved.serviceLevel > 0 && resolved.serviceLevel < 1))
    throw new RangeError(`invalid target.serviceLevel: ${resolved.serviceLevel} (must be between 0 and 1, e.g. 0.8)`);
  if (!(resolved.serviceLevelSeconds >= 0))
    throw new RangeError(`invalid target.serviceLevelSeconds: ${resolved.serviceLevelSeconds} (must be a number of seconds >= 0)`);
  if (resolved.maxQueueAbandonment !== null && !(resolved.maxQueueAbandonment > 0 && resolved.maxQueueAbandonment <= 1))
    throw new RangeError(`invalid target.maxQueueAbandonment: ${resolved.maxQueueAbandonment} (must be in (0, 1], e.g. 0.05)`);
  if (resolved.maxOccupancy !== null && !(resolved.maxOccupancy > 0 && resolved.maxOccupancy <= 1))
    throw new RangeError(`invalid target.maxOccupancy: ${resolved.maxOccupancy} (must be in (0, 1], e.g. 0.85)`);
  const patient = config.kind === "chatOnly" && config.patienceSeconds === null;
  if (patient && resolved.maxQueueAbandonment !== null && resolved.serviceLevel === null && target.maxOccupancy === undefined) {
    throw new RangeError(
      `invalid target.maxQueueAbandonment: ${resolved.maxQueueAbandonment} (the scenario has no patienceSeconds, so nobody abandons; set a service level or maximum occupancy)`,
    );
  }
  return resolved;
}

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

  const { loads, analytic } = await closedFormSchedule(stages, config, target, options.signal);
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
    totals,
    explanation: explainStaffing({
      objective,
      analyticModel,
      target,
      intervalSeconds,
      intervals,
      loads: loads.summary,
      arrivalRatesPerSecond: loads.arrivalRatesPerSecond,
      ...handling(config),
      totals,
      minChatsForDecision,
      search: { ...searchSummary, stoppedBy },
      sweep,
      profitChoice,
      shifts,
      currency: options.currency ?? "USD",
    }),
    errored: stages.errored,
    cancelled: stages.cancelled(),
    stoppedBy,
  };
}

/** Fills dips of the target objective's plan: a dip shorter than a shift cannot send anyone home, so dips of up to one interval less than a shift are filled. */
function smoothedPlan(
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

function agentHours(schedule: readonly number[], intervalSeconds: number): number {
  return (schedule.reduce((sum, value) => sum + value, 0) * intervalSeconds) / 3600;
}

/** Agent hours and cost of the recommendation, the closed-form answers and the shifts. */
function staffingTotals(
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

/** Why the run ended: interrupted, failing fast, the profit sweep done, or the search's own reason. */
function stopReason(options: StaffOptions, stages: StaffingStages, objective: StaffingObjective, search: SearchResult | null): StaffingResults["stoppedBy"] {
  if (options.signal?.aborted) return "interrupted";
  if (options.failFast && stages.errored.length > 0) return "failFast";
  if (objective === "profit") return "sweep";
  return search?.stoppedBy ?? "maxIterations";
}

/** Measures each interval's load by simulation, then answers it in closed form (Erlang A, or C without patience). */
async function closedFormSchedule(
  stages: StaffingStages,
  config: ModelConfig,
  target: ResolvedStaffingTarget,
  signal: AbortSignal | undefined,
): Promise<{ loads: Awaited<ReturnType<typeof measureLoads>>; analytic: ReturnType<typeof analyticSchedule> }> {
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
  return { loads, analytic };
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

/** One staffing run's evaluations: each is a progress stage of R runs named by what it is for; failures and cancellations are collected. */
interface StaffingStages {
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

function staffingStages(measured: ModelConfig, options: StaffOptions, level: number): StaffingStages {
  const R = options.replications;
  let stageName = (): string => "loads";
  let stage = "";
  const batch = { ...options, level, replications: R, seed: options.seed, onProgress: (finished: number) => options.onProgress?.(finished, R, stage) };
  const errored: StaffingResults["errored"] = [];
  let cancelled = 0;
  return {
    measured,
    evaluate: async (scheduled) => {
      stage = stageName();
      return evaluateSchedule(measured, scheduled, batch);
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
}

/** The target objective's simulation search, from the closed-form schedule. */
async function runSearch(
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
async function runSweep(
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
function profitRecommendation(
  sweep: SweepLevel[],
  sweepEvaluations: ScheduleEvaluation[],
  agentsScheduled: number,
  intervalCount: number,
): { recommendedOnline: number[]; evaluation: ScheduleEvaluation } {
  const index = sweep.findIndex((point) => point.agentsScheduled === agentsScheduled);
  return { recommendedOnline: new Array<number>(intervalCount).fill(sweep[index].agentsOnline), evaluation: sweepEvaluations[index] };
}

/** One row per interval: the closed form's answer beside the recommendation and what simulating it measured. */
function intervalRows(input: {
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
