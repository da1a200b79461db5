import { performance } from "node:perf_hooks";

/** Options of `measure`. */
export interface MeasureOptions {
  /** Timed runs after the warm-up. */
  repeats: number;
  /** Untimed run first, so the timed ones see optimized code (default: run the measured function once). */
  warmup?: () => unknown;
}

/** Wall times of the timed runs and the result of the last one. */
export interface Measurement<T> {
  result: T;
  wallSeconds: number[];
}

/**
 * Runs `run` once untimed (or `options.warmup`), then `repeats` times timed with `performance.now()`.
 * Calls `globalThis.gc()` between runs when node was started with --expose-gc, so one run's garbage
 * is not collected on the next one's clock.
 */
export function measure<T>(run: () => T, options: MeasureOptions): Measurement<T> {
  if (!Number.isInteger(options.repeats) || options.repeats < 1) {
    throw new RangeError(`invalid repeats: ${options.repeats} (must be an integer >= 1)`);
  }
  (options.warmup ?? run)();
  const wallSeconds: number[] = [];
  let result: T | undefined;
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    collectGarbage();
    const started = performance.now();
    result = run();
    wallSeconds.push((performance.now() - started) / 1000);
  }
  return { result: result as T, wallSeconds };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === "function") gc();
}
