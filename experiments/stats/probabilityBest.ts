/**
 * Share of replications in which each variant had the best value of a metric (ties split evenly).
 * With common random numbers every replication is a like-for-like contest between the variants, so
 * this is the empirical probability that a variant is best under the scenario's uncertainty.
 *
 * `values[v][r]` is variant v in replication r; `higherIsBetter` sets the direction.
 */
export function probabilityBest(values: readonly (readonly number[])[], higherIsBetter: boolean): number[] {
  const variants = values.length;
  const replications = variants === 0 ? 0 : values[0].length;
  const wins = new Array<number>(variants).fill(0);
  for (let r = 0; r < replications; r++) {
    let best = higherIsBetter ? -Infinity : Infinity;
    for (let v = 0; v < variants; v++) {
      const value = values[v][r];
      if (higherIsBetter ? value > best : value < best) best = value;
    }
    const winners = [];
    for (let v = 0; v < variants; v++) if (values[v][r] === best) winners.push(v);
    for (const v of winners) wins[v] += 1 / winners.length;
  }
  return wins.map((count) => (replications === 0 ? 0 : count / replications));
}
