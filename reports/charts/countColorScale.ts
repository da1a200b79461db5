import * as Plot from "@observablehq/plot";
import { SEQUENTIAL_SCHEME } from "../palette.ts";

/** From this ratio of the largest to the smallest positive value up, counts get a log colour scale. */
export const LOG_SCALE_FROM_SPREAD = 50;
/** Steps of the legend's ramp: enough that it reads as continuous, few enough to keep the SVG small. */
const RAMP_STEPS = 48;

/** A continuous single-hue colour scale for counts: linear, or log when they span orders of magnitude. */
export interface CountColorScale {
  readonly type: "linear" | "log";
  readonly domain: readonly [number, number];
  /** Where a value sits on the ramp, 0 (lightest) to 1 (darkest), clamped. */
  position(value: number): number;
}

/**
 * The colour scale for a set of counts or values: a linear scale from 0 (or from a fixed domain),
 * unless positive values span `LOG_SCALE_FROM_SPREAD`× or more, where a log scale keeps 112 and
 * 1,074 visibly apart without the quantile classes that made unequal numbers look alike.
 */
export function countColorScale(values: readonly number[], fixedDomain?: readonly [number, number]): CountColorScale {
  const positive = values.filter((value) => Number.isFinite(value) && value > 0);
  const smallest = Math.min(...positive);
  const largest = Math.max(1e-9, ...positive);
  if (fixedDomain === undefined && positive.length > 0 && largest / smallest >= LOG_SCALE_FROM_SPREAD) {
    const domain = [smallest, largest] as const;
    const span = Math.log(largest / smallest);
    return Object.freeze({ type: "log", domain, position: (value: number) => clamp(Math.log(Math.max(value, smallest) / smallest) / span) });
  }
  const domain = fixedDomain ?? ([Math.min(0, ...values.filter(Number.isFinite)), largest] as const);
  const span = domain[1] - domain[0] || 1;
  return Object.freeze({ type: "linear", domain, position: (value: number) => clamp((value - domain[0]) / span) });
}

/** Plot's colour options for the scale (the report draws the legend itself: `colorRampLegend`). */
export function colorOptions(scale: CountColorScale): Plot.ScaleOptions {
  return { type: scale.type, domain: [...scale.domain], scheme: SEQUENTIAL_SCHEME };
}

/**
 * A continuous colour legend as a small Plot chart (a ramp of thin rects and an axis), since Plot's
 * own continuous legend paints a canvas that does not exist in Node. Ticks follow the scale type.
 */
export function colorRampLegend(scale: CountColorScale, options: { label: string; format: (value: number) => string; width?: number }): Plot.PlotOptions {
  const [low, high] = scale.domain;
  const at = (fraction: number): number => (scale.type === "log" ? low * (high / low) ** fraction : low + (high - low) * fraction);
  const steps = Array.from({ length: RAMP_STEPS }, (_, index) => ({
    x1: at(index / RAMP_STEPS),
    x2: at((index + 1) / RAMP_STEPS),
    value: at((index + 0.5) / RAMP_STEPS),
  }));
  return {
    width: options.width ?? 280,
    height: 50,
    marginTop: 20,
    marginBottom: 18,
    marginLeft: 12,
    marginRight: 20,
    // The label sits above the ramp (an axis label below would collide with the tick labels);
    // a log ramp is ticked at its ends and the powers of ten between them.
    x: { type: scale.type, domain: [low, high], label: null, ticks: scale.type === "log" ? logTicks(low, high) : 4, tickFormat: options.format, tickSize: 4 },
    y: { axis: null },
    color: colorOptions(scale),
    marks: [
      Plot.rect(steps, { x1: "x1", x2: "x2", y1: 0, y2: 1, fill: "value" }),
      Plot.text([`${options.label} (${scale.type} scale)`], { frameAnchor: "top-left", dy: -14, fill: "currentColor", textAnchor: "start" }),
    ],
  };
}

/** The ends of a log domain and the powers of ten strictly between them: `logTicks(14, 3222)` → `[14, 100, 1000, 3222]`. */
function logTicks(low: number, high: number): number[] {
  const powers: number[] = [];
  for (let power = 10 ** Math.ceil(Math.log10(low)); power < high; power *= 10) if (power > low * 1.5 && power < high / 1.5) powers.push(power);
  return [low, ...powers, high];
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
