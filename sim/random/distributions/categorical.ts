import { invalidValue } from "../../errors/index.ts";
import type { Sampler } from "../specs/sampler.ts";
import type { UniformSource } from "../streams/uniformSource.ts";

/**
 * Categorical distribution over indices 0 .. weights.length - 1 with P(i) = weights[i] / sum.
 * `sample()` returns an index in O(1) by Walker's alias method, built in O(n) with Vose's
 * stable variant (M. D. Vose, "A linear algorithm for generating random numbers with a given
 * distribution", IEEE Trans. Software Eng. 17(9):972-975, 1991). One uniform per draw: its
 * integer part of u n picks a column, its fractional part decides column or alias.
 * `mean` and `variance` are those of the index: sum i p_i and sum i^2 p_i - mean^2.
 * Weights must be finite and >= 0 with a positive sum; zero-weight indices are never drawn.
 *
 * @example
 * const channel = categorical(stream, [6, 3, 1]); // 60% / 30% / 10%
 * channel.sample(); // 0, 1 or 2
 */
export function categorical(stream: UniformSource, weights: readonly number[]): Sampler {
  const count = weights.length;
  if (count === 0) throw invalidValue("categorical weights", weights, "must have at least 1 weight");
  let total = 0;
  for (let i = 0; i < count; i++) {
    const weight = weights[i];
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      throw invalidValue(`categorical weights[${i}]`, weight, "must be a finite number >= 0");
    }
    total += weight;
  }
  if (!(total > 0) || !Number.isFinite(total)) {
    throw invalidValue("categorical weights sum", total, "must be a finite number > 0");
  }

  let mean = 0;
  let secondMoment = 0;
  for (let i = 0; i < count; i++) {
    const p = weights[i] / total;
    mean += i * p;
    secondMoment += i * i * p;
  }

  const { keepProbability, alias } = buildAliasTable(weights, total);
  return {
    mean,
    variance: Math.max(0, secondMoment - mean * mean),
    sample: () => {
      const scaled = stream.next() * count;
      const column = Math.floor(scaled);
      return scaled - column < keepProbability[column] ? column : alias[column];
    },
  };
}

function buildAliasTable(weights: readonly number[], total: number) {
  const count = weights.length;
  const keepProbability = new Float64Array(count);
  const alias = new Int32Array(count);
  const scaled = new Float64Array(count);
  const small = new Int32Array(count);
  const large = new Int32Array(count);
  let smallSize = 0;
  let largeSize = 0;
  for (let i = 0; i < count; i++) {
    scaled[i] = (weights[i] * count) / total;
    if (scaled[i] < 1) small[smallSize++] = i;
    else large[largeSize++] = i;
  }
  while (smallSize > 0 && largeSize > 0) {
    const lesser = small[--smallSize];
    const greater = large[--largeSize];
    keepProbability[lesser] = scaled[lesser];
    alias[lesser] = greater;
    scaled[greater] = scaled[greater] + scaled[lesser] - 1;
    if (scaled[greater] < 1) small[smallSize++] = greater;
    else large[largeSize++] = greater;
  }
  // Whatever is left is 1 up to rounding (Vose's point): let those columns keep themselves.
  while (largeSize > 0) keepProbability[large[--largeSize]] = 1;
  while (smallSize > 0) keepProbability[small[--smallSize]] = 1;
  return { keepProbability, alias };
}
