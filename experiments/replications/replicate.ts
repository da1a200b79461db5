import type { ModelConfig, SimulationResults } from "../../sim/model/index.ts";
import { kpi } from "../kpis/index.ts";
import { type RunTasksOptions, runTasks } from "../parallel/index.ts";
import { DEFAULT_CONFIDENCE_LEVEL, type Estimate, relativeHalfWidth, tInterval } from "../stats/index.ts";
import { replicationSeed } from "./replicationSeed.ts";
import { summariseKpis } from "./summariseKpis.ts";

/** Keep adding replications until a KPI's relative half-width is small enough. */
export interface PrecisionTarget {
  kpi: string;
  /** e.g. 0.05 = the interval's half-width is at most 5% of the mean. */
  relativeHalfWidth: number;
  maxReplications: number;
}

export interface ReplicateOptions extends RunTasksOptions {
  replications: number;
  seed: string | number;
  level?: number;
  precision?: PrecisionTarget;
}

export interface ReplicationSet {
  kind: "replications";
  scenario: string;
  level: number;
  seed: string | number;
  /** Seeds of the completed replications, in order. */
  seeds: string[];
  completed: number;
  errored: { replication: number; seed: string; error: string }[];
  cancelled: number;
  /** Why the run stopped. */
  stoppedBy: "count" | "precision" | "maxReplications" | "interrupted" | "failFast";
  kpis: Record<string, Estimate | null>;
  /** Every completed run's results (for reports and further analysis). */
  runs: SimulationResults[];
}

/**
 * R independent replications of one scenario, each with its own derived seed, summarised as a mean
 * and t interval per KPI. With `precision`, batches of replications are added until the chosen KPI's
 * relative half-width meets the target or `maxReplications` is reached (sequential procedure, Law §9.4.1).
 */
export async function replicate(config: ModelConfig, options: ReplicateOptions): Promise<ReplicationSet> {
  const level = options.level ?? DEFAULT_CONFIDENCE_LEVEL;
  const runs: SimulationResults[] = [];
  const seeds: string[] = [];
  const errored: ReplicationSet["errored"] = [];
  let cancelled = 0;
  let next = 0;
  let batch = options.replications;
  let stoppedBy: ReplicationSet["stoppedBy"] = "count";
  if (options.precision) kpi(options.precision.kpi);
  for (;;) {
    const replicationNumbers = Array.from({ length: batch }, (_, i) => next + i);
    next += batch;
    const outcomes = await runTasks(
      replicationNumbers.map((r) => ({ config, seed: replicationSeed(options.seed, r) })),
      { ...options, onProgress: options.onProgress },
    );
    outcomes.forEach((outcome, i) => {
      const r = replicationNumbers[i];
      if (outcome.state === "completed") {
        runs.push(outcome.results);
        seeds.push(replicationSeed(options.seed, r));
      } else if (outcome.state === "errored") errored.push({ replication: r, seed: replicationSeed(options.seed, r), error: outcome.error });
      else cancelled++;
    });
    if (options.signal?.aborted) {
      stoppedBy = "interrupted";
      break;
    }
    if (options.failFast && errored.length > 0) {
      stoppedBy = "failFast";
      break;
    }
    const precision = options.precision;
    if (precision === undefined) break;
    const values = runs.map((run) => kpi(precision.kpi).extract(run)).filter((value): value is number => value !== null);
    const estimate = values.length > 0 ? tInterval(values, level) : null;
    const achieved = estimate === null ? null : relativeHalfWidth(estimate);
    if (achieved !== null && achieved <= precision.relativeHalfWidth) {
      stoppedBy = "precision";
      break;
    }
    if (next >= precision.maxReplications) {
      stoppedBy = "maxReplications";
      break;
    }
    // Next batch: about what the current spread says is still missing (n grows with (h/h*)²), at least 2.
    const needed = achieved === null ? options.replications : Math.ceil(runs.length * ((achieved / precision.relativeHalfWidth) ** 2 - 1));
    batch = Math.max(2, Math.min(precision.maxReplications - next, needed));
  }
  return {
    kind: "replications",
    scenario: config.name,
    level,
    seed: options.seed,
    seeds,
    completed: runs.length,
    errored,
    cancelled,
    stoppedBy,
    kpis: runs.length === 0 ? {} : summariseKpis(runs, level),
    runs,
  };
}
