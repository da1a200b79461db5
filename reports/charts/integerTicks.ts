/**
 * Whole-number ticks at a regular 1-2-5 step from `minimum` (default 0) up to `maximum` (rounded up),
 * about `count` of them (agents are whole people: 0.5 steps formatted as integers would repeat labels).
 * `integerTicks(5)` → `[0, 1, 2, 3, 4, 5]`, `integerTicks(12, 5)` → `[0, 5, 10]`, `integerTicks(13, 6, 3)` → `[4, 6, 8, 10, 12]`.
 */
export function integerTicks(maximum: number, count = 6, minimum = 0): number[] {
  const top = Math.max(1, Math.ceil(maximum));
  const bottom = Math.min(top, Math.max(0, Math.floor(minimum)));
  const rough = Math.max(1, top - bottom) / count;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.ceil(bottom / step) * step; tick <= top; tick += step) ticks.push(tick);
  return ticks;
}
