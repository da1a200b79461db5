import type { StoreResults } from "../../sim/model/index.ts";
import { type RunTasksOptions, runTasks } from "../parallel/index.ts";
import { type LoadedScenario, parseScenario, type StoreScenario } from "../scenario/index.ts";
import type { CalibrationParameter } from "./calibrationParameters.ts";
import { assign, type Evaluation, setPath } from "./calibrationTargets.ts";
import { causalLiftStatistics } from "./causalLiftTarget.ts";
import { chatFitStatistics, combineStatistics, simulatedChat } from "./chatFit.ts";
import { fitStatistics, simulatedFunnel } from "./funnelFit.ts";
import type { ObservedFunnel } from "./observedFunnel.ts";

/** Progress stage names, as the CLI labels its bars. */
export const PROGRESS_STAGES = { proportional: "proportional fitting", polish: "polish", intervals: "intervals" } as const;

/** Which part of the search an evaluation belongs to. */
export type SearchStage = "proportional" | "nelderMead" | "interval";

export interface SearchOptions extends Omit<RunTasksOptions, "onProgress"> {
  onProgress?: (finished: number, total: number, stage: string) => void;
}

/**
 * One calibration run's evaluations: every point the search asks for is the scenario with the
 * parameters' factors applied, simulated with the same seeds (common random numbers), scored against
 * the observed counts and cached by its written values. Counts errored and cancelled runs, keeps the
 * deviance history, and reports progress per stage against the stage's fixed total.
 */
export class CalibrationSearch {
  readonly errored: { evaluation: number; replication: number; error: string }[] = [];
  readonly history: { stage: SearchStage; evaluation: number; deviance: number }[] = [];
  cancelled = 0;
  evaluations = 0;
  readonly #cache = new Map<string, Evaluation>();
  readonly #scenario: StoreScenario;
  readonly #loaded: LoadedScenario;
  readonly #parameters: readonly CalibrationParameter[];
  readonly #observed: ObservedFunnel;
  readonly #seeds: readonly string[];
  readonly #options: SearchOptions;
  readonly #causalRescue: boolean;
  #stage: { name: string; start: number; total: number } = { name: PROGRESS_STAGES.proportional, start: 0, total: 0 };

  constructor(
    loaded: LoadedScenario,
    parameters: readonly CalibrationParameter[],
    observed: ObservedFunnel,
    seeds: readonly string[],
    options: SearchOptions,
    causalRescue: boolean,
  ) {
    this.#loaded = loaded;
    this.#scenario = loaded.scenario as StoreScenario;
    this.#parameters = parameters;
    this.#observed = observed;
    this.#seeds = seeds;
    this.#options = options;
    this.#causalRescue = causalRescue;
  }

  /** Every full evaluation so far (all replications finished). */
  get evaluated(): Evaluation[] {
    return [...this.#cache.values()];
  }

  /** Interrupted, or stopped by the first error under failFast. */
  stopped(): boolean {
    return this.#options.signal?.aborted === true || (this.#options.failFast === true && this.errored.length > 0);
  }

  /** A new progress stage of `evaluations` evaluations (its total fixed now, so a bar never changes length). */
  startStage(name: string, evaluations: number): void {
    this.#stage = { name, start: this.evaluations * this.#seeds.length, total: evaluations * this.#seeds.length };
  }

  /** The stage is done (cached points and early stops leave runs unused). */
  finishStage(): void {
    this.#options.onProgress?.(this.#stage.total, this.#stage.total, this.#stage.name);
  }

  async evaluate(factors: readonly number[], stage: SearchStage): Promise<Evaluation> {
    const assignments = assign(this.#parameters, factors);
    const key = JSON.stringify(assignments.map((entry) => entry.value));
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const data = structuredClone(this.#scenario) as Record<string, unknown>;
    for (const { path, value } of assignments) setPath(data, path, value);
    const config = parseScenario(data, { path: this.#loaded.path }).config;
    const done = this.evaluations * this.#seeds.length;
    const { name, start, total } = this.#stage;
    const outcomes = await runTasks(
      this.#seeds.map((seed) => ({ config, seed })),
      { ...this.#options, onProgress: (finished) => this.#options.onProgress?.(Math.min(total, done - start + finished), total, name) },
    );
    const index = ++this.evaluations;
    const runs: StoreResults[] = [];
    for (const outcome of outcomes) {
      if (outcome.state === "completed") runs.push(outcome.results as StoreResults);
      else if (outcome.state === "errored") this.errored.push({ evaluation: index, replication: outcome.index, error: outcome.error });
      else this.cancelled++;
    }
    if (runs.length === 0)
      throw new RangeError(
        `calibration stopped before any replication of evaluation ${index} finished${this.#options.signal?.aborted ? " (interrupted)" : ""}`,
      );
    const simulated = simulatedFunnel(runs);
    const chat = simulatedChat(runs);
    const observed = this.#observed;
    // With a holdout the rescue factor's cell is the causal contrast, and the chatters' purchase rate leaves the objective.
    const statistics = this.#causalRescue
      ? combineStatistics(
          combineStatistics(fitStatistics(observed, simulated), chatFitStatistics(observed.chat, chat, ["chatConversion"])),
          causalLiftStatistics(observed.chat, chat),
        )
      : combineStatistics(fitStatistics(observed, simulated), chatFitStatistics(observed.chat, chat));
    const perRun = runs.map((run) => ({ simulated: simulatedFunnel([run]), chat: simulatedChat([run]) }));
    const evaluation = { factors: [...factors], config, assignments, simulated, chat, perRun, statistics };
    this.history.push({ stage, evaluation: index, deviance: evaluation.statistics.deviance });
    if (runs.length === this.#seeds.length) this.#cache.set(key, evaluation);
    return evaluation;
  }
}
