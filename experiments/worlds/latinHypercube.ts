import type { UniformSource } from "../../sim/random/index.ts";

/**
 * A Latin hypercube sample of `count` points in (0, 1)^dimensions (McKay, Beckman & Conover,
 * Technometrics 21, 1979): in each dimension the unit interval is cut into `count` equal strata and
 * every stratum holds exactly one point, at a uniform position inside it; the strata are matched
 * across dimensions by an independent random permutation per dimension (Fisher–Yates). Against
 * plain random draws this spreads few worlds over each parameter's whole range, so a 32-world run
 * already sees every 1/32 slice of every parameter.
 *
 * `points[i][j]` is point i's coordinate in dimension j. Draws come only from `source`, in a fixed
 * order (all of dimension 0's permutation and offsets, then dimension 1's, ...), so the same source
 * gives the same sample.
 *
 * @example
 * latinHypercube(4, 1, new RandomStream(1, "worlds")).map(([u]) => Math.floor(u * 4)).sort() // [0, 1, 2, 3]
 */
export function latinHypercube(count: number, dimensions: number, source: UniformSource): number[][] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`invalid count: ${count} (must be an integer >= 1)`);
  if (!Number.isInteger(dimensions) || dimensions < 0) throw new RangeError(`invalid dimensions: ${dimensions} (must be an integer >= 0)`);
  const points = Array.from({ length: count }, () => new Array<number>(dimensions));
  for (let j = 0; j < dimensions; j++) {
    const strata = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const k = Math.floor(source.next() * (i + 1));
      [strata[i], strata[k]] = [strata[k], strata[i]];
    }
    // The source's uniforms lie in (0, 1), so every coordinate lies strictly inside its stratum.
    for (let i = 0; i < count; i++) points[i][j] = (strata[i] + source.next()) / count;
  }
  return points;
}
