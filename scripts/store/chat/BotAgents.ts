import { newId } from "../shop/newId.ts";
import type { Chat } from "./ChatDesk.ts";
import type { ChatService } from "./ChatService.ts";

export interface BotAgentsOptions {
  /** Seconds a bot waits before each reply (its greeting included): a typing delay. */
  replyDelaySeconds: number;
  /** Seconds after taking a chat at which the bot closes it. */
  handleSeconds: number;
  /** What the bots say; the first line greets, the rest answer shopper messages in turn. */
  lines: readonly string[];
}

/**
 * Automatic agents for unattended runs (`--auto-agents N`). They take queued chats as soon as they
 * have a free slot, always the least-loaded bot first (as the simulator assigns chats), greet after
 * the reply delay, answer each shopper message after the same delay, and close the chat after the
 * handle time. Timers are plain setTimeout, all cleared by `stop()`.
 */
export class BotAgents {
  readonly #chats: ChatService;
  readonly #options: BotAgentsOptions;
  readonly #timers = new Map<string, Set<NodeJS.Timeout>>();
  readonly #answered = new Map<string, number>();
  readonly #unsubscribe: () => void;
  #assigning = false;
  #stopped = false;

  constructor(chats: ChatService, count: number, options: BotAgentsOptions) {
    this.#chats = chats;
    this.#options = options;
    for (let i = 1; i <= count; i++) chats.desk.addAgent(newId("BOT"), `Bot ${i}`, true);
    this.#unsubscribe = chats.desk.onChange(() => this.#onChange());
    this.#onChange();
  }

  /** Puts `count` bots online (adding bots as needed) and the rest offline. */
  setOnline(count: number): void {
    const bots = [...this.#chats.desk.agents.values()].filter((agent) => agent.bot);
    for (let i = bots.length; i < count; i++) bots.push(this.#chats.desk.addAgent(newId("BOT"), `Bot ${i + 1}`, true));
    bots.forEach((bot, index) => {
      if (bot.online !== index < count) this.#chats.desk.setOnline(bot.id, index < count);
    });
  }

  stop(): void {
    this.#stopped = true;
    this.#unsubscribe();
    for (const timers of this.#timers.values()) for (const timer of timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #onChange(): void {
    // Taking a chat changes the desk and calls back here: guard against re-entry.
    if (this.#assigning || this.#stopped) return;
    this.#assigning = true;
    try {
      this.#assignQueued();
      this.#answerShoppers();
    } finally {
      this.#assigning = false;
    }
  }

  #assignQueued(): void {
    const desk = this.#chats.desk;
    for (;;) {
      // Standard chats wait while only reserved slots are free (desk.reservation).
      if (desk.nextTakeable() === undefined) return;
      const free = [...desk.agents.values()].filter((agent) => agent.bot && agent.online && agent.chats.size < desk.options.concurrency);
      if (free.length === 0) return;
      free.sort((a, b) => a.chats.size - b.chats.size);
      const chat = this.#chats.take(free[0].id);
      this.#answered.set(chat.id, 0);
      this.#later(chat, this.#options.replyDelaySeconds, () => this.#say(chat));
      this.#later(chat, this.#options.handleSeconds, () => this.#chats.close(chat.agentId!, chat.id));
    }
  }

  /** Schedules a reply for every bot chat with shopper messages not yet answered. */
  #answerShoppers(): void {
    for (const [chatId, answered] of this.#answered) {
      const chat = this.#chats.desk.chats.get(chatId);
      if (!chat || chat.status === "ended") {
        this.#forget(chatId);
        continue;
      }
      const fromShopper = chat.messages.filter((message) => message.from === "shopper").length;
      if (fromShopper > answered) {
        this.#answered.set(chatId, fromShopper);
        this.#later(chat, this.#options.replyDelaySeconds, () => this.#say(chat));
      }
    }
  }

  #say(chat: Chat): void {
    if (chat.status !== "active") return;
    const agent = this.#chats.desk.agents.get(chat.agentId!)!;
    const spoken = chat.messages.filter((message) => message.from === "agent").length;
    const { lines } = this.#options;
    const line = spoken === 0 ? lines[0] : (lines[1 + ((spoken - 1) % Math.max(1, lines.length - 1))] ?? lines[0]);
    this.#chats.post(chat.id, "agent", agent.name, line);
  }

  #later(chat: Chat, seconds: number, action: () => void): void {
    let timers = this.#timers.get(chat.id);
    if (!timers) {
      timers = new Set();
      this.#timers.set(chat.id, timers);
    }
    const timer = setTimeout(() => {
      timers!.delete(timer);
      if (!this.#stopped && chat.status === "active") action();
    }, seconds * 1000);
    timer.unref();
    timers.add(timer);
  }

  #forget(chatId: string): void {
    for (const timer of this.#timers.get(chatId) ?? []) clearTimeout(timer);
    this.#timers.delete(chatId);
    this.#answered.delete(chatId);
  }
}
