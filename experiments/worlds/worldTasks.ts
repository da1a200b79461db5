import type { ModelConfig } from "../../sim/model/index.ts";
import { withConstantStaffing } from "../compare/index.ts";
import { replicationSeed } from "../replications/index.ts";
import { type LoadedScenario, type UncertainParameter, worldScenario } from "../scenario/index.ts";
import { type World, worldSeed } from "./sampleWorlds.ts";

/** A variant to run in every world: its scenario (with its uncertain parameters) and, optionally, a constant staffing level. */
export interface WorldVariant {
  name: string;
  scenario: LoadedScenario;
  /** Scheduled agents in every interval, replacing the scenario's schedule (staffing decisions). */
  agentsScheduled?: number;
}

/**
 * One unit of work, plain data so it can be shipped anywhere: variant v in world w, replication r,
 * with its seed. The config it runs is `worldConfig(variants[v], worlds[w])`.
 */
export interface WorldTask {
  variant: number;
  world: number;
  replication: number;
  seed: string;
}

/**
 * Every task of a decision run, world by world, replication by replication, variant by variant:
 * the first worlds complete first (what an interrupted run keeps), and within a world every variant
 * runs the same replication seeds (common random numbers).
 */
export function worldTasks(variantCount: number, worlds: readonly World[], replications: number, seed: string | number): WorldTask[] {
  const tasks: WorldTask[] = [];
  for (const world of worlds) {
    for (let replication = 0; replication < replications; replication++) {
      const taskSeed = replicationSeed(worldSeed(seed, world.index), replication);
      for (let variant = 0; variant < variantCount; variant++) tasks.push({ variant, world: world.index, replication, seed: taskSeed });
    }
  }
  return tasks;
}

/** The model config of a variant in a world: its scenario at the world's values (its own uncertain parameters only). */
export function worldConfig(variant: WorldVariant, world: World): ModelConfig {
  const config = variant.scenario.uncertain.length === 0 ? variant.scenario.config : worldScenario(variant.scenario, world.values).config;
  return variant.agentsScheduled === undefined ? config : withConstantStaffing(config, variant.agentsScheduled);
}

/**
 * The uncertain parameters of all variants together, by path. Variants may differ (a lever can fix a
 * parameter another variant leaves open), but one path must mean one distribution.
 */
export function sharedParameters(variants: readonly WorldVariant[]): UncertainParameter[] {
  const byPath = new Map<string, UncertainParameter>();
  for (const variant of variants) {
    for (const parameter of variant.scenario.uncertain) {
      const known = byPath.get(parameter.path);
      if (known !== undefined && JSON.stringify(known.spec) !== JSON.stringify(parameter.spec)) {
        throw new RangeError(`invalid variants: ${parameter.path} is uncertain with different ranges in different variants (give it one range)`);
      }
      byPath.set(parameter.path, parameter);
    }
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
