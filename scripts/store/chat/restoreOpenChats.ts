import type { StoreEvent } from "../events/storeEvents.ts";
import { type Chat, type ChatMessage, queuedChat } from "./ChatDesk.ts";
import type { ChatService } from "./ChatService.ts";

/** Who may hold a restored chat: the display name of an account that still exists, else undefined. */
export type AccountName = (username: string) => string | undefined;

/** What `restoreOpenChats` did with the chats the log showed open. */
export interface RestoredChats {
  /** Back in the queue, in their old order, waits counted from their first request. */
  queued: number;
  /** Back with the person who held them. */
  active: number;
  /** Closed (`endedBy: "restart"`): held by a bot (bots are made afresh each start) or by a deleted account. */
  closed: number;
}

/**
 * After a restart (a crash included) the chats the event log shows open are rebuilt from their events
 * (request, start, messages, transfers) and put back on the desk: a queued chat keeps its place and its
 * waiting time; an active one goes back to the person holding it, whose console finds it on its next
 * connection (sessions survive restarts), as the shopper's widget does through its visit cookie. The
 * desk's system lines ("… joined the chat") are not logged and are rebuilt at their events' times.
 */
export function restoreOpenChats(
  chats: ChatService,
  events: readonly StoreEvent[],
  openChats: ReadonlyMap<string, string>,
  accountName: AccountName,
): RestoredChats {
  const built = new Map<string, Omit<Chat, "sequence">>();
  for (const event of events) {
    if (event.type === "storeStarted" || !("chatId" in event) || !openChats.has(event.chatId)) continue;
    const chat = built.get(event.chatId);
    const system = (text: string): ChatMessage => ({ from: "system", author: "", text, atMs: event.atMs });
    if (event.type === "chatRequested") {
      built.set(
        event.chatId,
        queuedChat(
          event.chatId,
          event.sessionId,
          event.source,
          event.priority,
          { step: event.step, cartValue: event.cartValue, device: event.device, ...(event.segment === undefined ? {} : { segment: event.segment }) },
          event.atMs,
        ),
      );
    } else if (chat === undefined) continue;
    else if (event.type === "chatStarted") {
      Object.assign(chat, { status: "active", agentId: event.agentId, startedAtMs: event.atMs });
      chat.messages.push(system(`${event.agentName} joined the chat`));
    } else if (event.type === "chatTransferred") {
      chat.agentId = event.toAgentId;
      chat.messages.push(system(`${event.toAgentName} took over the chat`));
    } else if (event.type === "chatMessage") chat.messages.push({ from: event.from, author: event.author, text: event.text, atMs: event.atMs });
  }
  const restored: RestoredChats = { queued: 0, active: 0, closed: 0 };
  const desk = chats.desk;
  for (const chat of built.values()) {
    const holderName = chat.agentId === null ? undefined : accountName(chat.agentId);
    if (chat.status === "active" && holderName === undefined) {
      chats.closeLeftOpen(chat.id, chat.sessionId);
      restored.closed++;
      continue;
    }
    // The holder is put at the desk as signing in would (deskAgent): online.
    if (chat.agentId !== null && !desk.agents.has(chat.agentId)) desk.addAgent(chat.agentId, holderName!, false, true);
    desk.restore(chat);
    restored[chat.status === "queued" ? "queued" : "active"]++;
  }
  return restored;
}
