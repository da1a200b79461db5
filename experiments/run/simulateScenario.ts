import { type SessionRecord, type SimulationResults, simulate } from "../../sim/model/index.ts";
import type { LoadedScenario } from "../scenario/index.ts";

/** Default seed when neither the command line nor the scenario names one. */
export const DEFAULT_SEED = 1;

export interface SimulateScenarioOptions {
  seed?: string | number;
  onSession?: (record: SessionRecord) => void;
}

/** The seed a run uses: explicit, else the scenario's, else DEFAULT_SEED. */
export function resolveSeed(loaded: LoadedScenario, seed: string | number | undefined): string | number {
  return seed ?? loaded.scenario.seed ?? DEFAULT_SEED;
}

/** One replication of a loaded scenario. */
export function simulateScenario(loaded: LoadedScenario, options: SimulateScenarioOptions = {}): SimulationResults {
  return simulate(loaded.config, { seed: resolveSeed(loaded, options.seed), onSession: options.onSession });
}
