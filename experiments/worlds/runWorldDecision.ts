import type { ModelConfig, SimulationResults } from "../../sim/model/index.ts";
import { KPIS, type KpiUnit, kpi } from "../kpis/index.ts";
import { type RunTasksOptions, runTasks, type TaskOutcome } from "../parallel/index.ts";
import { centralValue, type UncertainSpec } from "../scenario/index.ts";
import { DEFAULT_CONFIDENCE_LEVEL, type Estimate, tInterval } from "../stats/index.ts";
import { type DecisionAnalysis, decisionAnalysis } from "./decisionAnalysis.ts";
import { MAX_WORLDS } from "./maxWorlds.ts";
import { sampleSobolWorlds, sampleWorlds, worldSeed } from "./sampleWorlds.ts";
import { sharedParameters, type WorldTask, type WorldVariant, worldConfig, worldTasks } from "./worldTasks.ts";

/** Most simulation runs (worlds × variants × replications) one decision may ask for. */
export const MAX_WORLD_RUNS = 20_000;

export interface WorldDecisionOptions extends RunTasksOptions {
  worlds: number;
  replications: number;
  seed: string | number;
  metric: string;
  level?: number;
  /**
   * How the parameters' influence is measured: "rank" (default), Spearman rank correlations over the
   * `worlds` Latin-hypercube worlds; "sobol", first-order (and total) Sobol indices from a Saltelli
   * design with `worlds` base rows: worlds × (parameters + 2) worlds are run, and the decision
   * figures come from the first 2 × worlds (two independent Latin hypercubes).
   */
  sensitivity?: SensitivityMethod;
}

/** The sensitivity measure of a decision across worlds. */
export type SensitivityMethod = "rank" | "sobol";

/** Worlds a decision runs: `worlds`, or with Sobol indices worlds × (parameters + 2). */
export function worldsToRun(worlds: number, parameters: number, sensitivity: SensitivityMethod = "rank"): number {
  return sensitivity === "sobol" ? worlds * (parameters + 2) : worlds;
}

/** One world: its parameter values and each variant's mean KPI over its replications. */
export interface WorldOutcome {
  index: number;
  seed: string;
  values: Record<string, number>;
  /** Replications every variant completed in this world (the ones averaged). */
  replications: number;
  /** Variant name → mean of the metric over those replications; null when the world was dropped. */
  metric: Record<string, number | null>;
}

export interface WorldDecisionResults {
  kind: "decision";
  scenario: string;
  metric: string;
  metricLabel: string;
  metricUnit: KpiUnit;
  direction: "higher" | "lower";
  level: number;
  seed: string | number;
  /** Worlds asked for (with Sobol indices: the design's base rows), and replications per world and variant. */
  worldsRequested: number;
  /** The sensitivity measure asked for, and the worlds run for it. */
  sensitivity: SensitivityMethod;
  worldsRun: number;
  replications: number;
  parameters: { path: string; spec: UncertainSpec; central: number }[];
  /** The decision across the worlds every variant completed; null when fewer than 2 did. */
  analysis: DecisionAnalysis | null;
  /** Each variant's expected value of every KPI over the worlds (t interval of the world means). */
  expectedKpis: Record<string, Record<string, Estimate | null>>;
  worlds: WorldOutcome[];
  errored: { variant: string; world: number; replication: number; error: string }[];
  cancelled: number;
  stoppedBy: "count" | "interrupted" | "failFast";
}

/** Refuses a run too large to be meant (house-format RangeError); `worldsRun` defaults to `worlds` (more with Sobol indices, see `worldsToRun`). */
export function checkWorldRun(worlds: number, variants: number, replications: number, worldsRun = worlds): void {
  if (!Number.isInteger(worlds) || worlds < 2 || worlds > MAX_WORLDS)
    throw new RangeError(`invalid worlds: ${worlds} (must be an integer from 2 to ${MAX_WORLDS})`);
  const runs = worldsRun * variants * replications;
  if (runs > MAX_WORLD_RUNS) {
    const count = worldsRun === worlds ? `${worlds} worlds` : `${worldsRun} worlds for Sobol indices`;
    throw new RangeError(
      `invalid worlds: ${worlds} (${count} × ${variants} variants × ${replications} replications = ${runs} runs; at most ${MAX_WORLD_RUNS}: fewer worlds or replications)`,
    );
  }
}

/**
 * A decision under parameter uncertainty: `worlds` draws of the variants' uncertain parameters
 * (a Latin hypercube, `sampleWorlds`), and in each world every variant run for the same
 * `replications` seeds (common random numbers within the world, independent seeds across worlds).
 * Each variant's metric is averaged per world; `decisionAnalysis` turns those into expected values,
 * probability best, expected loss, EVPI and sensitivity. A world missing a replication of any
 * variant keeps only the replications all completed; a world with none is left out.
 */
export async function runWorldDecision(variants: readonly WorldVariant[], options: WorldDecisionOptions): Promise<WorldDecisionResults> {
  const level = options.level ?? DEFAULT_CONFIDENCE_LEVEL;
  const definition = kpi(options.metric);
  if (variants.length === 0) throw new RangeError("invalid variants: an empty list (give at least one)");
  const parameters = sharedParameters(variants);
  const method = options.sensitivity ?? "rank";
  checkWorldRun(options.worlds, variants.length, options.replications, worldsToRun(options.worlds, parameters.length, method));
  const worlds = method === "sobol" ? sampleSobolWorlds(parameters, options.worlds, options.seed) : sampleWorlds(parameters, options.worlds, options.seed);
  const configs: ModelConfig[][] = variants.map((variant) => worlds.map((world) => worldConfig(variant, world)));
  const tasks = worldTasks(variants.length, worlds, options.replications, options.seed);
  const outcomes = await runTasks(
    tasks.map((task) => ({ config: configs[task.variant][task.world], seed: task.seed })),
    options,
  );

  const { complete, errored, cancelled } = sortOutcomes(outcomes, tasks, variants, worlds.length, options.replications);
  const worldMean = (w: number, v: number, key: string): number | null => {
    const values = complete[w].map((replication) => kpi(key).extract(replication[v])).filter((value): value is number => value !== null);
    return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  const worldOutcomes: WorldOutcome[] = worlds.map((world, w) => ({
    index: world.index,
    seed: worldSeed(options.seed, world.index),
    values: { ...world.values },
    replications: complete[w].length,
    metric: Object.fromEntries(variants.map((variant, v) => [variant.name, worldMean(w, v, definition.key)])),
  }));
  const allVariants = (world: WorldOutcome): boolean => variants.every((variant) => world.metric[variant.name] !== null);
  // With Sobol indices the decision rests on the design's A and B rows; the indices need every row.
  const decisionWorlds = method === "sobol" ? worldOutcomes.slice(0, 2 * options.worlds) : worldOutcomes;
  const used = decisionWorlds.filter(allVariants);
  const sobol =
    method === "sobol" && worldOutcomes.every(allVariants)
      ? { base: options.worlds, worldValues: variants.map((variant) => worldOutcomes.map((world) => world.metric[variant.name]!)) }
      : undefined;
  const analysis =
    used.length < 2
      ? null
      : decisionAnalysis({
          variants: variants.map((variant) => variant.name),
          worldValues: variants.map((variant) => used.map((world) => world.metric[variant.name]!)),
          parameters: parameters.map((parameter) => ({ path: parameter.path, values: used.map((world) => world.values[parameter.path]) })),
          higherIsBetter: definition.direction !== "lower",
          level,
          sobol,
        });
  const expectedKpis = expectedKpisOver(variants, used, worldMean, level);
  return {
    kind: "decision",
    scenario: variants[0].scenario.config.name,
    metric: definition.key,
    metricLabel: definition.label,
    metricUnit: definition.unit,
    direction: definition.direction === "lower" ? "lower" : "higher",
    level,
    seed: options.seed,
    worldsRequested: options.worlds,
    sensitivity: method,
    worldsRun: worlds.length,
    replications: options.replications,
    parameters: parameters.map(({ path, spec }) => ({ path, spec, central: centralValue(spec) })),
    analysis,
    expectedKpis,
    worlds: worldOutcomes,
    errored,
    cancelled,
    stoppedBy: options.signal?.aborted ? "interrupted" : options.failFast && errored.length > 0 ? "failFast" : "count",
  };
}

/** The runs that completed, by world and replication (`[world][replication][variant]`), kept only where every variant completed; the rest counted. */
function sortOutcomes(
  outcomes: readonly TaskOutcome[],
  tasks: readonly WorldTask[],
  variants: readonly WorldVariant[],
  worldCount: number,
  replications: number,
): { complete: SimulationResults[][][]; errored: WorldDecisionResults["errored"]; cancelled: number } {
  const runs = Array.from({ length: worldCount }, () =>
    Array.from({ length: replications }, () => new Array<SimulationResults | null>(variants.length).fill(null)),
  );
  const errored: WorldDecisionResults["errored"] = [];
  let cancelled = 0;
  outcomes.forEach((outcome, index) => {
    const task = tasks[index];
    if (outcome.state === "completed") runs[task.world][task.replication][task.variant] = outcome.results;
    else if (outcome.state === "errored")
      errored.push({ variant: variants[task.variant].name, world: task.world, replication: task.replication, error: outcome.error });
    else cancelled++;
  });
  // Common random numbers: a replication counts only when every variant ran it.
  const complete = runs.map((world) => world.filter((replication): replication is SimulationResults[] => replication.every((run) => run !== null)));
  return { complete, errored, cancelled };
}

/** Each variant's expected value of every KPI: a t interval of its world means over the worlds the decision used. */
function expectedKpisOver(
  variants: readonly WorldVariant[],
  used: readonly WorldOutcome[],
  worldMean: (world: number, variant: number, key: string) => number | null,
  level: number,
): Record<string, Record<string, Estimate | null>> {
  return Object.fromEntries(
    variants.map((variant, v) => [
      variant.name,
      Object.fromEntries(
        KPIS.map((entry) => {
          const means = used.map((world) => worldMean(world.index, v, entry.key)).filter((value): value is number => value !== null);
          return [entry.key, means.length === 0 ? null : tInterval(means, level)];
        }),
      ),
    ]),
  );
}
