import { requireInteger, requireNonNegative, requirePositive } from "../errors/index.ts";
import { DEFAULT_TARGET_SECONDS } from "./defaults.ts";
import { erlangC } from "./erlangC.ts";

/** Input of `erlangCMetrics` (M/M/c, infinite patience, infinite waiting room). Seconds; rates per second. */
export interface ErlangCInput {
  arrivalRatePerSecond: number;
  meanServiceSeconds: number;
  servers: number;
  /** Service-level threshold; defaults to `DEFAULT_TARGET_SECONDS` (20). */
  targetSeconds?: number;
}

/** Steady-state M/M/c measures. Waits are in the queue (before service starts). */
export interface ErlangCResult {
  offeredLoadErlangs: number;
  /** False when offered load >= servers: the queue grows without bound. */
  stable: boolean;
  probabilityOfWait: number;
  /** Mean wait of all customers (ASA). */
  meanWaitSeconds: number;
  meanWaitOfDelayedSeconds: number;
  /** P(wait <= targetSeconds). */
  serviceLevel: number;
  meanQueueLength: number;
  /** Fraction of time a server is busy, A / c (1 when unstable). */
  occupancy: number;
}

/**
 * Erlang C performance measures of an M/M/c queue with A = lambda * meanService < c:
 * P(W > 0) = C(c, A); P(W > t) = C e^{-(c mu - lambda) t}; E[W] = C / (c mu - lambda);
 * E[W | W > 0] = 1 / (c mu - lambda); Lq = lambda E[W] (Little); occupancy = A / c
 * (Gross & Harris, "Fundamentals of Queueing Theory", 4th ed., sec. 2.3, M/M/c).
 * When A >= c the result has `stable: false`, P(wait) 1, infinite waits and queue,
 * service level 0 and occupancy 1. Zero arrivals give no waiting and service level 1.
 *
 * @example
 * erlangCMetrics({ arrivalRatePerSecond: 100 / 1800, meanServiceSeconds: 180, servers: 14, targetSeconds: 20 });
 * // { offeredLoadErlangs: 10, stable: true, probabilityOfWait: 0.17413193359504983, meanWaitSeconds: 7.835937011777242,
 * //   meanWaitOfDelayedSeconds: 45, serviceLevel: 0.8883500191794669, meanQueueLength: 0.43532983398762454,
 * //   occupancy: 0.7142857142857143 }   (pyworkforce README: service_level 0.8883500191794669)
 */
export function erlangCMetrics(input: ErlangCInput): ErlangCResult {
  const arrivalRate = requireNonNegative("arrivalRatePerSecond", input.arrivalRatePerSecond);
  const meanService = requirePositive("meanServiceSeconds", input.meanServiceSeconds);
  const servers = requireInteger("servers", input.servers, 1);
  const target = requireNonNegative("targetSeconds", input.targetSeconds ?? DEFAULT_TARGET_SECONDS);
  const load = arrivalRate * meanService;
  if (load >= servers) {
    return {
      offeredLoadErlangs: load,
      stable: false,
      probabilityOfWait: 1,
      meanWaitSeconds: Infinity,
      meanWaitOfDelayedSeconds: Infinity,
      serviceLevel: 0,
      meanQueueLength: Infinity,
      occupancy: 1,
    };
  }
  const probabilityOfWait = erlangC(servers, load);
  // c mu - lambda, written as (c - A) / meanService to keep the spare capacity exact for integer c.
  const drainRate = (servers - load) / meanService;
  const meanWaitSeconds = probabilityOfWait / drainRate;
  return {
    offeredLoadErlangs: load,
    stable: true,
    probabilityOfWait,
    meanWaitSeconds,
    meanWaitOfDelayedSeconds: 1 / drainRate,
    serviceLevel: 1 - probabilityOfWait * Math.exp(-drainRate * target),
    meanQueueLength: arrivalRate * meanWaitSeconds,
    occupancy: load / servers,
  };
}
