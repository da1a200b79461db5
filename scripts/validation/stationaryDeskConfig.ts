import type { ChatOnlyModelConfig, ChatSegmentConfig, DeskConfig } from "../../sim/model/index.ts";
import { DEFAULT_DESK_CONFIG } from "../../sim/model/index.ts";

/** Days simulated per replication, as in the statistical tests of sim/model. */
export const VALIDATION_DAYS = 3;
/** The empty start left out of every figure: 20 mean handle times of 180 s (as in the tests). */
export const VALIDATION_WARMUP_SECONDS = 3600;
const INTERVAL_SECONDS = 3600;
/** Service-level threshold of every case (the Erlang convention "answered within 20 s"). */
export const VALIDATION_SERVICE_LEVEL_SECONDS = 20;

/** A chat-only desk with the same arrival rate and staffing in every interval, exponential times. */
export interface StationaryDesk {
  readonly name: string;
  readonly arrivalRatePerSecond: number;
  readonly meanHandleSeconds: number;
  /** Mean exponential patience, or null for customers who never give up. */
  readonly meanPatienceSeconds: number | null;
  readonly scheduledAgents: number;
  readonly shrinkage: number;
  readonly concurrency: number;
  readonly slowdownPerExtraChat: number;
  /** Desk settings other than the defaults and the warm-up. */
  readonly desk?: Partial<DeskConfig>;
  readonly segments?: readonly ChatSegmentConfig[];
}

/**
 * The chat-only scenario of a stationary desk, built field for field as the tests of sim/model build
 * theirs (3 days of hourly intervals, an hour of warm-up, cost 20 an hour), so a replication with
 * the same seed gives the same figures here and there.
 */
export function stationaryDeskConfig(desk: StationaryDesk): ChatOnlyModelConfig {
  const intervals = (VALIDATION_DAYS * 86400) / INTERVAL_SECONDS;
  return {
    kind: "chatOnly",
    name: desk.name,
    horizon: { days: VALIDATION_DAYS, intervalSeconds: INTERVAL_SECONDS },
    chatRatesPerSecond: new Array(intervals).fill(desk.arrivalRatePerSecond),
    handleSeconds: { kind: "exponential", mean: desk.meanHandleSeconds },
    patienceSeconds: desk.meanPatienceSeconds === null ? null : { kind: "exponential", mean: desk.meanPatienceSeconds },
    slowdownPerExtraChat: desk.slowdownPerExtraChat,
    serviceLevelSeconds: VALIDATION_SERVICE_LEVEL_SECONDS,
    agents: { scheduled: new Array(intervals).fill(desk.scheduledAgents), shrinkage: desk.shrinkage, concurrency: desk.concurrency, costPerHour: 20 },
    desk: { ...DEFAULT_DESK_CONFIG, warmupSeconds: VALIDATION_WARMUP_SECONDS, ...desk.desk },
    ...(desk.segments === undefined ? {} : { segments: desk.segments }),
  };
}
