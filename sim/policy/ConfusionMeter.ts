// The measurement half of the `confusion` signal: counts input events against the thresholds of the
// trigger contract (CONFUSION_THRESHOLDS). The live widget feeds it from event listeners; the
// synthetic checks replay a persona's recorded input through it to predict the widget, so both use
// one definition. DOM-free (the caller passes field keys, click positions and times).

import { CONFUSION_THRESHOLDS, type ConfusionCause } from "./confusionThresholds.ts";

/** What the meter keeps across the pages of one visit (the widget stores it in sessionStorage). */
export interface ConfusionMemory {
  confused: boolean;
  /** The first pattern that crossed its threshold, or null. */
  cause: ConfusionCause | null;
  /** Index of the furthest checkout step reached in the visit (−1: none yet). */
  furthestStepIndex: number;
  /** Step of the previous page, so a reload or a re-rendered form is not a return. */
  lastStep: string | null;
  /** Arrivals at a checkout step before the furthest one reached. */
  backSteps: number;
}

/** The memory of a visit that has shown nothing yet. */
export function newConfusionMemory(): ConfusionMemory {
  return { confused: false, cause: null, furthestStepIndex: -1, lastStep: null, backSteps: 0 };
}

/**
 * Counts one page's input against CONFUSION_THRESHOLDS and calls `onConfused` once, when the first
 * threshold is crossed in the visit. Field counts are per page; back-and-forth counts over the visit.
 */
export class ConfusionMeter {
  readonly #memory: ConfusionMemory;
  readonly #onConfused: (cause: ConfusionCause) => void;
  readonly #focusCounts = new Map<string, number>();
  readonly #editCounts = new Map<string, number>();
  /** The burst of clicks being counted: where and when it started, and how many so far. */
  #burst: { atMs: number; x: number; y: number; clicks: number } | null = null;

  constructor(memory: ConfusionMemory, onConfused: (cause: ConfusionCause) => void) {
    this.#memory = { ...memory };
    this.#onConfused = onConfused;
  }

  get confused(): boolean {
    return this.#memory.confused;
  }

  /** A copy of what to keep for the next page. */
  get memory(): ConfusionMemory {
    return { ...this.#memory };
  }

  /** The page for `step` loaded; `checkoutSteps` in order. A return to an earlier checkout step counts. */
  arrive(step: string, checkoutSteps: readonly string[]): void {
    const memory = this.#memory;
    const index = checkoutSteps.indexOf(step);
    if (index >= 0 && step !== memory.lastStep && index < memory.furthestStepIndex) memory.backSteps++;
    memory.furthestStepIndex = Math.max(memory.furthestStepIndex, index);
    memory.lastStep = step;
    if (memory.backSteps >= CONFUSION_THRESHOLDS.backStepCount) this.#confuse("backAndForth");
  }

  /** Form field `field` received focus. */
  focus(field: string): void {
    if (bump(this.#focusCounts, field) >= CONFUSION_THRESHOLDS.fieldFocusCount) this.#confuse("refocus");
  }

  /** Form field `field`'s value was changed and committed (a `change` event). */
  edit(field: string): void {
    if (bump(this.#editCounts, field) >= CONFUSION_THRESHOLDS.fieldEditCount) this.#confuse("reedit");
  }

  /** A click at page position (x, y) in pixels, at `atMs` on the widget's clock. */
  click(x: number, y: number, atMs: number): void {
    const burst = this.#burst;
    const inBurst =
      burst !== null &&
      atMs - burst.atMs <= CONFUSION_THRESHOLDS.rapidClickWindowSeconds * 1000 &&
      Math.hypot(x - burst.x, y - burst.y) <= CONFUSION_THRESHOLDS.rapidClickRadiusPixels;
    if (!inBurst) {
      this.#burst = { atMs, x, y, clicks: 1 };
      return;
    }
    burst.clicks++;
    if (burst.clicks >= CONFUSION_THRESHOLDS.rapidClickCount) this.#confuse("rapidClicks");
  }

  #confuse(cause: ConfusionCause): void {
    if (this.#memory.confused) return;
    this.#memory.confused = true;
    this.#memory.cause = cause;
    this.#onConfused(cause);
  }
}

function bump(counts: Map<string, number>, key: string): number {
  const count = (counts.get(key) ?? 0) + 1;
  counts.set(key, count);
  return count;
}
