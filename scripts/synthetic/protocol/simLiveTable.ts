import { tInterval, wilsonInterval } from "../../../experiments/stats/index.ts";
import { erlangA } from "../../../sim/analytic/index.ts";
import { funnelRows, type StoreEvent } from "../../store/index.ts";
import { type ChatRecord, chatRecord, IMMEDIATE_SERVICE_SECONDS } from "./chatRecord.ts";
import type { PersonaPrediction } from "./predictProtocolRun.ts";

/** The family-wise confidence level of a table: each row's interval is at 1 − (1 − level) / rows (Bonferroni). */
export const FAMILY_CONFIDENCE_LEVEL = 0.95;

/** The queue row counting chats not served within IMMEDIATE_SERVICE_SECONDS (those who gave up included). */
export const WAITED_METRIC = `not served within ${IMMEDIATE_SERVICE_SECONDS} s (of chats)`;

/**
 * Resolution of a measured mean wait, real seconds: the harness's own HTTP round trips under load
 * shift a wait by about this much, so the mean-wait interval is widened by it on both sides (an
 * assumption; the wait itself is stamped by the store).
 */
export const WAIT_RESOLUTION_SECONDS = 0.25;

/** One figure, predicted by the model and observed by the store, with the observed figure's interval. */
export interface SimLiveRow {
  group: "funnel" | "abandonment" | "chat";
  metric: string;
  predicted: number;
  /** null: nothing to observe (no trials). */
  observed: number | null;
  /** For shares: the count and what it is a share of. */
  successes: number | null;
  trials: number;
  lower: number | null;
  upper: number | null;
  interval: "wilson" | "t";
  /** The prediction lies in the interval; null when there is nothing to compare (reported, not failed). */
  agree: boolean | null;
}

/** The chat desk as the run set it up, for the queueing prediction. */
export interface DeskSetup {
  /** Bot agents × chats each may hold (the scenario's agents.concurrency). */
  servers: number;
  /** Mean of the personas' exponential patience in the queue, real seconds. */
  meanPatienceSeconds: number;
  /** Mean of the personas' exponential chat length, real seconds (used when no chat was served). */
  meanChatSeconds: number;
}

/**
 * The simulator-vs-live table: the store's own record (its event log, read as its funnel export
 * reads it) against the model's prediction for the same personas and policy.
 *
 * - funnel: share of sessions that reached the cart, each checkout step and an order (predicted: the
 *   mean over personas of P(reach), from the hazards their leave steps are drawn from);
 * - abandonment: share of those who reached a step that left there (Σ P(leave) ÷ Σ P(reach));
 * - chat: share of sessions invited (the policy replayed on each planned walk), share of invited
 *   sessions that accepted (mean chat openness of the personas predicted invited), and for the queue
 *   the Erlang A figures (M/M/c+M, sim/analytic erlangA) with c = the desk's servers, the observed arrival
 *   rate of chat requests and mean handle time (inputs, not outputs, of the queue model) and the
 *   personas' patience: share abandoned in the queue, share not served within
 *   IMMEDIATE_SERVICE_SECONDS, mean wait, over the chats of the run's steady window
 *   (steadyChatWindow: the empty desk at the start and the drain at the end are no steady state).
 * Shares get Wilson intervals, the mean wait a t interval (widened by WAIT_RESOLUTION_SECONDS), each at the Bonferroni-corrected level so the
 * whole table holds at FAMILY_CONFIDENCE_LEVEL. A row agrees when the prediction lies in its interval.
 */
export function simLiveTable(
  predictions: readonly PersonaPrediction[],
  events: readonly StoreEvent[],
  checkoutSteps: readonly string[],
  desk: DeskSetup,
): SimLiveRow[] {
  const counts = new Map(funnelRows(events, checkoutSteps).map((row) => [`${row.kind}:${row.step ?? ""}`, row.count]));
  const count: StepCount = (kind, step = "") => counts.get(`${kind}:${step}`) ?? 0;
  const chats = chatRecord(events);
  const pending = [...funnelPending(predictions, count, checkoutSteps), ...chatPending(predictions, count("sessions"), chats, desk)];
  return withIntervals(pending, chats.waits);
}

/** A row before its interval: what was predicted and what to count against it. */
type PendingRow = Omit<SimLiveRow, "lower" | "upper" | "agree" | "observed">;
/** A count of the store's funnel export (`kind`, and `step` for per-step rows). */
type StepCount = (kind: string, step?: string) => number;

function sum(values: Iterable<number>): number {
  return [...values].reduce((total, value) => total + value, 0);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

/** The funnel and abandonment rows: the personas' reach and leave probabilities against the store's counts. */
function funnelPending(predictions: readonly PersonaPrediction[], count: StepCount, checkoutSteps: readonly string[]): PendingRow[] {
  const sessions = count("sessions");
  const steps = ["cart", ...checkoutSteps];
  const reached = steps.map(
    (step): PendingRow => ({
      group: "funnel",
      metric: `reached ${step}`,
      predicted: mean(predictions.map((p) => p.reach[step])),
      successes: count("reached", step),
      trials: sessions,
      interval: "wilson",
    }),
  );
  const ordered: PendingRow = {
    group: "funnel",
    metric: "ordered",
    predicted: mean(predictions.map((p) => p.reach.order)),
    successes: count("orders"),
    trials: sessions,
    interval: "wilson",
  };
  const left = steps.map((step): PendingRow => {
    const reachedSum = sum(predictions.map((p) => p.reach[step]));
    return {
      group: "abandonment",
      metric: `left at ${step}`,
      predicted: reachedSum === 0 ? 0 : sum(predictions.map((p) => p.leave[step])) / reachedSum,
      successes: count("abandoned", step),
      trials: count("reached", step),
      interval: "wilson",
    };
  });
  return [...reached, ordered, ...left];
}

/** The chat rows: invitations and acceptance from the personas, the queue from Erlang A on the observed load. */
function chatPending(predictions: readonly PersonaPrediction[], sessions: number, chats: ChatRecord, desk: DeskSetup): PendingRow[] {
  const invitedPredicted = predictions.filter((p) => p.invitations > 0);
  const queue = erlangA({
    arrivalRatePerSecond: chats.window.arrivalRatePerSecond,
    meanServiceSeconds: chats.handleSeconds.length > 0 ? mean(chats.handleSeconds) : desk.meanChatSeconds,
    meanPatienceSeconds: desk.meanPatienceSeconds,
    servers: desk.servers,
    targetSeconds: IMMEDIATE_SERVICE_SECONDS,
  });
  const queued = chats.waits.length;
  return [
    {
      group: "chat",
      metric: "invited (of sessions)",
      predicted: mean(predictions.map((p) => (p.invitations > 0 ? 1 : 0))),
      successes: chats.invitedSessions,
      trials: sessions,
      interval: "wilson",
    },
    {
      group: "chat",
      metric: "accepted (of invited sessions)",
      predicted: mean(invitedPredicted.map((p) => p.acceptProbability)),
      successes: chats.acceptedSessions,
      trials: chats.invitedSessions,
      interval: "wilson",
    },
    {
      group: "chat",
      metric: "abandoned the queue (of chats)",
      predicted: queue.probabilityOfAbandon,
      successes: chats.abandoned,
      trials: queued,
      interval: "wilson",
    },
    {
      group: "chat",
      metric: WAITED_METRIC,
      // Both sides count a chat as waiting unless an agent took it within IMMEDIATE_SERVICE_SECONDS: the
      // store's stamps cannot tell "at once" from a few milliseconds, and on a busy desk a slot frees
      // within that margin often enough (c / handle time × 0.05 s ≈ 6% of chats at 3 slots and 2.6 s)
      // to make P(wait > 0) the wrong figure to set against it. Erlang A's service level at that
      // threshold is P(served within it); everything else waited, the ones who gave up included.
      predicted: 1 - queue.serviceLevel,
      successes: chats.waited,
      trials: queued,
      interval: "wilson",
    },
    { group: "chat", metric: "mean wait, s", predicted: queue.meanWaitSeconds, successes: null, trials: queued, interval: "t" },
  ];
}

/** Each row's interval at the Bonferroni-corrected level of the rows that can be compared, and whether the prediction lies in it. */
function withIntervals(pending: readonly PendingRow[], waits: readonly number[]): SimLiveRow[] {
  const compared = pending.filter((row) => (row.interval === "t" ? row.trials >= 2 : row.trials > 0)).length;
  const level = 1 - (1 - FAMILY_CONFIDENCE_LEVEL) / Math.max(1, compared);
  return pending.map((row): SimLiveRow => {
    if (row.interval === "t") {
      if (row.trials < 2) return { ...row, observed: row.trials === 1 ? waits[0] : null, lower: null, upper: null, agree: null };
      const estimate = tInterval(waits, level);
      const lower = Math.max(0, estimate.lower! - WAIT_RESOLUTION_SECONDS);
      const upper = estimate.upper! + WAIT_RESOLUTION_SECONDS;
      return { ...row, observed: estimate.mean, lower, upper, agree: row.predicted >= lower && row.predicted <= upper };
    }
    if (row.trials === 0) return { ...row, observed: null, lower: null, upper: null, agree: null };
    const estimate = wilsonInterval(row.successes!, row.trials, level);
    return {
      ...row,
      observed: estimate.share,
      lower: estimate.lower,
      upper: estimate.upper,
      agree: row.predicted >= estimate.lower && row.predicted <= estimate.upper,
    };
  });
}
