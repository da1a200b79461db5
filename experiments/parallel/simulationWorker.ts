import { type ModelConfig, type SimulationResults, simulate } from "../../sim/model/index.ts";

/**
 * One unit of work, the same for a pool thread and a remote worker: a model config (plain data: the
 * scenario as the model reads it, with the variant's policy and the staffing level already applied)
 * and the seed of one replication. What it returns depends on these two alone. The labels say where
 * the task sits in its run (for progress lines and the queue's job data); they never change a result.
 */
export interface SimulationTask {
  config: ModelConfig;
  seed: string | number;
  /** The compared variant's name. */
  variant?: string;
  /** Index of the uncertainty world (a parameter draw) the config was built for. */
  world?: number;
  /** Replication number (the seed is derived from it). */
  replication?: number;
  /** Agents scheduled, for a staffing grid or sweep. */
  staffing?: number;
}

/** Piscina worker entry: runs one replication. Pure and deterministic, so any thread gives the same bytes. */
export default function runSimulationTask(task: SimulationTask): SimulationResults {
  return simulate(task.config, { seed: task.seed });
}
