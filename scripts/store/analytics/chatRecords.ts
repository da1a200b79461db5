import type { StoreEvent } from "../events/storeEvents.ts";

/** One chat an agent took, as the event log tells it (times in ms of the wall clock). */
export interface ChatRecord {
  chatId: string;
  sessionId: string;
  agentId: string;
  agentName: string;
  startedAtMs: number;
  /** Null while the chat is still open at the end of the log. */
  endedAtMs: number | null;
  waitSeconds: number;
  /** Seconds from the agent taking the chat to the agent's first message; null if it never wrote. */
  firstResponseSeconds: number | null;
  handleSeconds: number | null;
  endedBy: string | null;
  rating: number | null;
  ratingComment: string | null;
  /** Orders the chat's shopper placed after the chat started (the chat's "rescued" orders) and their totals. */
  orders: { orderId: string; total: number }[];
  messages: { from: string; author: string; text: string; atMs: number }[];
}

/**
 * The chats agents took, rebuilt from the event log in log order (the log is the record; this is
 * its projection for analytics and the transcript archive). A chat counts an order when its
 * shopper placed it after the chat started: the store's definition of an order the chat rescued.
 */
export function chatRecords(events: Iterable<StoreEvent>): ChatRecord[] {
  const chats = new Map<string, ChatRecord>();
  const bySession = new Map<string, ChatRecord[]>();
  for (const event of events) {
    switch (event.type) {
      case "chatStarted": {
        const record: ChatRecord = {
          chatId: event.chatId,
          sessionId: event.sessionId,
          agentId: event.agentId,
          agentName: event.agentName,
          startedAtMs: event.atMs,
          endedAtMs: null,
          waitSeconds: event.waitSeconds,
          firstResponseSeconds: null,
          handleSeconds: null,
          endedBy: null,
          rating: null,
          ratingComment: null,
          orders: [],
          messages: [],
        };
        chats.set(event.chatId, record);
        bySession.set(event.sessionId, [...(bySession.get(event.sessionId) ?? []), record]);
        break;
      }
      case "chatMessage":
      case "chatEnded":
      case "chatRated":
        applyToChat(chats.get(event.chatId), event);
        break;
      case "chatTransferred": {
        const record = chats.get(event.chatId);
        if (record) Object.assign(record, { agentId: event.toAgentId, agentName: event.toAgentName });
        break;
      }
      case "orderPlaced":
        for (const record of bySession.get(event.sessionId) ?? [])
          if (record.startedAtMs <= event.atMs) record.orders.push({ orderId: event.orderId, total: event.total });
        break;
      default:
        break;
    }
  }
  return [...chats.values()];
}

/** A chat event applied to its record (ignored for chats no agent took). */
function applyToChat(record: ChatRecord | undefined, event: Extract<StoreEvent, { type: "chatMessage" | "chatEnded" | "chatRated" }>): void {
  if (!record) return;
  if (event.type === "chatMessage") {
    record.messages.push({ from: event.from, author: event.author, text: event.text, atMs: event.atMs });
    if (event.from === "agent" && record.firstResponseSeconds === null) record.firstResponseSeconds = (event.atMs - record.startedAtMs) / 1000;
  } else if (event.type === "chatEnded") {
    record.endedAtMs = event.atMs;
    record.handleSeconds = event.handleSeconds;
    record.endedBy = event.endedBy;
  } else {
    record.rating = event.rating;
    record.ratingComment = event.comment;
  }
}
