import { quantileSorted } from "simple-statistics";
import type { StepTiming } from "./checkResults.ts";

/**
 * p50 and p95 of page-load seconds per step over the run, in funnel order. Quantiles are
 * simple-statistics' `quantileSorted`: linear interpolation between order statistics (R's and
 * numpy's default, type 7), e.g. p95 of 0.1, 0.2, …, 2.0 is 1.905.
 */
export function stepTimingSummary(loads: ReadonlyArray<{ step: string; seconds: number }>, stepOrder: readonly string[]): Record<string, StepTiming> {
  const byStep = new Map<string, number[]>();
  for (const load of loads) {
    const values = byStep.get(load.step);
    if (values === undefined) byStep.set(load.step, [load.seconds]);
    else values.push(load.seconds);
  }
  const order = (step: string) => (stepOrder.includes(step) ? stepOrder.indexOf(step) : stepOrder.length);
  const summary: Record<string, StepTiming> = {};
  for (const [step, values] of [...byStep].sort(([a], [b]) => order(a) - order(b))) {
    const sorted = values.sort((a, b) => a - b);
    summary[step] = {
      p50: round(quantileSorted(sorted, 0.5)),
      p95: round(quantileSorted(sorted, 0.95)),
      max: round(sorted[sorted.length - 1]),
      count: sorted.length,
    };
  }
  return summary;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
