/** How p-values of several variant-vs-control tests are adjusted. */
export type Correction = "holm" | "benjamini-hochberg" | "none";

/**
 * Holm's step-down adjustment (Holm 1979, "A simple sequentially rejective multiple test procedure"):
 * sort p ascending, p̃(i) = max over j ≤ i of min(1, (m − j + 1) · p(j)). Controls the family-wise
 * error rate. Returned in the input order.
 *
 * @example
 * holm([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, index], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}

/**
 * Benjamini–Hochberg step-up adjustment (Benjamini & Hochberg 1995): sort p ascending,
 * p̃(i) = min over j ≥ i of min(1, m · p(j) / j). Controls the false discovery rate.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const [p, index] = order[rank];
    running = Math.min(running, Math.min(1, (m * p) / (rank + 1)));
    adjusted[index] = running;
  }
  return adjusted;
}

/** Applies the named correction. */
export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  if (correction === "holm") return holm(pValues);
  if (correction === "benjamini-hochberg") return benjaminiHochberg(pValues);
  return [...pValues];
}
