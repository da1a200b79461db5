import { RandomStream } from "../../sim/random/index.ts";
import { type ParameterValues, specQuantile, type UncertainParameter } from "../scenario/index.ts";
import { latinHypercube } from "./latinHypercube.ts";
import { sobolDesign } from "./sobolIndices.ts";

/** One draw of the uncertain parameters. */
export interface World {
  /** 0, 1, ...: names the world's replication seeds (`worldSeed`). */
  readonly index: number;
  /** Each uncertain parameter's value in this world, by path. */
  readonly values: ParameterValues;
}

/** The named stream worlds are drawn from: `${seed}:worlds`, apart from every stream of the model. */
export const WORLDS_STREAM = "worlds";

/**
 * `count` worlds: a Latin hypercube over the parameters (one dimension each, in path order), each
 * coordinate turned into a value by its distribution's quantile, so every parameter's range is
 * stratified. Deterministic in (parameters, count, seed).
 */
export function sampleWorlds(parameters: readonly UncertainParameter[], count: number, seed: string | number): World[] {
  return worldsAt(parameters, latinHypercube(count, parameters.length, new RandomStream(seed, WORLDS_STREAM)));
}

/**
 * The worlds of a Sobol analysis with `base` rows (`sobolDesign` from the same stream: A, B, then A
 * with each parameter's column from B; base × (parameters + 2) worlds). The first 2 × base are
 * independent Latin-hypercube draws, the decision's worlds; the rest serve the indices only.
 */
export function sampleSobolWorlds(parameters: readonly UncertainParameter[], base: number, seed: string | number): World[] {
  return worldsAt(parameters, sobolDesign(base, parameters.length, new RandomStream(seed, WORLDS_STREAM)));
}

function worldsAt(parameters: readonly UncertainParameter[], points: readonly number[][]): World[] {
  return points.map((point, index) => ({
    index,
    values: Object.fromEntries(parameters.map((parameter, j) => [parameter.path, specQuantile(parameter.spec, point[j])])),
  }));
}

/**
 * The run seed of world `world`: its replications are `${seed}:w${world}:r0`, ... Worlds get
 * different seeds so their simulation noise is independent (the spread of world means then holds
 * both parameter and simulation variance); the variants within a world share them (common random
 * numbers, so the decision in each world is a paired contest).
 *
 * @example
 * worldSeed(42, 3) // "42:w3"
 */
export function worldSeed(seed: string | number, world: number): string {
  return `${seed}:w${world}`;
}
