import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import type { ChatCounts } from "./observedChat.ts";

/** The causal lift for chat users that a holdout identifies, in percentage points, with its interval. */
export interface HoldoutLift {
  /** Purchase rate of the sessions outside the holdout (offered chat) and inside it (never offered). */
  offeredRate: number;
  holdoutRate: number;
  /** offeredRate − holdoutRate, in points: the effect of offering chat on every session (intention to treat). */
  perSessionPoints: number;
  /** Share of the offered sessions that had a chat answered. */
  chatShare: number;
  /** perSessionPoints ÷ chatShare: the lift for chat users, in points. */
  points: number;
  standardErrorPoints: number;
  /** 95% interval of `points`. */
  lower: number;
  upper: number;
}

/** Confidence level of the holdout lift's interval. */
export const HOLDOUT_LIFT_LEVEL = 0.95;

/**
 * The lift for chat users from a holdout: the offered and held-out sessions differ only by the
 * hashed assignment, so their purchase-rate gap is what offering chat causes per session; nobody in
 * the holdout chats, so dividing by the offered sessions' chat share gives the effect per chat user
 * (Bloom's estimator for one-sided non-compliance; Bloom 1984, Evaluation Review 8(2)). It equals
 * the paired lift of `measureChatLift` when chat changes only the visits of those who chat
 * (declined invitations that drive shoppers away break that, and lower this estimate). The
 * interval is the delta method's on the ratio, with the covariance of the two shares measured on
 * the same sessions. Null without holdout counts, sessions on either side, or chats.
 *
 * @example
 * // 100,000 sessions, 2,360 orders; holdout 10,000 sessions with 200 orders; 1,350 chats, 675 of them ordered
 * holdoutLift(counts) // { perSessionPoints: 0.4, chatShare: 0.015, points: 26.7, ... }
 */
export function holdoutLift(counts: ChatCounts): HoldoutLift | null {
  const { sessions, orders, holdoutSessions, holdoutOrders, sessionsWithChat, ordersWithChat } = counts;
  if (sessions === null || orders === null || holdoutSessions === null || holdoutOrders === null || sessionsWithChat === null || ordersWithChat === null)
    return null;
  const offered = sessions - holdoutSessions;
  if (offered <= 0 || holdoutSessions <= 0 || sessionsWithChat <= 0) return null;
  const offeredRate = (orders - holdoutOrders) / offered;
  const holdoutRate = holdoutOrders / holdoutSessions;
  const chatShare = sessionsWithChat / offered;
  const perSession = offeredRate - holdoutRate;
  const ratio = perSession / chatShare;
  // Per offered session: ordered (o) and chatted (c) are Bernoulli with cov = P(o and c) − p c.
  const varianceOffered = (offeredRate * (1 - offeredRate)) / offered;
  const varianceHoldout = (holdoutRate * (1 - holdoutRate)) / holdoutSessions;
  const varianceShare = (chatShare * (1 - chatShare)) / offered;
  const covariance = (ordersWithChat / offered - offeredRate * chatShare) / offered;
  const variance = (varianceOffered + varianceHoldout + ratio * ratio * varianceShare - 2 * ratio * covariance) / (chatShare * chatShare);
  const standardError = Math.sqrt(Math.max(0, variance)) * 100;
  const z = normalQuantile(0.5 + HOLDOUT_LIFT_LEVEL / 2, 0, 1);
  const points = ratio * 100;
  return {
    offeredRate,
    holdoutRate,
    perSessionPoints: perSession * 100,
    chatShare,
    points,
    standardErrorPoints: standardError,
    lower: points - z * standardError,
    upper: points + z * standardError,
  };
}
