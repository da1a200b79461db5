import { agentsOnline, type ModelConfig } from "../../sim/model/index.ts";
import { defaultWorkers, type RunTasksOptions, TaskPool } from "../parallel/index.ts";
import { replicationSeed } from "../replications/index.ts";
import { DEFAULT_CONFIDENCE_LEVEL } from "../stats/index.ts";
import { analyticSchedule } from "./analyticSchedule.ts";
import { evaluateSchedule, type IntervalEvaluation, type ScheduleEvaluation, withSchedule } from "./evaluateSchedule.ts";
import { explainStaffing } from "./explainStaffing.ts";
import { measureLoads } from "./measureLoads.ts";
import { onlineForScheduled, scheduledForOnline } from "./scheduledForOnline.ts";
import { DEFAULT_MAX_ITERATIONS, DEFAULT_MIN_CHATS_FOR_DECISION, judgeInterval, type SearchResult, searchSchedule } from "./searchSchedule.ts";
import { shiftPlan } from "./shiftPlan.ts";
import { DEFAULT_SMOOTHING_HOURS, smoothPlan } from "./smoothPlan.ts";
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
  const objective = options.objective ?? "target";
  if (objective === "profit" && config.kind !== "store")
    throw new RangeError("invalid objective: profit (needs a store scenario: a chat-only scenario has no revenue)");
  if (objective === "profit" && options.sweepLevels !== undefined && options.sweepLevels.length === 0)
    throw new RangeError("invalid sweepLevels: an empty list (the profit objective picks from the sweep)");
  const target = resolveStaffingTarget(config, options.target);
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const minChatsForDecision = options.minChatsForDecision ?? DEFAULT_MIN_CHATS_FOR_DECISION;
  const { shrinkage, concurrency, costPerHour } = config.agents;
  const intervalSeconds = config.horizon.intervalSeconds;
  const measured = withSchedule(config, config.agents.scheduled, target.serviceLevelSeconds);
  const R = options.replications;

  // Each evaluation is one progress stage of R runs, named by what it is for.
  let stageName = (): string => "loads";
  let stage = "";
  const batch = { ...options, level, replications: R, seed: options.seed, onProgress: (finished: number) => options.onProgress?.(finished, R, stage) };
  const evaluate = async (scheduled: number[]): Promise<ScheduleEvaluation> => {
    stage = stageName();
    return evaluateSchedule(measured, scheduled, batch);
  };
  const errored: StaffingResults["errored"] = [];
  let cancelled = 0;
  const note = (stage: string, evaluation: ScheduleEvaluation | null): void => {
    if (evaluation === null) return;
    errored.push(...evaluation.errored.map((error) => ({ stage, ...error })));
    cancelled += evaluation.cancelled;
  };

  const loads = await measureLoads(measured, evaluate, options.signal);
  for (const round of loads.rounds) note("loads", round);
  const analytic = analyticSchedule({
    arrivalRatesPerSecond: loads.arrivalRatesPerSecond,
    meanHandleSeconds: loads.summary.meanHandleSeconds,
    meanPatienceSeconds: loads.summary.meanPatienceSeconds,
    target,
    shrinkage,
    concurrency,
  });
  const stopped = (): boolean => options.signal?.aborted === true || (options.failFast === true && errored.length > 0);

  let search: SearchResult | null = null;
  if (objective === "target" && !stopped()) {
    let round = 0;
    stageName = () => `search round ${++round}`;
    search = await searchSchedule({
      startOnline: analytic.map((interval) => interval.agentsOnline),
      shrinkage,
      intervalSeconds,
      target,
      maxIterations,
      minChatsForDecision,
      evaluate,
      signal: options.signal,
      failFast: options.failFast,
    });
    errored.push(...search.errored.map((error) => ({ stage: "search", ...error })));
    cancelled += search.cancelled;
  }

  const levels =
    options.sweepLevels ??
    sweepLevels(
      analytic.map((interval) => interval.agentsOnline),
      shrinkage,
    );
  let sweepIndex = 0;
  stageName = () => `sweep ${++sweepIndex}/${levels.length}`;
  const sweep: SweepLevel[] = [];
  const sweepEvaluations: ScheduleEvaluation[] = [];
  for (const scheduled of levels) {
    if (stopped()) break;
    const evaluation = await evaluate(new Array<number>(analytic.length).fill(scheduled));
    note("sweep", evaluation);
    if (evaluation.runs.length === 0) continue;
    sweepEvaluations.push(evaluation);
    sweep.push(sweepLevel(evaluation, onlineForScheduled(scheduled, shrinkage, config.desk.shrinkageMethod), level));
  }
  const profitChoice = config.kind === "store" ? chooseMostProfitable(sweep, sweepEvaluations, level) : null;

  let recommendedOnline: number[];
  let evaluation: ScheduleEvaluation | null;
  if (objective === "profit" && profitChoice !== null) {
    const index = sweep.findIndex((point) => point.agentsScheduled === profitChoice.agentsScheduled);
    recommendedOnline = new Array<number>(analytic.length).fill(sweep[index].agentsOnline);
    evaluation = sweepEvaluations[index];
  } else {
    recommendedOnline = search?.online ?? analytic.map((interval) => interval.agentsOnline);
    evaluation = search?.evaluation ?? null;
  }
  const unsmoothedScheduled = evaluation?.schedule ?? recommendedOnline.map((online) => scheduledForOnline(online, shrinkage));
  // A dip shorter than a shift cannot send anyone home: fill dips of up to one interval less than a shift.
  const smoothingHours = options.smoothingHours ?? options.shiftHours ?? DEFAULT_SMOOTHING_HOURS;
  const windowIntervals = Math.max(0, Math.round((smoothingHours * 3600) / intervalSeconds) - 1);
  const recommendedScheduled = objective === "target" ? smoothPlan(unsmoothedScheduled, windowIntervals) : unsmoothedScheduled;
  const shifts = options.shiftHours === undefined ? null : shiftPlan(recommendedScheduled, intervalSeconds, options.shiftHours, costPerHour);

  const intervals: StaffingInterval[] = analytic.map((answer, i) => {
    const stats: IntervalEvaluation | null = evaluation?.intervals[i] ?? null;
    const judgement = stats === null ? "undecided" : judgeInterval(stats, target, minChatsForDecision);
    return {
      index: i,
      startSeconds: i * intervalSeconds,
      chatsPerHour: loads.arrivalRatesPerSecond[i] * 3600,
      erlangAgentsScheduled: answer.agentsScheduled,
      erlangAgentsOnline: answer.agentsOnline,
      erlangServiceLevel: answer.serviceLevel,
      erlangSimulatedServiceLevel: search?.start?.intervals[i].serviceLevel ?? null,
      erlangCAgentsScheduled: answer.erlangCAgentsScheduled,
      recommendedAgentsScheduled: recommendedScheduled[i],
      recommendedAgentsOnline: onlineForScheduled(recommendedScheduled[i], shrinkage, config.desk.shrinkageMethod),
      unsmoothedAgentsScheduled: unsmoothedScheduled[i],
      meanChats: stats?.meanChats ?? null,
      serviceLevel: stats?.serviceLevel ?? null,
      queueAbandonment: stats?.queueAbandonment ?? null,
      occupancy: stats?.occupancy ?? null,
      meanHandleSeconds: stats?.meanHandleSeconds ?? null,
      meanConcurrency: stats?.meanConcurrency ?? null,
      meetsTarget: judgement === "undecided" ? null : judgement !== "fails",
      shiftAgentsScheduled: shifts?.coverage[i] ?? null,
    };
  });
  const agentHours = (schedule: readonly number[]): number => (schedule.reduce((sum, value) => sum + value, 0) * intervalSeconds) / 3600;
  const erlangC = analytic.every((answer) => answer.erlangCAgentsScheduled !== null) ? analytic.map((answer) => answer.erlangCAgentsScheduled!) : null;
  const totals = {
    recommendedAgentHours: agentHours(recommendedScheduled),
    recommendedCost: agentHours(recommendedScheduled) * costPerHour,
    erlangAgentHours: agentHours(analytic.map((answer) => answer.agentsScheduled)),
    erlangCost: agentHours(analytic.map((answer) => answer.agentsScheduled)) * costPerHour,
    erlangCAgentHours: erlangC === null ? null : agentHours(erlangC),
    shiftAgentHours: shifts?.agentHours ?? null,
    shiftCost: shifts?.cost ?? null,
  };
  const analyticModel = loads.summary.meanPatienceSeconds === null ? "erlangC" : "erlangA";
  const stoppedBy: StaffingResults["stoppedBy"] = options.signal?.aborted
    ? "interrupted"
    : options.failFast && errored.length > 0
      ? "failFast"
      : objective === "profit"
        ? "sweep"
        : (search?.stoppedBy ?? "maxIterations");
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
    replications: R,
    seeds: Array.from({ length: R }, (_, r) => replicationSeed(options.seed, r)),
    loads: loads.summary,
    intervals,
    sweep,
    profitChoice,
    search: searchSummary,
    shifts,
    smoothing: { hours: smoothingHours, windowIntervals, addedAgentHours: agentHours(recommendedScheduled) - agentHours(unsmoothedScheduled) },
    totals,
    explanation: explainStaffing({
      objective,
      analyticModel,
      target,
      intervalSeconds,
      intervals,
      loads: loads.summary,
      arrivalRatesPerSecond: loads.arrivalRatesPerSecond,
      handleSeconds: config.kind === "chatOnly" ? config.handleSeconds : config.chat.handleSeconds,
      concurrency,
      slowdownPerExtraChat: config.kind === "chatOnly" ? config.slowdownPerExtraChat : config.chat.slowdownPerExtraChat,
      totals,
      minChatsForDecision,
      search: { ...searchSummary, stoppedBy },
      sweep,
      profitChoice,
      shifts,
      currency: options.currency ?? "USD",
    }),
    errored,
    cancelled,
    stoppedBy,
  };
}
