import type { StoreEvent } from "../../store/index.ts";

/** Share of chats whose time from their session's start bounds the warm-up (its 90th percentile). */
export const WARM_UP_QUANTILE = 0.9;

/** The stretch of a run over which the chat desk is compared with the steady-state queue. */
export interface SteadyChatWindow {
  /** Store milliseconds: from the first session's start plus the warm-up, to the last session's start. */
  startMs: number;
  endMs: number;
  /** The chats requested inside the window. */
  chatIds: ReadonlySet<string>;
  /** Chats requested in the window ÷ its length (the Poisson rate's maximum-likelihood estimate over a fixed span); 0 when empty. */
  arrivalRatePerSecond: number;
}

/**
 * The window of a protocol run in which chats arrive at a steady rate, so that a steady-state queue
 * (Erlang A) describes them: warm-up deletion at both ends. At the start the desk is empty and chats
 * only begin to come once sessions reach the pages that invite (the first `c` chats are always
 * served at once: three of 179 in a measured run, a third of its "served at once" count); after
 * the last session starts no new sessions feed the desk and it drains. The warm-up is the 90th
 * percentile of the time from a chat's session start to its request, measured in the same log.
 */
export function steadyChatWindow(events: readonly StoreEvent[]): SteadyChatWindow {
  const startedAtMs = new Map<string, number>();
  const requests: Array<{ chatId: string; atMs: number; sinceStartMs: number }> = [];
  for (const event of events) {
    if (event.type === "sessionStarted") startedAtMs.set(event.sessionId, event.atMs);
    else if (event.type === "chatRequested")
      requests.push({ chatId: event.chatId, atMs: event.atMs, sinceStartMs: event.atMs - (startedAtMs.get(event.sessionId) ?? event.atMs) });
  }
  const starts = [...startedAtMs.values()];
  if (requests.length === 0 || starts.length === 0) return { startMs: 0, endMs: 0, chatIds: new Set(), arrivalRatePerSecond: 0 };
  const delays = requests.map((request) => request.sinceStartMs).sort((a, b) => a - b);
  const warmUpMs = delays[Math.min(delays.length - 1, Math.floor(WARM_UP_QUANTILE * delays.length))];
  const startMs = Math.min(...starts) + warmUpMs;
  const endMs = Math.max(...starts);
  const inside = requests.filter((request) => request.atMs >= startMs && request.atMs <= endMs);
  const spanSeconds = (endMs - startMs) / 1000;
  return {
    startMs,
    endMs,
    chatIds: new Set(inside.map((request) => request.chatId)),
    arrivalRatePerSecond: spanSeconds > 0 ? inside.length / spanSeconds : 0,
  };
}
