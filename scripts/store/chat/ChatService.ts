import { type ChatSource, chatPriority, type Device, type ResolvedPolicy, type Signals } from "../../../sim/policy/index.ts";
import type { Session } from "../events/StoreState.ts";
import { newId } from "../shop/newId.ts";
import { StoreError } from "../shop/StoreError.ts";
import type { StoreService } from "../shop/StoreService.ts";
import { type Chat, type ChatDesk, type ChatMessage, TYPING_SECONDS } from "./ChatDesk.ts";

/** Longest chat message accepted, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

/** A shopper's view of their chat, sent to the widget. */
export interface ShopperChatView {
  id: string;
  status: Chat["status"];
  /** 1-based queue place while queued. */
  position: number | null;
  /** While queued; Infinity when no agent is online. */
  expectedWaitSeconds: number | null;
  agentName: string | null;
  endedBy: Chat["endedBy"];
  messages: ChatMessage[];
  /** The shopper's rating once given; the widget asks for one after a chat with an agent ends. */
  rating: number | null;
  /** The agent is typing (the widget shows "… is typing"). */
  agentTyping: boolean;
}

/** A queued chat as the agent console lists it. */
export interface QueueItemView {
  id: string;
  priority: number;
  source: ChatSource;
  step: string;
  cartValue: number;
  device: Device;
  waitingSeconds: number;
  /** The shopper's first message, if they wrote while waiting. */
  preview: string | null;
}

/**
 * Chat operations as the store performs them: each changes the desk and commits the matching
 * event (chatRequested, chatStarted, chatMessage, chatEnded, queueAbandoned), so the log holds the
 * whole chat history and the visit's inChat state survives a restart.
 */
export class ChatService {
  readonly desk: ChatDesk;
  readonly #store: StoreService;
  readonly #policy: ResolvedPolicy;
  /** When this store process started (ms): no shopper can have been seen by it before. */
  readonly #startedAtMs: number;

  constructor(desk: ChatDesk, store: StoreService, policy: ResolvedPolicy) {
    this.desk = desk;
    this.#store = store;
    this.#policy = policy;
    this.#startedAtMs = store.now();
  }

  /**
   * The shopper joins the queue, by the "Need help?" button or by accepting invitation `source.rule`.
   * Priority is the policy's chatPriority with the server's own cart value.
   */
  request(session: Session, source: ChatSource, signals: Signals): Chat {
    if (session.openChatId !== null) throw new StoreError(409, `invalid chat request: already in chat ${session.openChatId}`);
    if (!this.desk.isOpen()) throw new StoreError(409, "invalid chat request: the desk is closed (leave a message instead)");
    const cartValue = this.#store.cartValue(session);
    let priority: number;
    try {
      priority = chatPriority(this.#policy, { ...signals, cartValue }, source);
    } catch (error) {
      throw new StoreError(422, error instanceof Error ? error.message : String(error));
    }
    const chatId = newId("CHAT");
    if (source.kind === "proactive") this.#store.commit({ type: "chatAccepted", sessionId: session.id, step: signals.step, rule: source.rule, chatId });
    // The segment is logged only when the reservation reads it, so other stores' logs stay as they were.
    const segment = this.desk.segmentOf(signals);
    const withSegment = segment === null ? {} : { segment };
    this.#store.commit({
      type: "chatRequested",
      sessionId: session.id,
      chatId,
      source,
      priority,
      step: signals.step,
      cartValue,
      device: signals.device,
      ...withSegment,
    });
    return this.desk.request(chatId, session.id, source, priority, { step: signals.step, cartValue, device: signals.device, ...withSegment });
  }

  /** A message left from the help form while the desk is closed (the simulator's offline message). */
  leaveOfflineMessage(session: Session, step: string, text: unknown): void {
    const message = checkedText(text);
    this.#store.commit({ type: "offlineMessage", sessionId: session.id, step, text: message });
  }

  take(agentId: string, chatId?: string): Chat {
    const chat = this.desk.take(agentId, chatId);
    const agent = this.desk.agents.get(agentId)!;
    const started = this.#store.commit({
      type: "chatStarted",
      sessionId: chat.sessionId,
      chatId: chat.id,
      agentId,
      agentName: agent.name,
      waitSeconds: seconds(chat.startedAtMs! - chat.requestedAtMs),
    });
    // Stamped with the event's time, so a restart that rebuilds this line from the log gives it the same time.
    this.desk.addMessage(chat.id, { from: "system", author: "", text: `${agent.name} joined the chat` }, started.atMs);
    return chat;
  }

  /** A message from the shopper (their own open chat) or from the agent holding the chat. */
  post(chatId: string, from: "shopper" | "agent", author: string, text: unknown): ChatMessage {
    const message = checkedText(text);
    const chat = this.desk.chat(chatId);
    const posted = this.desk.addMessage(chatId, { from, author, text: message });
    const logged = this.#store.commit({ type: "chatMessage", sessionId: chat.sessionId, chatId, from, author, text: message });
    // The logged time is the record (a restart rebuilds the transcript from it): the desk's copy agrees to the millisecond.
    posted.atMs = logged.atMs;
    return posted;
  }

  /** An agent closes a chat they hold. */
  close(agentId: string, chatId: string): Chat {
    const chat = this.desk.chat(chatId);
    if (chat.agentId !== agentId) throw new StoreError(403, `invalid close: chat ${chatId} is not held by this agent`);
    return this.#end(chat, "agent");
  }

  /** The shopper leaves: gives up waiting (queueAbandoned) or ends an active chat. */
  leave(session: Session): Chat | null {
    if (session.openChatId === null) return null;
    const chat = this.desk.chats.get(session.openChatId);
    if (!chat) return null;
    if (chat.status === "queued") {
      this.desk.end(chat.id, "shopper");
      this.#store.commit({ type: "queueAbandoned", sessionId: session.id, chatId: chat.id, waitSeconds: seconds(this.#store.now() - chat.requestedAtMs) });
      return chat;
    }
    return this.#end(chat, "shopper");
  }

  /**
   * One side of an open chat is typing (or stopped). Not logged: it is a live hint. The views are
   * refreshed again when the signal runs out, so a client that stops sending it stops showing.
   */
  typing(chatId: string, side: "shopper" | "agent", typing: boolean): void {
    this.desk.setTyping(chatId, side, typing);
    if (typing) setTimeout(() => this.desk.touch(), TYPING_SECONDS * 1000 + 100).unref();
  }

  /** The holding agent hands an active chat to another agent; the shopper sees who took over. */
  transfer(fromAgentId: string, chatId: string, toAgentId: string): Chat {
    const chat = this.desk.transfer(chatId, fromAgentId, toAgentId);
    const to = this.desk.agents.get(toAgentId)!;
    const transferred = this.#store.commit({
      type: "chatTransferred",
      sessionId: chat.sessionId,
      chatId: chat.id,
      fromAgentId,
      toAgentId,
      toAgentName: to.name,
    });
    this.desk.addMessage(chat.id, { from: "system", author: "", text: `${to.name} took over the chat` }, transferred.atMs);
    return chat;
  }

  /** The shopper rates their own ended chat with an agent, once. */
  rate(session: Session, chatId: string, rating: number, comment: string): Chat {
    const chat = this.desk.chats.get(chatId);
    if (!chat || chat.sessionId !== session.id) throw new StoreError(404, `invalid chatId: ${JSON.stringify(chatId)} (no such chat in this visit)`);
    if (chat.status !== "ended" || chat.agentId === null)
      throw new StoreError(
        409,
        `invalid rating: chat ${chat.id} is ${chat.status === "ended" ? "not one an agent took" : chat.status} (rate a chat with an agent after it ends)`,
      );
    if (chat.rating !== null) throw new StoreError(409, `invalid rating: chat ${chat.id} is already rated`);
    chat.rating = rating;
    this.#store.commit({ type: "chatRated", sessionId: session.id, chatId: chat.id, agentId: chat.agentId, rating, comment: comment.trim() });
    this.desk.touch();
    return chat;
  }

  shopperView(session: Session): ShopperChatView | null {
    const chatId = session.openChatId ?? null;
    const chat = chatId === null ? undefined : this.desk.chats.get(chatId);
    return chat ? this.viewOf(chat) : null;
  }

  viewOf(chat: Chat): ShopperChatView {
    const position = chat.status === "queued" ? this.desk.position(chat.id) : null;
    return {
      id: chat.id,
      status: chat.status,
      position,
      expectedWaitSeconds: position === null ? null : this.desk.expectedWaitSeconds(position),
      agentName: chat.agentId === null ? null : (this.desk.agents.get(chat.agentId)?.name ?? null),
      endedBy: chat.endedBy,
      messages: chat.messages,
      rating: chat.rating,
      agentTyping: chat.status === "active" && this.desk.isTyping(chat, "agent"),
    };
  }

  queueItems(): QueueItemView[] {
    const now = this.#store.now();
    return this.desk.queue().map((chat) => ({
      id: chat.id,
      priority: chat.priority,
      source: chat.source,
      step: chat.context.step,
      cartValue: chat.context.cartValue,
      device: chat.context.device,
      waitingSeconds: seconds(now - chat.requestedAtMs),
      preview: chat.messages.find((message) => message.from === "shopper")?.text.slice(0, 140) ?? null,
    }));
  }

  /** Closes a chat the log shows open but that cannot be restored (`restoreOpenChats`): `endedBy` "restart". */
  closeLeftOpen(chatId: string, sessionId: string): void {
    this.#store.commit({ type: "chatEnded", sessionId, chatId, endedBy: "restart", handleSeconds: 0 });
  }

  /**
   * Ends every open chat whose shopper has not been connected (`lastSeenMs`, null = never) for
   * `graceSeconds`: a queued one as abandoned, an active one as "disconnected". So a closed tab
   * never leaves a chat queued forever or an agent holding a dead conversation.
   */
  endDisconnected(lastSeenMs: (sessionId: string) => number | null, graceSeconds: number): Chat[] {
    const now = this.#store.now();
    const gone: Chat[] = [];
    for (const chat of this.desk.chats.values()) {
      if (chat.status === "ended") continue;
      // A chat restored after a restart gets the full grace time for its shopper to reconnect.
      const seen = lastSeenMs(chat.sessionId) ?? chat.requestedAtMs;
      if (now - Math.max(seen, chat.requestedAtMs, this.#startedAtMs) < graceSeconds * 1000) continue;
      if (chat.status === "queued") {
        this.desk.end(chat.id, "disconnected");
        this.#store.commit({ type: "queueAbandoned", sessionId: chat.sessionId, chatId: chat.id, waitSeconds: seconds(now - chat.requestedAtMs) });
      } else this.#end(chat, "disconnected");
      gone.push(chat);
    }
    return gone;
  }

  #end(chat: Chat, endedBy: "agent" | "shopper" | "disconnected"): Chat {
    if (chat.status === "ended") return chat;
    const startedAtMs = chat.startedAtMs;
    this.desk.end(chat.id, endedBy);
    this.#store.commit({
      type: "chatEnded",
      sessionId: chat.sessionId,
      chatId: chat.id,
      endedBy,
      handleSeconds: startedAtMs === null ? 0 : seconds(chat.endedAtMs! - startedAtMs),
    });
    return chat;
  }
}

function seconds(milliseconds: number): number {
  return Math.round(milliseconds) / 1000;
}

// Chat text as posted: trimmed, not empty, at most MAX_MESSAGE_LENGTH characters.
function checkedText(text: unknown): string {
  const message = typeof text === "string" ? text.trim() : "";
  if (message === "") throw new StoreError(422, "invalid text: empty (write a message)");
  if (message.length > MAX_MESSAGE_LENGTH) throw new StoreError(422, `invalid text: ${message.length} characters (must be at most ${MAX_MESSAGE_LENGTH})`);
  return message;
}
