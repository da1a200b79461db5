/**
 * Class breaks for a threshold colour scale that puts about as many values in each class: the
 * quantiles at 1/classes, 2/classes, ... (R-7 / d3.quantile interpolation), rounded for display
 * and deduplicated, so skewed counts (one dominant cell) still spread over the ramp.
 * `quantileThresholds([1, 2, 3, 4, 100], 4)` → `[2, 3, 4]`.
 */
export function quantileThresholds(values: readonly number[], classes: number, round: (value: number) => number = Math.round): number[] {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 2) return [];
  const breaks: number[] = [];
  for (let index = 1; index < classes; index++) {
    const position = ((sorted.length - 1) * index) / classes;
    const below = Math.floor(position);
    const fraction = position - below;
    const value = round(sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * fraction);
    if (value > sorted[0] && (breaks.length === 0 || value > breaks[breaks.length - 1])) breaks.push(value);
  }
  return breaks;
}
