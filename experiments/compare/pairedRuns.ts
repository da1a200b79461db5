import type { ModelConfig, SimulationResults } from "../../sim/model/index.ts";
import { type RunTasksOptions, runTasks } from "../parallel/index.ts";
import { replicationSeed } from "../replications/index.ts";
import type { ComparisonResults } from "./comparisonTypes.ts";

/** What running every variant for the same seeds produced, arranged for pairing. */
export interface PairedRuns {
  /** Indices of the replications every variant completed: only those form pairs. */
  complete: number[];
  /** `paired[v][i]`: variant v's run of the i-th complete replication. */
  paired: SimulationResults[][];
  errored: ComparisonResults["errored"];
  cancelled: number;
}

/**
 * Runs each config for replications 0..R−1 with the same seeds (common random numbers) and keeps
 * the replications that every variant completed. A replication missing anywhere is dropped
 * everywhere, because a pair needs both sides.
 */
export async function runPairedReplications(
  variants: readonly { name: string; config: ModelConfig }[],
  replications: number,
  seed: string | number,
  options: RunTasksOptions,
): Promise<PairedRuns> {
  // Replication-major order: the first replications of all variants finish first (useful when interrupted).
  const tasks = [];
  for (let r = 0; r < replications; r++) {
    for (const variant of variants) tasks.push({ config: variant.config, seed: replicationSeed(seed, r) });
  }
  const outcomes = await runTasks(tasks, options);
  const runs: (SimulationResults | null)[][] = variants.map(() => new Array(replications).fill(null));
  const errored: ComparisonResults["errored"] = [];
  let cancelled = 0;
  outcomes.forEach((outcome, index) => {
    const r = Math.floor(index / variants.length);
    const v = index % variants.length;
    if (outcome.state === "completed") runs[v][r] = outcome.results;
    else if (outcome.state === "errored") errored.push({ variant: variants[v].name, replication: r, error: outcome.error });
    else cancelled++;
  });
  const complete = Array.from({ length: replications }, (_, r) => r).filter((r) => runs.every((variantRuns) => variantRuns[r] !== null));
  const paired = runs.map((variantRuns) => complete.map((r) => variantRuns[r]!));
  return { complete, paired, errored, cancelled };
}
