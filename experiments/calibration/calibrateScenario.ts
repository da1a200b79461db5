import type { ModelConfig, StoreResults } from "../../sim/model/index.ts";
import { defaultWorkers, type RunTasksOptions, runTasks, TaskPool } from "../parallel/index.ts";
import { replicationSeed } from "../replications/index.ts";
import { formatPath } from "../scenario/formatIssues.ts";
import { type LoadedScenario, parseScenario, type StoreScenario } from "../scenario/index.ts";
import { type CalibrationParameter, planParameters } from "./calibrationParameters.ts";
import { CAUSAL_LIFT_TARGET, causalLiftStatistics, causalLiftTarget, type FitTarget } from "./causalLiftTarget.ts";
import { chatFitStatistics, chatTargetShares, combineStatistics, simulatedChat } from "./chatFit.ts";
import { type ChatIdentifiability, planChatParameters } from "./chatParameters.ts";
import { chiSquarePValue } from "./chiSquareCdf.ts";
import { DEFAULT_INTERVAL_LIMIT, type FactorInterval, factorInterval, scoreStatistic } from "./factorInterval.ts";
import type { FunnelRow } from "./funnelCsv.ts";
import { type CalibrationStepRow, type FitStatistics, fitStatistics, type SimulatedStep, simulatedFunnel, targetShares } from "./funnelFit.ts";
import { type HoldoutLift, holdoutLift } from "./holdoutLift.ts";
import { nelderMead } from "./nelderMead.ts";
import type { ChatCounts } from "./observedChat.ts";
import { type ObservedFunnel, observedFunnel } from "./observedFunnel.ts";
import { type Dispersion, pearsonDispersion } from "./pearsonDispersion.ts";

/** Proportional-fitting rounds when not given. */
export const DEFAULT_MAX_ITERATIONS = 10;
/**
 * A target counts as matched when its simulated share is within this many of its standard errors of
 * the observed share (in logs), or within 0.2%: closer than that is below what the data can tell.
 */
export const DEFAULT_TOLERANCE = 0.25;
/** Relative gap below which a target always counts as matched. */
const MIN_GAP = 0.002;
/** The Nelder–Mead polish runs by default only up to this many parameters (its starting simplex alone costs parameters + 1 evaluations). */
const MAX_POLISHED_PARAMETERS = 8;
/** Fitted values are written with this many significant digits (and evaluated as written). */
const SIGNIFICANT_DIGITS = 4;
/** Largest factor change in one proportional round (×3 or ÷3). */
const MAX_LOG_STEP = Math.log(3);
/**
 * Elasticity estimates (d log share ÷ d log factor) are clamped to this range. At most 1: a share is at
 * most proportional to its factor (add-to-cart exactly, a reason's hazard nearly, a step factor that
 * scales part of the step's hazards less, a saturating sticker-shock or friction hazard less); a
 * secant estimate above 1 is noise from the other factors moving at the same time.
 */
const ELASTICITY_RANGE = [0.2, 1] as const;
/** Step damping from the third proportional round on. */
const DAMPING = 0.7;
/** Relative standard error of a chat factor above which its note says it is only weakly identified. */
const WEAK_IDENTIFICATION = 0.25;
/** Confidence level of the factors' scanned intervals. */
const INTERVAL_LEVEL = 0.95;
/** z of INTERVAL_LEVEL, to turn an interval's log-width into a standard error. */
const INTERVAL_Z = 1.959963984540054;
/** Starting simplex of the Nelder–Mead polish: 5% on each factor. */
const POLISH_STEP = 0.05;

/** Progress stage names, as the CLI labels its bars. */
const PROGRESS_STAGES = { proportional: "proportional fitting", polish: "polish", intervals: "intervals" } as const;
/** Most evaluations one side of a factor's interval scan can take (doubling steps to ×5, then 3 bisections). */
const MAX_SCAN_EVALUATIONS_PER_SIDE = 9;

/** Which fitted factors get a scanned interval (see `factorInterval`): the chat factors (default), every factor, or none. */
export type IntervalScope = "chat" | "all" | "none";

export interface CalibrateOptions extends Omit<RunTasksOptions, "onProgress"> {
  /**
   * Runs finished of the stage's total: the total is fixed when a stage starts (proportional fitting:
   * replications × (max iterations + 1); polish: replications × polish evaluations), so a progress bar
   * never changes its length mid-run; a stage that ends early is reported complete.
   */
  onProgress?: (finished: number, total: number, stage: string) => void;
  replications: number;
  seed: string | number;
  /** Proportional-fitting rounds (default 10). */
  maxIterations?: number;
  /**
   * Nelder–Mead evaluations after proportional fitting. Default: 3 × (parameters + 1) when there are
   * more free cells than parameters and at most 8 parameters, else 0 (see METHOD).
   */
  polishEvaluations?: number;
  /** Name of the observed data in error messages (e.g. the CSV file's name); default "funnel CSV". */
  source?: string;
  /** Proportional fitting stops when every target is within this many standard errors (default 0.25: adds about 3% to the fitted values' variance). */
  tolerance?: number;
  /**
   * Which factors get a 95% interval by scanning the factor (others held at the fit) until the
   * observed target share rejects the simulated one; default "chat" (funnel factors keep their
   * delta-method error, their shares are near-proportional to their factors). About 8-18 evaluations per factor.
   */
  intervals?: IntervalScope;
}

/** A fitted value's scanned 95% interval, in the value's own units (a patience scale's bounds are the inverse factor's). */
export interface ValueInterval {
  level: number;
  /** Null: the data does not bound the value on that side within ×5 of the fit. */
  lower: number | null;
  upper: number | null;
  /** False when a bound is missing: reported as "not identified", never as a number. */
  identified: boolean;
}

/** One fitted scenario value. */
export interface CalibratedValue {
  path: string;
  before: number;
  after: number;
  /** The factor of its parameter group. */
  factor: number;
  group: string;
  /**
   * Approximate standard error of log(factor): from the scanned interval where there is one (its
   * log-width ÷ 2 × 1.96; null when not identified), else from the target's observed and simulated
   * counts (delta method); null when a count is 0.
   */
  relativeStandardError: number | null;
  /** The scanned interval (null when the factor was not scanned, see CalibrateOptions.intervals). */
  interval: ValueInterval | null;
  /**
   * Its target share's variance between replications ÷ the binomial variance (Pearson, pooled over
   * the search's evaluations; 1 with one replication or a causal-lift target). Errors and intervals
   * are widened by √dispersion when it is above 1, the data's trials assumed as dependent as the simulation's.
   */
  dispersion: Dispersion;
}

/** What `calibrate` reports. */
export interface CalibrationResults {
  kind: "calibration";
  scenario: string;
  method: string;
  objective: string;
  replications: number;
  seeds: string[];
  steps: CalibrationStepRow[];
  parameters: CalibratedValue[];
  /** Values kept as they were, and why. */
  fixed: { path: string; value: number | null; why: string }[];
  goodnessOfFit: {
    chiSquare: number;
    degreesOfFreedom: number;
    /** P(χ² > chiSquare); null with no degrees of freedom left (as many parameters as free cells). */
    pValue: number | null;
    rmse: number;
    deviance: number;
    devianceBefore: number;
  };
  search: {
    proportionalIterations: number;
    converged: boolean;
    nelderMeadEvaluations: number;
    devianceAfterProportional: number;
    history: { stage: SearchStage; evaluation: number; deviance: number }[];
    /** Evaluations spent scanning the factors' intervals. */
    intervalEvaluations: number;
  };
  notes: string[];
  /** What the chat counts identify, and the causal lift for chat users a holdout measures (data) and the fitted model reproduces (its simulated holdout; null without one). */
  chat: { identifiability: ChatIdentifiability[]; causalLift: { data: HoldoutLift | null; model: HoldoutLift | null } };
  errored: { evaluation: number; replication: number; error: string }[];
  cancelled: number;
  stoppedBy: "converged" | "maxIterations" | "interrupted" | "failFast";
}

/** The fitted values as scenario paths, for writing the calibrated file. */
export interface CalibrationOutcome {
  calibration: CalibrationResults;
  assignments: { path: (string | number)[]; value: number }[];
  /** The calibrated model config (as written). */
  config: ModelConfig;
}

/** Which part of the search an evaluation belongs to. */
type SearchStage = "proportional" | "nelderMead" | "interval";

interface Evaluation {
  factors: number[];
  config: ModelConfig;
  assignments: { path: (string | number)[]; value: number }[];
  simulated: SimulatedStep[];
  chat: ChatCounts;
  /** Each replication's own counts, for the targets' dispersion between replications. */
  perRun: { simulated: SimulatedStep[]; chat: ChatCounts }[];
  statistics: FitStatistics;
}

const METHOD =
  "iterative proportional fitting: each parameter group has one multiplicative factor and one target statistic (its step's abandonment share, a reason's share, or the add-to-cart share); " +
  "chat parameters work the same way with a chat share as their target (acceptance, help requests, queue abandonment, chatters' purchase rate); " +
  "every round simulates all replications with the same seeds and moves each factor by (log observed − log simulated share) ÷ elasticity, the elasticity estimated from the previous round (secant, clamped to [0.2, 1]), " +
  "(damped by 0.7 from the third round), until every target is within a quarter of its standard error; then, when there are more free cells than parameters and at most 8 parameters, Nelder–Mead on the log-factors minimising the deviance " +
  "(proportional fitting already matches each parameter's own target, so the polish only trades off cells no parameter owns; with many parameters its simplex costs more than it can gain)";
const OBJECTIVE =
  "deviance 2 Σ O ln(O ÷ E) over each observed step's outcome cells (continued; abandoned, or by reason with the rest as 'other'), plus each chat share as two cells (count, rest of its trials); E = observed sessions at the step (or the chat share's trials) × the simulated share from R replications with fixed seeds (common random numbers make it smooth in the parameters)";

/**
 * Fits a store scenario's abandonment and friction parameters to observed funnel counts, and its chat
 * parameters to the observed chat outcomes (see `planParameters` and `planChatParameters` for which values, `fitStatistics` for the objective, METHOD for the search). The
 * best evaluated point (lowest deviance) wins; fitted values are rounded to 4 significant digits and
 * the reported fit is that of the rounded values, so the written scenario reproduces it exactly.
 */
export async function calibrateScenario(loaded: LoadedScenario, rows: readonly FunnelRow[], options: CalibrateOptions): Promise<CalibrationOutcome> {
  if (loaded.config.kind !== "store")
    throw new RangeError(`invalid scenario: ${JSON.stringify(loaded.config.name)} is chat-only (calibration fits a store's funnel)`);
  const workers = options.pool?.workers ?? options.workers ?? defaultWorkers();
  if (options.pool !== undefined || workers <= 1) return calibrate(loaded, rows, options);
  const pool = new TaskPool(workers);
  try {
    return await calibrate(loaded, rows, { ...options, pool });
  } finally {
    await pool.close();
  }
}

async function calibrate(loaded: LoadedScenario, rows: readonly FunnelRow[], options: CalibrateOptions): Promise<CalibrationOutcome> {
  const scenario = loaded.scenario as StoreScenario;
  const stepNames = ["browse", "cart", ...scenario.funnel.steps.map((step) => step.name)];
  const observed = observedFunnel(rows, stepNames, options.source);
  const funnelPlan = planParameters(scenario, observed);
  const chatPlan = planChatParameters(scenario, observed.chat);
  const plan = { parameters: [...funnelPlan.parameters, ...chatPlan.parameters], fixed: [...funnelPlan.fixed, ...chatPlan.fixed] };
  const parameters = plan.parameters;
  const causalRescue = parameters.some((parameter) => parameter.chatTarget === CAUSAL_LIFT_TARGET);
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const R = options.replications;
  const seeds = Array.from({ length: R }, (_, r) => replicationSeed(options.seed, r));

  const errored: CalibrationResults["errored"] = [];
  let cancelled = 0;
  const history: CalibrationResults["search"]["history"] = [];
  const cache = new Map<string, Evaluation>();
  let evaluations = 0;
  // Progress counts runs per stage against the stage's fixed total (see CalibrateOptions.onProgress).
  let stageName: string = PROGRESS_STAGES.proportional;
  let stageStart = 0;
  let stageTotal = R * (maxIterations + 1);
  const stopped = (): boolean => options.signal?.aborted === true || (options.failFast === true && errored.length > 0);

  const evaluate = async (factors: number[], stage: SearchStage): Promise<Evaluation> => {
    const assignments = assign(parameters, factors);
    const key = JSON.stringify(assignments.map((entry) => entry.value));
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const data = structuredClone(scenario) as Record<string, unknown>;
    for (const { path, value } of assignments) setPath(data, path, value);
    const config = parseScenario(data, { path: loaded.path }).config;
    const done = evaluations * R;
    const outcomes = await runTasks(
      seeds.map((seed) => ({ config, seed })),
      { ...options, onProgress: (finished) => options.onProgress?.(Math.min(stageTotal, done - stageStart + finished), stageTotal, stageName) },
    );
    const index = ++evaluations;
    const runs: StoreResults[] = [];
    for (const outcome of outcomes) {
      if (outcome.state === "completed") runs.push(outcome.results as StoreResults);
      else if (outcome.state === "errored") errored.push({ evaluation: index, replication: outcome.index, error: outcome.error });
      else cancelled++;
    }
    if (runs.length === 0)
      throw new RangeError(`calibration stopped before any replication of evaluation ${index} finished${options.signal?.aborted ? " (interrupted)" : ""}`);
    const simulated = simulatedFunnel(runs);
    const chat = simulatedChat(runs);
    // With a holdout the rescue factor's cell is the causal contrast, and the chatters' purchase rate leaves the objective.
    const statistics = causalRescue
      ? combineStatistics(
          combineStatistics(fitStatistics(observed, simulated), chatFitStatistics(observed.chat, chat, ["chatConversion"])),
          causalLiftStatistics(observed.chat, chat),
        )
      : combineStatistics(fitStatistics(observed, simulated), chatFitStatistics(observed.chat, chat));
    const perRun = runs.map((run) => ({ simulated: simulatedFunnel([run]), chat: simulatedChat([run]) }));
    const evaluation = { factors: [...factors], config, assignments, simulated, chat, perRun, statistics };
    history.push({ stage, evaluation: index, deviance: evaluation.statistics.deviance });
    if (runs.length === R) cache.set(key, evaluation);
    return evaluation;
  };

  // Stage 1: proportional fitting.
  const logFactors = parameters.map(() => 0);
  const elasticity = parameters.map(() => 1);
  let previous: { logFactors: number[]; logShares: number[] } | null = null;
  let converged = parameters.length === 0;
  let first: Evaluation | null = null;
  let best: Evaluation | null = null;
  let iterations = 0;
  for (let round = 1; round <= maxIterations + 1; round++) {
    const evaluation = await evaluate(logFactors.map(Math.exp), "proportional");
    first ??= evaluation;
    if (best === null || evaluation.statistics.deviance < best.statistics.deviance) best = evaluation;
    if (stopped() || converged) break;
    const shares = parameters.map((parameter) => targetOf(parameter, observed, evaluation));
    const logShares = shares.map((share) => Math.log(Math.max(share.simulated, 1e-12)));
    const gaps = shares.map((share) =>
      share.observed <= 0 ? -MAX_LOG_STEP : share.simulated <= 0 ? MAX_LOG_STEP : Math.log(share.observed / share.simulated),
    );
    if (previous !== null) {
      parameters.forEach((_, k) => {
        const moved = logFactors[k] - previous!.logFactors[k];
        if (Math.abs(moved) > 0.005) elasticity[k] = clamp((logShares[k] - previous!.logShares[k]) / moved, ...ELASTICITY_RANGE);
      });
    }
    converged = gaps.every((gap, k) => Math.abs(gap) <= Math.max(MIN_GAP, tolerance * shares[k].logStandardError, 1 / Math.max(1, shares[k].simulatedCount)));
    if (converged || round > maxIterations) break;
    iterations = round;
    previous = { logFactors: [...logFactors], logShares };
    // Factors that share cells pull on each other; from the third round on, damped steps stop them from
    // chasing each other around the (slightly discontinuous, common-random-number) fixed point.
    const damping = round >= 3 ? DAMPING : 1;
    parameters.forEach((_, k) => {
      logFactors[k] += clamp((damping * gaps[k]) / elasticity[k], -MAX_LOG_STEP, MAX_LOG_STEP);
    });
  }
  const afterProportional = best!;
  options.onProgress?.(stageTotal, stageTotal, stageName);

  // Stage 2: Nelder–Mead polish of the deviance, when the data over-determine the parameters.
  const freeCells = afterProportional.statistics.freeCells;
  const degreesOfFreedom = freeCells - parameters.length;
  const polishEvaluations =
    options.polishEvaluations ?? (degreesOfFreedom > 0 && parameters.length <= MAX_POLISHED_PARAMETERS ? 3 * (parameters.length + 1) : 0);
  let nelderMeadEvaluations = 0;
  if (polishEvaluations > 0 && parameters.length > 0 && !stopped()) {
    stageName = PROGRESS_STAGES.polish;
    stageStart = evaluations * R;
    stageTotal = polishEvaluations * R;
    const start = afterProportional.factors.map(Math.log);
    const result = await nelderMead(
      async (x) => {
        if (stopped()) return Number.POSITIVE_INFINITY;
        const evaluation = await evaluate(x.map(Math.exp), "nelderMead");
        if (evaluation.statistics.deviance < best!.statistics.deviance) best = evaluation;
        return evaluation.statistics.deviance;
      },
      start,
      { maxEvaluations: polishEvaluations, initialStep: POLISH_STEP },
    );
    nelderMeadEvaluations = result.evaluations;
    // Cached points and an early stop leave runs unused: the stage is done all the same.
    options.onProgress?.(stageTotal, stageTotal, stageName);
  }

  const final = best!;
  const intervals = new Map<CalibrationParameter, FactorInterval>();
  let intervalEvaluations = 0;
  // Each target's dispersion between replications, from every full evaluation of the search so far
  // (before the scans, so the scans do not move it): it widens errors and intervals alike.
  const dispersions = parameters.map((parameter) => targetDispersion(parameter, observed, [...cache.values()]));
  const inflation = dispersions.map((entry) => Math.sqrt(Math.max(1, entry.dispersion)));
  // Stage 3: each scanned factor's interval, the others held at the fit (see factorInterval).
  const scope = options.intervals ?? "chat";
  const scanned = parameters.filter((parameter) => scope === "all" || (scope === "chat" && parameter.chatTarget !== undefined));
  if (scanned.length > 0 && !stopped()) {
    stageName = PROGRESS_STAGES.intervals;
    stageStart = evaluations * R;
    stageTotal = scanned.length * 2 * MAX_SCAN_EVALUATIONS_PER_SIDE * R;
    for (const parameter of scanned) {
      const k = parameters.indexOf(parameter);
      const countsAt = async (logFactor: number) => {
        const factors = [...final.factors];
        factors[k] = Math.exp(logFactor);
        return targetOf(parameter, observed, await evaluate(factors, "interval")).statistic / inflation[k];
      };
      try {
        const interval = await factorInterval(countsAt, Math.log(final.factors[k]), { level: INTERVAL_LEVEL });
        intervalEvaluations += interval.evaluations;
        intervals.set(parameter, interval);
      } catch (error) {
        // Interrupted mid-scan: the fit stands, the factors not scanned keep no interval.
        if (!stopped()) throw error;
        break;
      }
    }
    options.onProgress?.(stageTotal, stageTotal, stageName);
  }
  const statistics = final.statistics;
  const notes = [...observed.notes];
  if (degreesOfFreedom <= 0)
    notes.push(
      `as many parameters (${parameters.length}) as free outcome cells (${freeCells}): the fit is exact up to simulation noise and has no chi-square p-value; observed counts by reason would give a test`,
    );
  else if (polishEvaluations === 0) {
    notes.push(
      options.polishEvaluations === 0
        ? "Nelder–Mead polish skipped (0 evaluations allowed)"
        : `Nelder–Mead polish skipped: with ${parameters.length} parameters its starting simplex alone costs ${parameters.length + 1} evaluations, and proportional fitting already matches each parameter's own target (ask for it with polishEvaluations / --polish)`,
    );
  } else
    notes.push(
      `Nelder–Mead polish: ${nelderMeadEvaluations} evaluations, deviance ${afterProportional.statistics.deviance.toFixed(2)} → ${best!.statistics.deviance.toFixed(2)}`,
    );
  if (!converged && !stopped()) notes.push(`proportional fitting did not match every target within ${maxIterations} rounds; the best point found is reported`);
  const factorOf = new Map(parameters.map((parameter, k) => [parameter, final.factors[k]]));
  const values: CalibratedValue[] = parameters.flatMap((parameter) => {
    const shares = targetOf(parameter, observed, final);
    const k = parameters.indexOf(parameter);
    const interval = intervals.get(parameter);
    const standardError =
      interval !== undefined
        ? interval.identified
          ? Math.log(interval.upper! / interval.lower!) / (2 * INTERVAL_Z)
          : null
        : shares.observedCount > 0 && shares.simulatedCount > 0
          ? (shares.logStandardError * inflation[k]) / elasticity[k]
          : null;
    return parameter.values.map((value) => ({
      path: formatPath(value.path),
      before: value.before,
      after: final.assignments.find((entry) => samePath(entry.path, value.path))!.value,
      factor: factorOf.get(parameter)!,
      group: parameter.name,
      relativeStandardError: standardError,
      interval: interval === undefined ? null : valueInterval(value, interval),
      dispersion: dispersions[k],
    }));
  });
  const identifiability = chatPlan.identifiability.map((entry) => weakened(entry, values));
  if (causalRescue) {
    // Not fitted, so a check: the scenario's model of who chats against the data's chatters.
    const chatters = chatTargetShares("chatConversion", observed.chat, final.chat);
    notes.push(
      `chatters' purchase rate (not fitted with a holdout): observed ${(chatters.observed * 100).toFixed(1)}%, fitted model ${(chatters.simulated * 100).toFixed(1)}%; a gap beyond noise says the scenario's model of who chats differs from the store's`,
    );
  }
  const rmse = Math.sqrt(statistics.rows.reduce((sum, row) => sum + (row.observedRate - row.simulatedRate) ** 2, 0) / Math.max(1, statistics.rows.length));
  const calibration: CalibrationResults = {
    kind: "calibration",
    scenario: scenario.name,
    method: METHOD,
    objective: OBJECTIVE,
    replications: R,
    seeds,
    steps: statistics.rows,
    parameters: values,
    fixed: plan.fixed,
    goodnessOfFit: {
      chiSquare: statistics.chiSquare,
      degreesOfFreedom: Math.max(0, degreesOfFreedom),
      pValue: degreesOfFreedom > 0 ? chiSquarePValue(statistics.chiSquare, degreesOfFreedom) : null,
      rmse,
      deviance: statistics.deviance,
      devianceBefore: first!.statistics.deviance,
    },
    search: {
      proportionalIterations: iterations,
      converged,
      nelderMeadEvaluations,
      devianceAfterProportional: afterProportional.statistics.deviance,
      history,
      intervalEvaluations,
    },
    notes: [
      ...notes,
      ...identifiability.map((entry) => entry.note),
      ...funnelPlan.fixed.map((entry) => `${entry.path} kept${entry.value === null ? "" : ` at ${entry.value}`}: ${entry.why}`),
    ],
    chat: { identifiability, causalLift: { data: holdoutLift(observed.chat), model: holdoutLift(final.chat) } },
    errored,
    cancelled,
    stoppedBy: options.signal?.aborted ? "interrupted" : options.failFast && errored.length > 0 ? "failFast" : converged ? "converged" : "maxIterations",
  };
  return { calibration, assignments: final.assignments, config: final.config };
}

/**
 * Standard error of log(observed share ÷ simulated share) for a target: each share p from a count C
 * has var(log p) ≈ (1 − p) ÷ C (delta method on a binomial), and the two are independent.
 */
function logStandardError(shares: { observed: number; observedCount: number; simulatedCount: number }): number {
  if (shares.observedCount <= 0 || shares.simulatedCount <= 0) return Number.POSITIVE_INFINITY;
  return Math.sqrt((1 - Math.min(shares.observed, 0.999999)) * (1 / shares.observedCount + 1 / shares.simulatedCount));
}

/** Each value scaled by its parameter's factor (divided for an inverse value), clamped to [0, max] and rounded to SIGNIFICANT_DIGITS. */
function assign(parameters: readonly CalibrationParameter[], factors: readonly number[]): { path: (string | number)[]; value: number }[] {
  return parameters.flatMap((parameter, k) =>
    parameter.values.map((value) => ({
      path: value.path,
      value: Number(clamp(value.inverse ? value.before / factors[k] : value.before * factors[k], 0, value.max).toPrecision(SIGNIFICANT_DIGITS)),
    })),
  );
}

/**
 * A fitted chat parameter's note with what its interval says. A factor the data do not bound within
 * ×5 of the fit becomes "not identified" (its target share hardly moves with it, e.g. queue
 * abandonment in a saturated desk is set by the excess load whatever the patience): the fitted value
 * stays the best fit, but no number is claimed for it. A factor with a relative standard error above
 * WEAK_IDENTIFICATION is said to be only weakly identified; a scanned one gets its interval.
 */
function weakened(entry: ChatIdentifiability, values: readonly CalibratedValue[]): ChatIdentifiability {
  const value = values.find((candidate) => candidate.group === entry.parameter);
  if (!entry.identified || value === undefined) return entry;
  const interval = value.interval;
  if (interval !== null && !interval.identified) {
    const bounds = `${interval.lower === null ? "unbounded" : format(interval.lower)} to ${interval.upper === null ? "unbounded" : format(interval.upper)}`;
    return {
      parameter: entry.parameter,
      identified: false,
      note: `${entry.parameter}: not identified, its target does not rule out ${DEFAULT_INTERVAL_LIMIT} times more or less (${value.path}: fitted ${format(value.after)}, 95% interval ${bounds}); the fitted value is kept as the best fit, not as an estimate; ${entry.note.slice(entry.parameter.length + 2)}`,
    };
  }
  const error = value.relativeStandardError;
  const span = interval === null ? "" : `; 95% interval of ${value.path}: ${format(interval.lower!)} to ${format(interval.upper!)}`;
  if (error == null || error <= WEAK_IDENTIFICATION) return { ...entry, note: `${entry.note}${span}` };
  return { ...entry, note: `${entry.note}; weakly identified: ±${Math.round(error * 100)}% per standard error (its target share hardly moves with it)${span}` };
}

/** A factor's interval on one of its values (bounds swap for an inverse value; clamped and rounded as the value is written). */
function valueInterval(value: CalibrationParameter["values"][number], interval: FactorInterval): ValueInterval {
  const at = (factor: number | null) =>
    factor === null ? null : Number(clamp(value.inverse ? value.before / factor : value.before * factor, 0, value.max).toPrecision(SIGNIFICANT_DIGITS));
  const [lower, upper] = value.inverse ? [at(interval.upper), at(interval.lower)] : [at(interval.lower), at(interval.upper)];
  return { level: INTERVAL_LEVEL, lower, upper, identified: interval.identified };
}

function format(value: number): string {
  return Number(value.toPrecision(SIGNIFICANT_DIGITS)).toString();
}

/** A parameter's observed and simulated target: its chat share, its funnel cells pooled, or the holdout's causal lift. */
/** A parameter's target dispersion between the replications of each evaluation (see pearsonDispersion); 1 for the causal lift. */
function targetDispersion(parameter: CalibrationParameter, observed: ObservedFunnel, evaluations: readonly Evaluation[]): Dispersion {
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

function targetOf(parameter: CalibrationParameter, observed: ObservedFunnel, evaluation: Pick<Evaluation, "simulated" | "chat">): FitTarget {
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

function setPath(data: Record<string, unknown>, path: readonly (string | number)[], value: number): void {
  let node: any = data;
  for (const key of path.slice(0, -1)) node = node[key] ??= {};
  node[path[path.length - 1]] = value;
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
