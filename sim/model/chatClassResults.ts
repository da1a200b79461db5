import type { DeskReservation } from "../policy/index.ts";
import { finiteOrNull, type Ratio, ratio } from "./results.ts";

/** Counts of one class of chats (high-value or standard under a reservation) after the warm-up. */
export interface ChatClassCounts {
  requests: number;
  blocked: number;
  /** Found no slot they could take and waited. */
  delayed: number;
  served: number;
  abandoned: number;
  /** Sum of waits of every request (served: until answered; abandoned: until giving up), seconds. */
  waitSeconds: number;
  waitSecondsOfServed: number;
  /** Answered within the service-level threshold. */
  answeredWithinTarget: number;
}

/** Zero counts, for a class before its first chat. */
export function emptyClassCounts(): ChatClassCounts {
  return { requests: 0, blocked: 0, delayed: 0, served: 0, abandoned: 0, waitSeconds: 0, waitSecondsOfServed: 0, answeredWithinTarget: 0 };
}

/** One class's figures: what the reservation costs the standard chats and saves the high-value ones. */
export interface ChatClassResults {
  requests: number;
  blocked: number;
  served: number;
  abandoned: number;
  /** Share of the class's requests that found no slot they could take and had to wait. */
  probabilityOfWait: Ratio;
  blockingRate: Ratio;
  queueAbandonmentRate: Ratio;
  meanWaitSeconds: Ratio;
  meanWaitOfServedSeconds: Ratio;
  /** Answered within the desk's threshold ÷ the class's requests (abandons and blocked chats count as misses). */
  serviceLevel: Ratio;
  /** Orders rescued by the class's chats and their revenue (store model; null in the chat-only model). */
  rescuedOrders: number | null;
  rescuedRevenue: number | null;
}

/** Per-class figures of a desk with a reservation: high-value chats (holding it) and standard chats. */
export interface ChatClassBreakdown {
  reservation: DeskReservation;
  highValue: ChatClassResults;
  standard: ChatClassResults;
}

/** Rescued orders and revenue per class, [high-value, standard]. */
export type RescuedByClass = readonly [{ orders: number; revenue: number }, { orders: number; revenue: number }];

/** The per-class figures from the desk's counts (and the store's rescues by class, null in the chat-only model). */
export function collectClassResults(
  reservation: DeskReservation,
  counts: readonly [ChatClassCounts, ChatClassCounts],
  rescued: RescuedByClass | null,
): ChatClassBreakdown {
  const one = (count: ChatClassCounts, index: number): ChatClassResults => ({
    requests: count.requests,
    blocked: count.blocked,
    served: count.served,
    abandoned: count.abandoned,
    probabilityOfWait: ratio(count.delayed, count.requests),
    blockingRate: ratio(count.blocked, count.requests),
    queueAbandonmentRate: ratio(count.abandoned, count.requests),
    meanWaitSeconds: finiteOrNull(ratio(count.waitSeconds, count.served + count.abandoned) ?? Number.NaN),
    meanWaitOfServedSeconds: ratio(count.waitSecondsOfServed, count.served),
    serviceLevel: ratio(count.answeredWithinTarget, count.requests),
    rescuedOrders: rescued === null ? null : rescued[index].orders,
    rescuedRevenue: rescued === null ? null : rescued[index].revenue,
  });
  return { reservation, highValue: one(counts[0], 0), standard: one(counts[1], 1) };
}
