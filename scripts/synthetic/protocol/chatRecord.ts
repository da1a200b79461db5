import type { StoreEvent } from "../../store/index.ts";
import { type SteadyChatWindow, steadyChatWindow } from "./steadyChatWindow.ts";

/**
 * Waits shorter than this count as served at once: the store stamps request and take in milliseconds
 * and, with a free slot, the bots take a chat within the request's own turn.
 */
export const IMMEDIATE_SERVICE_SECONDS = 0.05;

/** What the store's event log says about the chat desk, as the simulator-vs-live table reads it. */
export interface ChatRecord {
  /** Sessions offered a chat at least once, and sessions that accepted one. */
  invitedSessions: number;
  acceptedSessions: number;
  /** The steady window the queue figures are read over (steadyChatWindow). */
  window: SteadyChatWindow;
  /** Queue waits, real seconds, of the window's chats that were taken or gave up, in log order. */
  waits: number[];
  /** Of those, the ones that gave up in the queue. */
  abandoned: number;
  /** Of those, the ones not served within IMMEDIATE_SERVICE_SECONDS (those who gave up included). */
  waited: number;
  /** Handle times, real seconds, of chats the shopper ended (a chat cut short by the run's end is no handle time). */
  handleSeconds: number[];
}

/**
 * Reads the chat desk's record from the store's event log in one pass. Kept apart from the table so
 * that what counts as "waited" (the IMMEDIATE_SERVICE_SECONDS margin) is decided in one place.
 */
export function chatRecord(events: readonly StoreEvent[]): ChatRecord {
  const invitedSessions = new Set<string>();
  const acceptedSessions = new Set<string>();
  const window = steadyChatWindow(events);
  const waits: number[] = [];
  const handleSeconds: number[] = [];
  let abandoned = 0;
  let waited = 0;
  for (const event of events) {
    if (event.type === "chatOffered") invitedSessions.add(event.sessionId);
    else if (event.type === "chatAccepted") acceptedSessions.add(event.sessionId);
    else if ((event.type === "chatStarted" || event.type === "queueAbandoned") && window.chatIds.has(event.chatId)) {
      waits.push(event.waitSeconds);
      // The bots take a chat in the same turn as the request when a slot is free: a wait of 0.
      if (event.type === "queueAbandoned" || event.waitSeconds > IMMEDIATE_SERVICE_SECONDS) waited++;
      if (event.type === "queueAbandoned") abandoned++;
    } else if (event.type === "chatEnded" && event.endedBy === "shopper") handleSeconds.push(event.handleSeconds);
  }
  return { invitedSessions: invitedSessions.size, acceptedSessions: acceptedSessions.size, window, waits, abandoned, waited, handleSeconds };
}
