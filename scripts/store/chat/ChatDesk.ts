import {
  type ChatSource,
  type DeskReservation,
  type Device,
  holdsReservation,
  isDeskOpen,
  liveSegment,
  mayTakeSlot,
  type OpeningHours,
  type QueueState,
  type SegmentProfile,
  type VisitorTraits,
  wallClock,
} from "../../../sim/policy/index.ts";
import { StoreError } from "../shop/StoreError.ts";

/** One line of a chat transcript. `text` is untrusted and must be escaped wherever it is shown. */
export interface ChatMessage {
  from: "shopper" | "agent" | "system";
  author: string;
  text: string;
  atMs: number;
}

/** What the agent sees about the shopper when the chat was requested. */
export interface ChatContext {
  step: string;
  cartValue: number;
  device: Device;
  /** The scenario segment the visitor most likely belongs to (sim/policy liveSegment); null: unknown or not asked for. */
  segment?: string | null;
}

/** One conversation, from the queue to its end. */
export interface Chat {
  readonly id: string;
  readonly sessionId: string;
  readonly source: ChatSource;
  /** Higher is served first under the priority discipline (see sim/policy chatPriority). */
  readonly priority: number;
  readonly context: ChatContext;
  readonly requestedAtMs: number;
  /** Arrival order; ties in priority are served first come, first served. */
  readonly sequence: number;
  status: "queued" | "active" | "ended";
  agentId: string | null;
  startedAtMs: number | null;
  endedAtMs: number | null;
  /** "disconnected": the shopper's page stopped listening (closed tab, lost network) for longer than the grace time. */
  endedBy: "agent" | "shopper" | "restart" | "disconnected" | null;
  readonly messages: ChatMessage[];
  /** The shopper's post-chat rating (1–5), once given. */
  rating: number | null;
  /** Until when (ms) each side shows as typing; ephemeral, never logged. */
  readonly typingUntilMs: { shopper: number; agent: number };
}

/** A chat as it joins the queue (its `sequence` is the desk's to give). */
export function queuedChat(
  id: string,
  sessionId: string,
  source: ChatSource,
  priority: number,
  context: ChatContext,
  requestedAtMs: number,
): Omit<Chat, "sequence"> {
  return {
    id,
    sessionId,
    source,
    priority,
    context,
    requestedAtMs,
    status: "queued",
    agentId: null,
    startedAtMs: null,
    endedAtMs: null,
    endedBy: null,
    messages: [],
    rating: null,
    typingUntilMs: { shopper: 0, agent: 0 },
  };
}

/** An agent's presence as the console and the team see it. */
export type Presence = "online" | "away" | "offline";

/** online/away/offline from the agent's two flags. */
export function presenceOf(agent: Agent): Presence {
  return !agent.online ? "offline" : agent.away ? "away" : "online";
}

/** Seconds a typing signal lasts unless renewed (clients renew it every few seconds while typing). */
export const TYPING_SECONDS = 6;

/** A signed-in agent (a person at the console, or a bot). */
export interface Agent {
  readonly id: string;
  readonly name: string;
  readonly bot: boolean;
  online: boolean;
  /**
   * Away: signed in and online, finishing the chats held, but taking no new ones and counting for
   * no capacity (a break). Presence is "away" when online and away, else online/offline.
   */
  away: boolean;
  /** Ids of the active chats this agent holds. */
  readonly chats: Set<string>;
}

/** How the desk computes capacity, waits and queue order. */
export interface ChatDeskOptions {
  /** Chats one agent holds at once (the scenario's agents.concurrency). */
  concurrency: number;
  /** Mean handle time in seconds, for the predicted wait (the scenario's chat.handleSeconds mean). */
  meanHandleSeconds: number;
  discipline: "fifo" | "priority";
  /** The scenario's desk.openingHours, read on the server's local clock (null: always open). */
  openingHours?: OpeningHours | null;
  /**
   * The scenario's desk.reservation (null: none): the simulator's mayTakeSlot decides which queued
   * chat may take a slot, with the cart value and the visitor's segment (its `segments`), as in the simulator.
   */
  reservation?: DeskReservation | null;
  /** The scenario's segments, from which a visitor's segment is read (sim/policy liveSegment); only a reservation naming segments uses them. */
  segments?: readonly SegmentProfile[];
  now: () => number;
}

/**
 * The live chat desk: agents, the queue and the chats. It computes the queue state exactly as the
 * simulator's ChatCenter does (sim/model/ChatCenter.ts queueState), so the widget's gating sees the
 * same quantities the simulated policy saw. It records nothing itself; ChatService logs each change.
 */
export class ChatDesk {
  readonly options: ChatDeskOptions;
  readonly agents = new Map<string, Agent>();
  readonly chats = new Map<string, Chat>();
  readonly #queued = new Set<Chat>();
  readonly #listeners = new Set<() => void>();
  #sequence = 0;

  constructor(options: ChatDeskOptions) {
    this.options = options;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  addAgent(id: string, name: string, bot: boolean, online = true): Agent {
    const agent: Agent = { id, name, bot, online, away: false, chats: new Set() };
    this.agents.set(id, agent);
    this.#changed();
    return agent;
  }

  /** An agent going offline keeps the chats it holds until they end (like a simulated shift end). */
  setOnline(agentId: string, online: boolean): Agent {
    return this.setPresence(agentId, online ? "online" : "offline");
  }

  /** Sets presence: "away" keeps the agent online with its chats but out of capacity and taking. */
  setPresence(agentId: string, presence: Presence): Agent {
    const agent = this.#agent(agentId);
    agent.online = presence !== "offline";
    agent.away = presence === "away";
    this.#changed();
    return agent;
  }

  /** Marks one side of an open chat as typing (for TYPING_SECONDS) or not. */
  setTyping(chatId: string, side: "shopper" | "agent", typing: boolean): void {
    const chat = this.chat(chatId);
    if (chat.status === "ended") return;
    chat.typingUntilMs[side] = typing ? this.options.now() + TYPING_SECONDS * 1000 : 0;
    this.#changed();
  }

  /** Whether `side` of the chat shows as typing now. */
  isTyping(chat: Chat, side: "shopper" | "agent"): boolean {
    return chat.typingUntilMs[side] > this.options.now();
  }

  /** Online agents not away × concurrency. */
  get capacity(): number {
    let online = 0;
    for (const agent of this.agents.values()) if (agent.online && !agent.away) online++;
    return online * this.options.concurrency;
  }

  get activeChats(): number {
    let active = 0;
    for (const agent of this.agents.values()) active += agent.chats.size;
    return active;
  }

  /**
   * The desk as a trigger policy sees it: free slots = capacity − chats in service (never below 0),
   * the queue length, and the predicted wait of a newcomer: 0 with a free slot, else
   * (queueLength + 1) × meanHandleSeconds ÷ capacity, Infinity with nobody online.
   */
  queueState(): QueueState {
    const capacity = this.capacity;
    const freeSlots = Math.max(0, capacity - this.activeChats);
    const queueLength = this.#queued.size;
    const predictedWaitSeconds = freeSlots > 0 ? 0 : capacity === 0 ? Infinity : ((queueLength + 1) * this.options.meanHandleSeconds) / capacity;
    return this.isOpen() ? { freeSlots, queueLength, predictedWaitSeconds } : { freeSlots, queueLength, predictedWaitSeconds, closed: true };
  }

  /** Whether the desk is inside its opening hours now (the simulator's isDeskOpen on the local clock). */
  isOpen(): boolean {
    return isDeskOpen(this.options.openingHours ?? null, wallClock(this.options.now()));
  }

  /** Free slots of the agents taking chats: online, not away, each concurrency − chats held. */
  get freeSlots(): number {
    let free = 0;
    for (const agent of this.agents.values()) if (agent.online && !agent.away) free += Math.max(0, this.options.concurrency - agent.chats.size);
    return free;
  }

  /** The chat holds the reservation (its cart is at least minCartValue, or its segment is named; sim/policy holdsReservation). */
  isHighValue(chat: Chat): boolean {
    return holdsReservation(this.options.reservation ?? null, { cartValue: chat.context.cartValue, segment: chat.context.segment ?? null });
  }

  /**
   * The visitor's segment as the reservation reads it: the scenario segment most likely for its device
   * and returning status (sim/policy liveSegment), when the reservation names segments; else null (not needed).
   */
  segmentOf(visitor: VisitorTraits): string | null {
    const rule = this.options.reservation ?? null;
    return rule === null || rule.segments.length === 0 ? null : liveSegment(this.options.segments ?? [], visitor);
  }

  /** Whether `chat` may take a slot now under the reservation (sim/policy mayTakeSlot, as the simulator's desk). */
  mayTake(chat: Chat): boolean {
    return mayTakeSlot(this.options.reservation ?? null, this.freeSlots, this.isHighValue(chat));
  }

  /** The first queued chat that may take a slot now (standard chats wait while only reserved slots are free). */
  nextTakeable(): Chat | undefined {
    return this.queue().find((chat) => this.mayTake(chat));
  }

  /** Queued chats in the order they will be served. */
  queue(): Chat[] {
    const byPriority = this.options.discipline === "priority";
    return [...this.#queued].sort((a, b) => (byPriority ? b.priority - a.priority : 0) || a.sequence - b.sequence);
  }

  /** 1-based place in the queue, or null when the chat is not queued. */
  position(chatId: string): number | null {
    const index = this.queue().findIndex((chat) => chat.id === chatId);
    return index < 0 ? null : index + 1;
  }

  /**
   * Expected wait of a queued chat at `position`: position × meanHandleSeconds ÷ capacity (the
   * predicted-wait formula applied to its place), Infinity with nobody online.
   */
  expectedWaitSeconds(position: number): number {
    const capacity = this.capacity;
    if (this.queueState().freeSlots > 0 && position === 1) return 0;
    return capacity === 0 ? Infinity : (position * this.options.meanHandleSeconds) / capacity;
  }

  request(id: string, sessionId: string, source: ChatSource, priority: number, context: ChatContext): Chat {
    const chat: Chat = { ...queuedChat(id, sessionId, source, priority, context, this.options.now()), sequence: this.#sequence++ };
    this.chats.set(id, chat);
    this.#queued.add(chat);
    this.#changed();
    return chat;
  }

  /**
   * Puts back a chat rebuilt from the event log after a restart (`restoreOpenChats`): queued chats
   * keep their place (they are restored in request order), an active one goes back to its agent,
   * who must already be at the desk. Concurrency is not checked: the agent held it before.
   */
  restore(chat: Omit<Chat, "sequence">): Chat {
    const restored: Chat = { ...chat, sequence: this.#sequence++ };
    this.chats.set(restored.id, restored);
    if (restored.status === "queued") this.#queued.add(restored);
    else if (restored.status === "active") this.#agent(restored.agentId!).chats.add(restored.id);
    this.#changed();
    return restored;
  }

  /** The agent takes `chatId`, or the head of the queue when no id is given. */
  take(agentId: string, chatId?: string): Chat {
    const agent = this.#agent(agentId);
    if (!agent.online || agent.away) throw new StoreError(409, `invalid take: agent ${agent.name} is ${presenceOf(agent)} (go online first)`);
    if (agent.chats.size >= this.options.concurrency) {
      throw new StoreError(409, `invalid take: agent ${agent.name} holds ${agent.chats.size} chats (concurrency limit ${this.options.concurrency})`);
    }
    const chat = chatId === undefined ? (this.nextTakeable() ?? this.queue()[0]) : this.chats.get(chatId);
    if (!chat)
      throw new StoreError(
        chatId === undefined ? 409 : 404,
        chatId === undefined ? "invalid take: the queue is empty" : `invalid chatId: ${JSON.stringify(chatId)} (no such chat)`,
      );
    if (chat.status !== "queued") throw new StoreError(409, `invalid take: chat ${chat.id} is ${chat.status} (only queued chats can be taken)`);
    if (!this.mayTake(chat)) {
      const rule = this.options.reservation!;
      const holders = [
        ...(rule.minCartValue === null ? [] : [`carts of at least ${rule.minCartValue}`]),
        ...(rule.segments.length === 0 ? [] : [`segments ${rule.segments.join(", ")}`]),
      ].join(" or ");
      const segment = rule.segments.length === 0 ? "" : ` and segment ${chat.context.segment ?? "unknown"}`;
      throw new StoreError(
        409,
        `invalid take: chat ${chat.id} has a cart of ${chat.context.cartValue}${segment} (the last ${rule.slots} free slots are kept for ${holders}; ${this.freeSlots} free)`,
      );
    }
    this.#queued.delete(chat);
    chat.status = "active";
    chat.agentId = agent.id;
    chat.startedAtMs = this.options.now();
    agent.chats.add(chat.id);
    this.#changed();
    return chat;
  }

  /** Moves an active chat from the agent holding it to `toAgentId` (online, with a free slot). */
  transfer(chatId: string, fromAgentId: string, toAgentId: string): Chat {
    const chat = this.chat(chatId);
    if (chat.status !== "active" || chat.agentId !== fromAgentId) throw new StoreError(403, `invalid transfer: chat ${chat.id} is not held by this agent`);
    const to = this.#agent(toAgentId);
    if (to.id === fromAgentId) throw new StoreError(409, "invalid transfer: the chat is already yours");
    if (!to.online || to.away || to.chats.size >= this.options.concurrency)
      throw new StoreError(
        409,
        `invalid transfer: ${to.name} is ${to.online && !to.away ? `at the concurrency limit (${this.options.concurrency})` : presenceOf(to)}`,
      );
    this.agents.get(fromAgentId)?.chats.delete(chat.id);
    to.chats.add(chat.id);
    chat.agentId = to.id;
    this.#changed();
    return chat;
  }

  addMessage(chatId: string, message: Omit<ChatMessage, "atMs">, atMs = this.options.now()): ChatMessage {
    const chat = this.chat(chatId);
    if (chat.status === "ended") throw new StoreError(409, `invalid message: chat ${chat.id} has ended`);
    const stamped = { ...message, atMs };
    chat.messages.push(stamped);
    // A message sent ends its author's typing.
    if (message.from !== "system") chat.typingUntilMs[message.from] = 0;
    this.#changed();
    return stamped;
  }

  /** Ends a chat, queued or active. Ending an ended chat is a no-op. */
  end(chatId: string, endedBy: NonNullable<Chat["endedBy"]>): Chat {
    const chat = this.chat(chatId);
    if (chat.status === "ended") return chat;
    this.#queued.delete(chat);
    if (chat.agentId !== null) this.agents.get(chat.agentId)?.chats.delete(chat.id);
    chat.status = "ended";
    chat.endedAtMs = this.options.now();
    chat.endedBy = endedBy;
    this.#changed();
    return chat;
  }

  /** Tells listeners something about a chat changed that the desk does not track (a rating). */
  touch(): void {
    this.#changed();
  }

  chat(chatId: string): Chat {
    const chat = this.chats.get(chatId);
    if (!chat) throw new StoreError(404, `invalid chatId: ${JSON.stringify(chatId)} (no such chat)`);
    return chat;
  }

  #agent(agentId: string): Agent {
    const agent = this.agents.get(agentId);
    if (!agent) throw new StoreError(404, `invalid agentId: ${JSON.stringify(agentId)} (no such agent; sign in again)`);
    return agent;
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
