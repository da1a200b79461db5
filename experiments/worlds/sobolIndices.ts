import type { UniformSource } from "../../sim/random/index.ts";
import { latinHypercube } from "./latinHypercube.ts";

/** First-order and total-effect Sobol indices of each input, with the output variance they divide. */
export interface SobolIndices {
  /** S_i: the share of the output's variance that input i explains alone (its main effect). */
  firstOrder: number[];
  /** S_Ti: the share that involves input i at all (main effect and interactions). */
  totalOrder: number[];
  variance: number;
}

/**
 * The sample design of a Sobol analysis with `base` rows and `dimensions` inputs: two independent
 * Latin hypercubes A and B (drawn from `source` one after the other), then for each input i the
 * matrix A_B^(i), A with column i taken from B. Rows come in that order: A's `base` rows, B's, then
 * A_B^(0)'s, ..., so row (2 + i) × base + j is A_B^(i)'s row j; base × (dimensions + 2) rows in all
 * (Saltelli et al., Computer Physics Communications 181, 2010, §3).
 */
export function sobolDesign(base: number, dimensions: number, source: UniformSource): number[][] {
  const a = latinHypercube(base, dimensions, source);
  const b = latinHypercube(base, dimensions, source);
  const mixed = Array.from({ length: dimensions }, (_, i) => a.map((row, j) => row.map((value, k) => (k === i ? b[j][k] : value))));
  return [...a, ...b, ...mixed.flat()];
}

/**
 * Sobol indices from the outputs on `sobolDesign`'s rows (`outputs[r]` is the output of row r).
 * First order by Saltelli's estimator, S_i = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) ÷ V; total
 * effect by Jansen's, S_Ti = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)² ÷ V; V the variance of the 2N
 * outputs of A and B (Saltelli et al. 2010, Table 2, estimators (b) and (f)). Neither is bounded to
 * [0, 1] at small N: an input with no effect scatters around 0. Variance 0 gives indices of 0. The
 * outputs are centred on their A-and-B mean first: the first-order estimator multiplies by f(B), so an
 * output far from 0 (an agent cost of thousands) would add noise in proportion to its mean without
 * changing the expectation (E[f(A_B^(i)) − f(A)] = 0).
 *
 * @example
 * // f = x0 (x1 has no effect): S ≈ [1, 0], S_T ≈ [1, 0]
 */
export function sobolIndices(outputs: readonly number[], base: number, dimensions: number): SobolIndices {
  if (outputs.length !== base * (dimensions + 2))
    throw new RangeError(`invalid outputs: ${outputs.length} values (must be base × (dimensions + 2) = ${base * (dimensions + 2)})`);
  const mean = outputs.slice(0, 2 * base).reduce((sum, value) => sum + value, 0) / (2 * base);
  const centred = outputs.map((value) => value - mean);
  const fa = centred.slice(0, base);
  const fb = centred.slice(base, 2 * base);
  const both = [...fa, ...fb];
  const variance = both.reduce((sum, value) => sum + value ** 2, 0) / both.length;
  const firstOrder: number[] = [];
  const totalOrder: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    const fab = centred.slice((2 + i) * base, (3 + i) * base);
    let first = 0;
    let total = 0;
    for (let j = 0; j < base; j++) {
      first += fb[j] * (fab[j] - fa[j]);
      total += (fa[j] - fab[j]) ** 2;
    }
    firstOrder.push(variance > 0 ? first / base / variance : 0);
    totalOrder.push(variance > 0 ? total / (2 * base) / variance : 0);
  }
  return { firstOrder, totalOrder, variance };
}
