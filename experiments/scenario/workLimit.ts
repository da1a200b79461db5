import { getHeapStatistics } from "node:v8";
import type { ModelConfig } from "../../sim/model/index.ts";

/**
 * Most expected arrivals (shopper sessions, or chats in a chat-only scenario) one replication may
 * simulate unless the user raises it (`--max-sessions N`). The simulator runs about 10,000–20,000
 * sessions a second on one core, so the default is a run of a few minutes: 50 days of the 40,000
 * sessions a day baseline.
 */
export const DEFAULT_MAX_SESSIONS = 2_000_000;

/**
 * Heap allowed per arrival of the busiest hour (bytes): an upper bound with room to spare. Sessions
 * last minutes, so the busiest hour's arrivals bound those alive at once. Measured: the baseline with a
 * flat profile at 40,000 and at 400,000 sessions a day (16,700 in each hour) peaked at the same
 * 181 MB resident, so a live session costs far less than this; a chat queue of infinitely patient
 * customers in an understaffed hour holds more of them, which is why the bound is generous.
 */
export const BYTES_PER_LIVE_ARRIVAL = 4_096;

/** What a replication of a resolved scenario is expected to do, before it runs. */
export interface WorkEstimate {
  /** "sessions" for a store, "chats" for a chat-only desk. */
  readonly unit: "sessions" | "chats";
  /** Expected arrivals over the horizon (Σ rate × interval length). */
  readonly arrivals: number;
  /** Expected arrivals in the busiest hour: a bound on those alive at once. */
  readonly peakHourArrivals: number;
  /** Heap the peak needs, BYTES_PER_LIVE_ARRIVAL each. */
  readonly peakBytes: number;
}

/** Expected arrivals over the horizon and in its busiest hour, from the resolved rates. */
export function estimateWork(config: ModelConfig): WorkEstimate {
  const rates = config.kind === "store" ? config.sessionRatesPerSecond : config.chatRatesPerSecond;
  const intervalSeconds = config.horizon.intervalSeconds;
  const arrivals = rates.reduce((total, rate) => total + rate * intervalSeconds, 0);
  const peakRate = rates.reduce((peak, rate) => Math.max(peak, rate), 0);
  const peakHourArrivals = peakRate * 3600;
  return { unit: config.kind === "store" ? "sessions" : "chats", arrivals, peakHourArrivals, peakBytes: peakHourArrivals * BYTES_PER_LIVE_ARRIVAL };
}

/**
 * The problem with running this much work, or null: above `maxSessions` expected arrivals, or a peak
 * that would not fit in the JavaScript heap (the run would otherwise be killed mid-way). `field` names
 * the volume setting in the message.
 */
export function workLimitProblem(config: ModelConfig, maxSessions: number, field: string): string | null {
  const work = estimateWork(config);
  const days = config.horizon.days;
  // The tolerance absorbs the round-off of summing rate × interval (2,000,000 comes out as 2,000,000.0000001).
  if (!(work.arrivals <= maxSessions * (1 + 1e-9))) {
    // Formatted only for the message: the first toLocaleString of a process loads ICU's data (~30 ms).
    const over = `about ${formatCount(work.arrivals)} ${work.unit} in ${days} day${days === 1 ? "" : "s"}`;
    return `invalid ${field}: ${over} (must be at most ${formatCount(maxSessions)} per run; raise the limit with --max-sessions N)`;
  }
  const heapBytes = getHeapStatistics().heap_size_limit;
  if (!(work.peakBytes <= heapBytes * 0.8)) {
    const neededMegabytes = Math.ceil(work.peakBytes / 0.8 / 2 ** 20);
    return `invalid ${field}: about ${formatCount(work.peakHourArrivals)} ${work.unit} in the busiest hour (needs about ${neededMegabytes} MB of memory, more than the ${Math.floor(heapBytes / 2 ** 20)} MB available; raise it with NODE_OPTIONS=--max-old-space-size=${neededMegabytes})`;
  }
  return null;
}

/** 2,000,000 or 1.0e+12: grouped digits below a trillion, exponent form beyond (never "Infinity"). */
function formatCount(count: number): string {
  if (!Number.isFinite(count)) return "more than 1e+308";
  return count < 1e12 ? Math.round(count).toLocaleString("en-US") : count.toExponential(1);
}
