import type { ModelConfig } from "../../sim/model/index.ts";
import { defaultWorkers, type RunTasksOptions, TaskPool } from "../parallel/index.ts";
import { replicationSeed } from "../replications/index.ts";
import type { LoadedScenario, StoreScenario } from "../scenario/index.ts";
import { CalibrationSearch, PROGRESS_STAGES, type SearchStage } from "./CalibrationSearch.ts";
import { type CalibrationParameter, planParameters } from "./calibrationParameters.ts";
import { targetDispersion } from "./calibrationTargets.ts";
import { fittedValues, weakened } from "./calibrationValues.ts";
import { CAUSAL_LIFT_TARGET } from "./causalLiftTarget.ts";
import { chatTargetShares } from "./chatFit.ts";
import { type ChatIdentifiability, planChatParameters } from "./chatParameters.ts";
import { chiSquarePValue } from "./chiSquareCdf.ts";
import type { FunnelRow } from "./funnelCsv.ts";
import type { CalibrationStepRow, FitStatistics } from "./funnelFit.ts";
import { type HoldoutLift, holdoutLift } from "./holdoutLift.ts";
import type { ChatCounts } from "./observedChat.ts";
import { type ObservedFunnel, observedFunnel } from "./observedFunnel.ts";
import type { Dispersion } from "./pearsonDispersion.ts";
import { MAX_POLISHED_PARAMETERS, polishFit } from "./polishFit.ts";
import { type ProportionalFit, proportionalFit } from "./proportionalFit.ts";
import { type IntervalScope, scanIntervals } from "./scanIntervals.ts";

export type { IntervalScope } from "./scanIntervals.ts";

/** Proportional-fitting rounds when not given. */
export const DEFAULT_MAX_ITERATIONS = 10;
/**
 * A target counts as matched when its simulated share is within this many of its standard errors of
 * the observed share (in logs), or within 0.2%: closer than that is below what the data can tell.
 */
export const DEFAULT_TOLERANCE = 0.25;
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
   * Which factors get a 95% interval by scanning the factor (the other chat factors refitted, see profileIntervals) until the
   * observed target share rejects the simulated one; default "chat" (funnel factors keep their
   * delta-method error, their shares are near-proportional to their factors). About 8-18 points per factor, two evaluations each with profileIntervals.
   */
  intervals?: IntervalScope;
  /**
   * Refit the other chat factors at each scanned point of a factor (a profile interval, default true)
   * instead of holding them at the fit (a conditional interval): it allows for what they can make up
   * in the factor's target, at about twice the scan's evaluations (one refitting round per point).
   */
  profileIntervals?: boolean;
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
  const observed = observedFunnel(rows, ["browse", "cart", ...scenario.funnel.steps.map((step) => step.name)], options.source);
  const funnelPlan = planParameters(scenario, observed);
  const chatPlan = planChatParameters(scenario, observed.chat);
  const parameters = [...funnelPlan.parameters, ...chatPlan.parameters];
  const causalRescue = parameters.some((parameter) => parameter.chatTarget === CAUSAL_LIFT_TARGET);
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const seeds = Array.from({ length: options.replications }, (_, r) => replicationSeed(options.seed, r));
  const search = new CalibrationSearch(loaded, parameters, observed, seeds, options, causalRescue);

  // Stage 1: proportional fitting.
  search.startStage(PROGRESS_STAGES.proportional, maxIterations + 1);
  const fit = await proportionalFit(search, parameters, observed, maxIterations, options.tolerance ?? DEFAULT_TOLERANCE);
  search.finishStage();
  // Stage 2: Nelder–Mead polish of the deviance, when the data over-determine the parameters.
  const degreesOfFreedom = fit.best.statistics.freeCells - parameters.length;
  const polishEvaluations =
    options.polishEvaluations ?? (degreesOfFreedom > 0 && parameters.length <= MAX_POLISHED_PARAMETERS ? 3 * (parameters.length + 1) : 0);
  let polished = { best: fit.best, evaluations: 0 };
  if (polishEvaluations > 0 && parameters.length > 0 && !search.stopped()) {
    search.startStage(PROGRESS_STAGES.polish, polishEvaluations);
    polished = await polishFit(search, fit.best, fit.best, polishEvaluations);
    search.finishStage();
  }
  const final = polished.best;
  // Each target's dispersion between replications, from every full evaluation of the search so far
  // (before the scans, so the scans do not move it): it widens errors and intervals alike.
  const dispersions = parameters.map((parameter) => targetDispersion(parameter, observed, search.evaluated));
  // Stage 3: each scanned factor's interval (see scanIntervals).
  const scan = await scanIntervals(search, parameters, observed, final, {
    scope: options.intervals ?? "chat",
    profile: options.profileIntervals ?? true,
    elasticity: fit.elasticity,
    inflation: dispersions.map((entry) => Math.sqrt(Math.max(1, entry.dispersion))),
  });
  const values = fittedValues(parameters, observed, final, scan.intervals, dispersions, fit.elasticity);
  const identifiability = chatPlan.identifiability.map((entry) => weakened(entry, values));
  const notes = [
    ...observed.notes,
    ...searchNotes(parameters, fit, polished, polishEvaluations, degreesOfFreedom, options, search.stopped(), maxIterations),
    ...causalRescueNotes(causalRescue, observed, final.chat),
    ...identifiability.map((entry) => entry.note),
    ...funnelPlan.fixed.map((entry) => `${entry.path} kept${entry.value === null ? "" : ` at ${entry.value}`}: ${entry.why}`),
  ];
  const statistics = final.statistics;
  const calibration: CalibrationResults = {
    kind: "calibration",
    scenario: scenario.name,
    method: METHOD,
    objective: OBJECTIVE,
    replications: options.replications,
    seeds,
    steps: statistics.rows,
    parameters: values,
    fixed: [...funnelPlan.fixed, ...chatPlan.fixed],
    goodnessOfFit: goodnessOfFit(statistics, degreesOfFreedom, fit.first.statistics.deviance),
    search: {
      proportionalIterations: fit.iterations,
      converged: fit.converged,
      nelderMeadEvaluations: polished.evaluations,
      devianceAfterProportional: fit.best.statistics.deviance,
      history: search.history,
      intervalEvaluations: scan.evaluations,
    },
    notes,
    chat: { identifiability, causalLift: { data: holdoutLift(observed.chat), model: holdoutLift(final.chat) } },
    errored: search.errored,
    cancelled: search.cancelled,
    stoppedBy: options.signal?.aborted
      ? "interrupted"
      : options.failFast && search.errored.length > 0
        ? "failFast"
        : fit.converged
          ? "converged"
          : "maxIterations",
  };
  return { calibration, assignments: final.assignments, config: final.config };
}

/** Chi-square (with its p-value when degrees of freedom are left), RMSE of the step rates, and the deviance before and after. */
function goodnessOfFit(statistics: FitStatistics, degreesOfFreedom: number, devianceBefore: number): CalibrationResults["goodnessOfFit"] {
  const rmse = Math.sqrt(statistics.rows.reduce((sum, row) => sum + (row.observedRate - row.simulatedRate) ** 2, 0) / Math.max(1, statistics.rows.length));
  return {
    chiSquare: statistics.chiSquare,
    degreesOfFreedom: Math.max(0, degreesOfFreedom),
    pValue: degreesOfFreedom > 0 ? chiSquarePValue(statistics.chiSquare, degreesOfFreedom) : null,
    rmse,
    deviance: statistics.deviance,
    devianceBefore,
  };
}

/** What the search's stages did: an exact fit, a skipped or run polish, rounds that did not converge. */
function searchNotes(
  parameters: readonly CalibrationParameter[],
  fit: ProportionalFit,
  polished: { best: { statistics: { deviance: number } }; evaluations: number },
  polishEvaluations: number,
  degreesOfFreedom: number,
  options: CalibrateOptions,
  stopped: boolean,
  maxIterations: number,
): string[] {
  const notes: string[] = [];
  const freeCells = degreesOfFreedom + parameters.length;
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
      `Nelder–Mead polish: ${polished.evaluations} evaluations, deviance ${fit.best.statistics.deviance.toFixed(2)} → ${polished.best.statistics.deviance.toFixed(2)}`,
    );
  if (!fit.converged && !stopped)
    notes.push(`proportional fitting did not match every target within ${maxIterations} rounds; the best point found is reported`);
  return notes;
}

/** With a holdout the chatters' purchase rate is not fitted, so a check: the scenario's model of who chats against the data's chatters. */
function causalRescueNotes(causalRescue: boolean, observed: ObservedFunnel, chat: ChatCounts): string[] {
  if (!causalRescue) return [];
  const chatters = chatTargetShares("chatConversion", observed.chat, chat);
  return [
    `chatters' purchase rate (not fitted with a holdout): observed ${(chatters.observed * 100).toFixed(1)}%, fitted model ${(chatters.simulated * 100).toFixed(1)}%; a gap beyond noise says the scenario's model of who chats differs from the store's`,
  ];
}
