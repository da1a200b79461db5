import { batchMeansInterval, type ConfidenceInterval } from "./batchMeansInterval.ts";
import type { ResolvedMmcOptions } from "./resolveMmcOptions.ts";

/** Mean wait of one run with its batch-means 95% confidence interval. */
export interface WaitSummary {
  meanWaitSeconds: number;
  interval: ConfidenceInterval;
  /** Customers whose waits were recorded (warm-up and the tail after the last full batch excluded). */
  recordedCustomers: number;
}

/**
 * Sums waits per batch, keyed by the customer's arrival index, so every implementation (engine, bare
 * loop, SimPy) batches exactly the same customers. Costs one add per customer and no allocation.
 */
export class BatchedWaits {
  readonly #warmupCustomers: number;
  readonly #batchCustomers: number;
  readonly #sums: Float64Array;

  constructor(options: ResolvedMmcOptions) {
    this.#warmupCustomers = options.warmupCustomers;
    this.#batchCustomers = options.batchCustomers;
    this.#sums = new Float64Array(options.batches);
  }

  /** Records the queueing delay (seconds) of the customer that arrived `customerIndex`-th (from 0). */
  record(customerIndex: number, waitSeconds: number): void {
    const batch = Math.floor((customerIndex - this.#warmupCustomers) / this.#batchCustomers);
    if (batch >= 0 && batch < this.#sums.length) this.#sums[batch] += waitSeconds;
  }

  summary(): WaitSummary {
    const batchMeans = Array.from(this.#sums, (sum) => sum / this.#batchCustomers);
    const interval = batchMeansInterval(batchMeans);
    return { meanWaitSeconds: interval.mean, interval, recordedCustomers: this.#sums.length * this.#batchCustomers };
  }
}
