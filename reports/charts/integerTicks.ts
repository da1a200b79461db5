/**
 * Whole-number ticks from 0 up to `maximum` (rounded up), about `count` of them at a 1-2-5 step
 * (agents are whole people: 0.5 steps formatted as integers would repeat labels).
 * `integerTicks(5)` → `[0, 1, 2, 3, 4, 5]`, `integerTicks(12, 5)` → `[0, 5, 10]`.
 */
export function integerTicks(maximum: number, count = 6): number[] {
  const top = Math.max(1, Math.ceil(maximum));
  const rough = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return ticks;
}
