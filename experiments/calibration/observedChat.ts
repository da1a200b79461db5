import type { FunnelRow } from "./funnelCsv.ts";

/** Whole-period chat outcome counts (null: the data has no such row). Observed and simulated data both take this form. */
export interface ChatCounts {
  sessions: number | null;
  orders: number | null;
  invitationsShown: number | null;
  invitationsAccepted: number | null;
  chatRequests: number | null;
  chatsServed: number | null;
  chatsAbandoned: number | null;
  sessionsWithChat: number | null;
  ordersWithChat: number | null;
  holdoutSessions: number | null;
  holdoutOrders: number | null;
}

/** The CSV kind of each chat count. */
const KINDS: Record<keyof ChatCounts, FunnelRow["kind"]> = {
  sessions: "sessions",
  orders: "orders",
  invitationsShown: "invitations",
  invitationsAccepted: "invitationsAccepted",
  chatRequests: "chatRequests",
  chatsServed: "chatsServed",
  chatsAbandoned: "chatsAbandoned",
  sessionsWithChat: "sessionsWithChat",
  ordersWithChat: "ordersWithChat",
  holdoutSessions: "holdoutSessions",
  holdoutOrders: "holdoutOrders",
};

/**
 * Pairs of counts where the first can never exceed the second (a part and its whole), with the words
 * for the error: [part, whole, "part words", "whole words"].
 */
const PARTS: [keyof ChatCounts, keyof ChatCounts, string, string][] = [
  ["invitationsAccepted", "invitationsShown", "invitations accepted", "shown"],
  ["invitationsAccepted", "chatRequests", "invitations accepted", "chat requests (an accepted invitation joins the queue)"],
  ["chatsServed", "chatRequests", "chats served", "chat requests"],
  ["chatsAbandoned", "chatRequests", "chats abandoned", "chat requests"],
  ["ordersWithChat", "sessionsWithChat", "orders with chat", "sessions with chat"],
  ["ordersWithChat", "orders", "orders with chat", "orders"],
  ["sessionsWithChat", "sessions", "sessions with chat", "sessions"],
  ["holdoutOrders", "holdoutSessions", "holdout orders", "holdout sessions"],
  ["holdoutOrders", "orders", "holdout orders", "orders"],
  ["holdoutSessions", "sessions", "holdout sessions", "sessions"],
];

/**
 * The chat counts of funnel data, read with `count(kind)` (the whole-period count of a kind, or its
 * per-interval rows summed, null without rows). Pushes a problem for every count that cannot be: more
 * accepted than shown, more served or abandoned than requested, more orders than sessions in a group,
 * and served + abandoned above the requests.
 */
export function observedChat(count: (kind: FunnelRow["kind"]) => number | null, source: string, problems: string[]): ChatCounts {
  const counts = Object.fromEntries(Object.entries(KINDS).map(([key, kind]) => [key, count(kind)])) as unknown as ChatCounts;
  for (const [part, whole, partWords, wholeWords] of PARTS) {
    const [a, b] = [counts[part], counts[whole]];
    if (a !== null && b !== null && a > b)
      problems.push(`invalid ${source} counts: ${a} ${partWords} but only ${b} ${wholeWords} (${partWords} cannot exceed ${wholeWords.replace(/ \(.*$/, "")})`);
  }
  const { chatsServed: served, chatsAbandoned: abandoned, chatRequests: requests } = counts;
  if (served !== null && abandoned !== null && requests !== null && served + abandoned > requests) {
    problems.push(
      `invalid ${source} counts: ${served} chats served and ${abandoned} abandoned but only ${requests} chat requests (served + abandoned cannot exceed requests)`,
    );
  }
  return counts;
}

/** Sums chat counts (e.g. the replications of a simulation); a count is null only when null in every input. */
export function sumChatCounts(all: readonly ChatCounts[]): ChatCounts {
  const keys = Object.keys(KINDS) as (keyof ChatCounts)[];
  return Object.fromEntries(
    keys.map((key) => [key, all.reduce<number | null>((sum, counts) => (counts[key] === null ? sum : (sum ?? 0) + counts[key]!), null)]),
  ) as unknown as ChatCounts;
}

/** The chat outcome shares calibrate fits, each a binomial: `count` of `trials`. */
export const CHAT_TARGETS = ["acceptance", "reactiveRequests", "queueAbandonment", "chatConversion"] as const;
export type ChatTarget = (typeof CHAT_TARGETS)[number];

/** Words for each target, as the fit's rows name its outcome. */
export const CHAT_TARGET_LABELS: Record<ChatTarget, string> = {
  acceptance: "invitations accepted ÷ shown",
  reactiveRequests: "help requests ÷ sessions offered chat",
  queueAbandonment: "chats abandoned ÷ requests",
  chatConversion: "orders ÷ sessions with chat",
};

/**
 * A target's count and trials, or null when the data lacks a count it needs (or has no trials).
 * Help ("Need help?") requests are the queue joins that were not accepted invitations, per session
 * that could be offered chat (outside the holdout).
 */
export function chatTargetCounts(target: ChatTarget, counts: ChatCounts): { count: number; trials: number } | null {
  const pair = (count: number | null, trials: number | null) => (count === null || trials === null || trials <= 0 ? null : { count, trials });
  switch (target) {
    case "acceptance":
      return pair(counts.invitationsAccepted, counts.invitationsShown);
    case "reactiveRequests": {
      // Without an accepted count, help requests are known only when no invitation was shown.
      const accepted = counts.invitationsAccepted ?? ((counts.invitationsShown ?? 0) === 0 ? 0 : null);
      const help = counts.chatRequests === null || accepted === null ? null : Math.max(0, counts.chatRequests - accepted);
      return pair(help, counts.sessions === null ? null : counts.sessions - (counts.holdoutSessions ?? 0));
    }
    case "queueAbandonment":
      return pair(counts.chatsAbandoned, counts.chatRequests);
    case "chatConversion":
      return pair(counts.ordersWithChat, counts.sessionsWithChat);
  }
}

/** Chat counts of data without any chat row. */
export function emptyChatCounts(): ChatCounts {
  return observedChat(() => null, "", []);
}
