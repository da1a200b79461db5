/** Per-interval sums the model records; fixed size (one slot per interval of the horizon). */
export const SERIES_NAMES = [
  "sessions",
  "carts",
  "orders",
  "revenue",
  "invitations",
  "chatRequests",
  "chatsServed",
  "chatsAbandoned",
  "chatsBlocked",
  "shortAbandons",
  "answeredWithinTarget",
  "waitSecondsOfServed",
  "agentsScheduled",
  "agentsOnline",
  "chatSeconds",
  "busyAgentSeconds",
  "onlineAgentSeconds",
  "rescuedOrders",
] as const;

export type SeriesName = (typeof SERIES_NAMES)[number];

/**
 * Fixed-size per-interval accumulators (Float64Array each), so memory depends on the horizon only,
 * never on the number of sessions.
 */
export class IntervalSeries {
  readonly length: number;
  readonly #values: Record<SeriesName, Float64Array>;

  constructor(intervals: number) {
    this.length = intervals;
    this.#values = Object.fromEntries(SERIES_NAMES.map((name) => [name, new Float64Array(intervals)])) as Record<SeriesName, Float64Array>;
  }

  add(name: SeriesName, interval: number, amount: number): void {
    if (interval >= 0 && interval < this.length) this.#values[name][interval] += amount;
  }

  set(name: SeriesName, interval: number, value: number): void {
    if (interval >= 0 && interval < this.length) this.#values[name][interval] = value;
  }

  /** The series' own column (not a copy): a hot caller may add to it directly, one slot per interval. */
  get(name: SeriesName): Float64Array {
    return this.#values[name];
  }

  /** Plain arrays for JSON output. */
  toJSON(): Record<SeriesName, number[]> {
    return Object.fromEntries(SERIES_NAMES.map((name) => [name, Array.from(this.#values[name])])) as Record<SeriesName, number[]>;
  }
}
