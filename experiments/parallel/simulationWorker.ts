import { simulate, type ModelConfig, type SimulationResults } from "../../sim/model/index.ts";

/** One unit of work for a pool thread: a model config and the seed of one replication. */
export interface SimulationTask {
  config: ModelConfig;
  seed: string | number;
}

/** Piscina worker entry: runs one replication. Pure and deterministic, so any thread gives the same bytes. */
export default function runSimulationTask(task: SimulationTask): SimulationResults {
  return simulate(task.config, { seed: task.seed });
}
