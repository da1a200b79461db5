// The agent console's script (bundled into /assets/agent.js): renders the live view the server
// streams (queue, own chats, team capacity) and sends the agent's actions. All chat text goes in
// through textContent: shopper messages are untrusted.

import { DATA_TEST } from "../dataTestAttributes.ts";
import { nonFiniteReviver } from "../events/nonFiniteJson.ts";
import { formatMoney } from "../pages/formatMoney.ts";
import { formatWait } from "../widget/formatWait.ts";
import { callApi } from "../widget/widgetApi.ts";

interface Message {
  from: "shopper" | "agent" | "system";
  author: string;
  text: string;
  atMs: number;
}
interface ConsoleView {
  currency: string;
  agent: { id: string; name: string; online: boolean; presence: "online" | "away" | "offline"; load: number; concurrency: number };
  team: { freeSlots: number; queueLength: number; predictedWaitSeconds: number; capacity: number; online: number; away: number };
  transferTo: { id: string; name: string }[];
  cannedReplies: string[];
  queue: {
    id: string;
    priority: number;
    source: { kind: string; rule?: string };
    step: string;
    cartValue: number;
    device: string;
    waitingSeconds: number;
    preview: string | null;
  }[];
  chats: {
    id: string;
    context: { step: string; cartValue: number; device: string };
    live: { step: string | null; cartValue: number; orders: number; ordersTotal: number } | null;
    source: { kind: string; rule?: string };
    priority: number;
    messages: Message[];
    shopperTyping: boolean;
  }[];
}

/** HH:MM:SS in the agent's own time zone. */
function clockTime(atMs: number): string {
  return new Date(atMs).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
}

/** A short two-tone chime through Web Audio (no sound file to load); silent where audio is blocked. */
function chime(): void {
  try {
    const audio = new AudioContext();
    [880, 660].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.value = 0.08;
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + i * 0.18);
      tone.stop(audio.currentTime + i * 0.18 + 0.15);
    });
  } catch {
    // Autoplay rules may refuse audio before the first click; the title badge still shows.
  }
}

/** Sends an action; a refusal shows in the status line. */
type Act = (promise: Promise<unknown>) => void;

function main(): void {
  const consoleRoot = document.querySelector<HTMLElement>(`[data-test="${DATA_TEST.agentConsole}"]`);
  if (!consoleRoot) return;
  const status = find(DATA_TEST.agentStatus);
  const toggle = find(DATA_TEST.agentOnlineToggle) as HTMLButtonElement;
  const away = find(DATA_TEST.agentAwayToggle) as HTMLButtonElement;
  const capacity = find(DATA_TEST.agentCapacity);
  const queueState = find(DATA_TEST.agentQueueState);
  const queueList = document.getElementById("queue")!;
  const chatsRoot = document.getElementById("chats")!;
  let current: ConsoleView | null = null;
  let receivedAtMs = Date.now();
  const drafts: Drafts = { text: new Map(), lastTypingMs: new Map() };
  const announce = queueAnnouncer();
  const act: Act = (promise) => {
    promise.catch((error: unknown) => {
      status.textContent = error instanceof Error ? error.message : String(error);
    });
  };
  tickWaits(queueList, () => receivedAtMs);
  bindShortcuts(() => current, act);
  toggle.addEventListener("click", () => {
    if (current) act(callApi("POST", "/api/agent/status", { online: !current.agent.online }));
  });
  away.addEventListener("click", () => {
    if (current) act(callApi("POST", "/api/agent/status", { presence: current.agent.presence === "away" ? "online" : "away" }));
  });
  const cannedEditor = bindCannedEditor(act);

  const render = (view: ConsoleView): void => {
    announce(view, current === null);
    current = view;
    receivedAtMs = Date.now();
    const { agent, team } = view;
    status.textContent = agent.presence === "online" ? "Online" : agent.presence === "away" ? "Away" : "Offline";
    status.classList.toggle("online", agent.presence === "online");
    toggle.textContent = agent.online ? "Go offline" : "Go online";
    away.textContent = agent.presence === "away" ? "Back" : "Away";
    away.disabled = !agent.online;
    // Fill the editor with the team's replies unless the admin is editing it.
    if (cannedEditor && document.activeElement !== cannedEditor) cannedEditor.value = view.cannedReplies.join("\n");
    capacity.textContent = `Your chats: ${agent.load} of ${agent.concurrency}`;
    queueState.textContent = `Team: ${team.online} online · ${team.away} away · ${team.freeSlots} free slot${team.freeSlots === 1 ? "" : "s"} · ${team.queueLength} waiting · predicted wait ${formatWait(team.predictedWaitSeconds)}`;
    renderQueue(queueList, view, act);
    renderChats(chatsRoot, view, drafts, act);
  };

  const stream = new EventSource("/api/agent/stream");
  stream.addEventListener("console", (event) => render(JSON.parse((event as MessageEvent<string>).data, nonFiniteReviver) as ConsoleView));
  stream.addEventListener("error", () => {
    status.textContent = "Reconnecting…";
    status.classList.remove("online");
  });
}

/**
 * New chats in the queue: a count in the title, a chime, and a desktop notification if allowed
 * (none for the chats already waiting when the console opens). Wires the notification button.
 */
function queueAnnouncer(): (view: ConsoleView, firstView: boolean) => void {
  const seenQueue = new Set<string>();
  const baseTitle = document.title;
  const notifyToggle = find(DATA_TEST.notifyToggle) as HTMLButtonElement;
  const notifications = typeof Notification !== "undefined";
  notifyToggle.hidden = !notifications || Notification.permission === "granted";
  notifyToggle.addEventListener("click", () => {
    void Notification.requestPermission().then((permission) => (notifyToggle.hidden = permission === "granted"));
  });
  return (view, firstView) => {
    document.title = view.queue.length > 0 ? `(${view.queue.length}) ${baseTitle}` : baseTitle;
    const fresh = view.queue.filter((item) => !seenQueue.has(item.id));
    seenQueue.clear();
    for (const item of view.queue) seenQueue.add(item.id);
    if (fresh.length === 0 || firstView) return;
    chime();
    if (notifications && Notification.permission === "granted" && document.visibilityState !== "visible") {
      new Notification("New chat waiting", { body: `${fresh.length} new · ${view.queue.length} in the queue`, tag: "convsim-queue" });
    }
  };
}

/** Waits tick between server updates: the server's figure plus the time since it arrived. */
function tickWaits(queueList: HTMLElement, receivedAtMs: () => number): void {
  setInterval(() => {
    const elapsed = (Date.now() - receivedAtMs()) / 1000;
    for (const wait of Array.from(queueList.querySelectorAll<HTMLElement>(`[data-test="${DATA_TEST.queueWait}"]`))) {
      wait.textContent = `waiting ${Math.round(Number(wait.dataset.seconds) + elapsed)} s`;
    }
  }, 1000);
}

/** Alt+T takes the next chat, Alt+O goes on/offline, Alt+A away/back, Alt+C closes the focused (else first) chat. */
function bindShortcuts(current: () => ConsoleView | null, act: Act): void {
  document.addEventListener("keydown", (event) => {
    const view = current();
    if (!event.altKey || !view) return;
    const key = event.key.toLowerCase();
    if (key === "t") act(callApi("POST", "/api/agent/take", {}));
    else if (key === "o") act(callApi("POST", "/api/agent/status", { online: !view.agent.online }));
    else if (key === "a") act(callApi("POST", "/api/agent/status", { presence: view.agent.presence === "away" ? "online" : "away" }));
    else if (key === "c") {
      const chatId = (document.activeElement as HTMLElement | null)?.dataset?.chatId ?? view.chats[0]?.id;
      if (chatId) act(callApi("POST", `/api/agent/chats/${encodeURIComponent(chatId)}/close`));
    } else return;
    event.preventDefault();
  });
}

/** Admins edit the team's canned replies here, one per line; null for agents (no editor on their page). */
function bindCannedEditor(act: Act): HTMLTextAreaElement | null {
  const cannedEditor = document.querySelector<HTMLTextAreaElement>(`[data-test="${DATA_TEST.cannedRepliesEditor}"]`);
  document.querySelector(`[data-test="${DATA_TEST.cannedRepliesSave}"]`)?.addEventListener("click", () => {
    const replies = cannedEditor!.value
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    act(callApi("PUT", "/api/admin/canned-replies", { replies }).then(() => (cannedEditor!.dataset.saved = replies.join("\n"))));
  });
  return cannedEditor;
}

/** The queue: one row per waiting chat with a Take button (disabled, with the reason, when the agent cannot take one). */
function renderQueue(queueList: HTMLElement, view: ConsoleView, act: Act): void {
  const { agent } = view;
  const full = agent.load >= agent.concurrency || agent.presence !== "online";
  if (view.queue.length === 0) {
    const empty = element("li", "queue-empty muted", DATA_TEST.queueEmpty);
    empty.textContent = "Nobody is waiting.";
    queueList.replaceChildren(empty);
    return;
  }
  const takeRefusal =
    agent.presence === "online"
      ? "You are at your chat limit"
      : agent.presence === "away"
        ? "You are away: come back to take chats"
        : "Go online to take chats";
  queueList.replaceChildren(
    ...view.queue.map((item) => {
      const row = element("li", "queue-item", DATA_TEST.queueItem);
      row.dataset.chatId = item.id;
      const label = element("div", "queue-label");
      label.textContent = `${item.source.kind === "reactive" ? "Asked for help" : `Invitation · ${item.source.rule ?? ""}`} · on ${item.step} · cart ${formatMoney(item.cartValue, view.currency)} · ${item.device}`;
      const meta = element("div", "muted");
      meta.textContent = `priority ${item.priority} · `;
      const wait = element("span", "", DATA_TEST.queueWait);
      wait.dataset.seconds = String(item.waitingSeconds);
      wait.textContent = `waiting ${Math.round(item.waitingSeconds)} s`;
      meta.append(wait);
      row.append(label, meta);
      if (item.preview !== null) {
        const preview = element("div", "queue-preview");
        preview.textContent = `“${item.preview}”`;
        row.append(preview);
      }
      const take = element("button", "button small primary", DATA_TEST.queueTake) as HTMLButtonElement;
      take.type = "button";
      take.textContent = "Take";
      take.disabled = full;
      if (full) take.title = takeRefusal;
      take.addEventListener("click", () => act(callApi("POST", "/api/agent/take", { chatId: item.id })));
      row.append(take);
      return row;
    }),
  );
}

/** What the agent is typing per chat (kept across re-renders), and when each chat last sent "typing". */
interface Drafts {
  text: Map<string, string>;
  lastTypingMs: Map<string, number>;
}

type ConsoleChat = ConsoleView["chats"][number];

/** The agent's chats, one card each; drafts and focus survive the re-render. */
function renderChats(chatsRoot: HTMLElement, view: ConsoleView, drafts: Drafts, act: Act): void {
  for (const input of Array.from(chatsRoot.querySelectorAll<HTMLInputElement>("input[data-chat-id]"))) drafts.text.set(input.dataset.chatId!, input.value);
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.chatId;
  chatsRoot.replaceChildren(
    ...view.chats.map((chat) => {
      const card = element("article", "panel agent-chat", DATA_TEST.agentChat);
      card.dataset.chatId = chat.id;
      const heading = element("h3", "");
      heading.textContent = `${chat.source.kind === "reactive" ? "Help request" : `Invitation (${chat.source.rule ?? ""})`} · ${chat.context.step} · cart ${formatMoney(chat.context.cartValue, view.currency)}`;
      const live = element("p", "muted small", DATA_TEST.agentChatContext);
      live.textContent =
        chat.live === null
          ? ""
          : `Now: on ${chat.live.step ?? "–"} · cart ${formatMoney(chat.live.cartValue, view.currency)}${chat.live.orders > 0 ? ` · ordered ${chat.live.orders} (${formatMoney(chat.live.ordersTotal, view.currency)})` : " · no order yet"}`;
      const typing = element("p", "muted small", DATA_TEST.shopperTyping);
      typing.setAttribute("aria-live", "polite");
      typing.textContent = chat.shopperTyping ? "Shopper is typing…" : "";
      const { form, input } = composeForm(chat, view, drafts, act);
      const close = element("button", "button small", DATA_TEST.agentChatClose) as HTMLButtonElement;
      close.type = "button";
      close.textContent = "Close chat";
      close.addEventListener("click", () => act(callApi("POST", `/api/agent/chats/${encodeURIComponent(chat.id)}/close`)));
      card.append(heading, live, messageList(chat.messages), typing, form, close, transferControls(chat, view, act));
      if (focused === chat.id) queueMicrotask(() => input.focus());
      return card;
    }),
  );
  for (const list of Array.from(chatsRoot.querySelectorAll("ol"))) list.scrollTop = list.scrollHeight;
}

/** A chat's messages, styled from the agent's side (the widget's stylesheet calls the other party "agent"). */
function messageList(messages: readonly Message[]): HTMLElement {
  const list = element("ol", "cs-messages");
  list.setAttribute("aria-live", "polite");
  for (const message of messages) {
    const item = element(
      "li",
      `cs-message cs-from-${message.from === "agent" ? "shopper" : message.from === "shopper" ? "agent" : "system"}`,
      DATA_TEST.agentChatMessage,
    );
    item.dataset.from = message.from;
    if (message.from !== "system") {
      const author = element("span", "cs-author");
      author.textContent = message.from === "shopper" ? "Shopper" : message.author;
      item.append(author);
    }
    const body = element("span", "cs-text");
    body.textContent = message.text;
    const time = element("time", "cs-time", DATA_TEST.messageTime) as HTMLTimeElement;
    time.dateTime = new Date(message.atMs).toISOString();
    time.textContent = clockTime(message.atMs);
    item.append(body, time);
    list.append(item);
  }
  return list;
}

/** The reply form: canned replies, the reply box (restored from its draft) and Send. */
function composeForm(chat: ConsoleChat, view: ConsoleView, drafts: Drafts, act: Act): { form: HTMLFormElement; input: HTMLInputElement } {
  const form = element("form", "cs-compose") as HTMLFormElement;
  const input = element("input", "cs-input", DATA_TEST.agentReplyInput) as HTMLInputElement;
  input.dataset.chatId = chat.id;
  input.placeholder = "Reply…";
  input.setAttribute("aria-label", "Reply to the shopper");
  input.maxLength = 2000;
  input.value = drafts.text.get(chat.id) ?? "";
  // Tell the shopper the agent is typing, at most every 3 s (the server shows it for 6 s).
  input.addEventListener("input", () => {
    if (Date.now() - (drafts.lastTypingMs.get(chat.id) ?? 0) < 3000) return;
    drafts.lastTypingMs.set(chat.id, Date.now());
    act(callApi("POST", `/api/agent/chats/${encodeURIComponent(chat.id)}/typing`, { typing: true }));
  });
  const send = element("button", "cs-primary", DATA_TEST.agentReplySend) as HTMLButtonElement;
  send.type = "submit";
  send.textContent = "Send";
  const canned = element("select", "", DATA_TEST.cannedReply) as HTMLSelectElement;
  canned.setAttribute("aria-label", "Canned reply");
  canned.append(
    Object.assign(document.createElement("option"), { value: "", textContent: "Canned reply…" }),
    ...view.cannedReplies.map((text) => Object.assign(document.createElement("option"), { value: text, textContent: text })),
  );
  canned.addEventListener("change", () => {
    if (canned.value === "") return;
    input.value = canned.value;
    canned.value = "";
    input.focus();
  });
  form.append(canned, input, send);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === "") return;
    input.value = "";
    drafts.text.delete(chat.id);
    drafts.lastTypingMs.delete(chat.id);
    act(callApi("POST", `/api/agent/chats/${encodeURIComponent(chat.id)}/messages`, { text }));
  });
  return { form, input };
}

/** Hand the chat to a colleague online with a free slot. */
function transferControls(chat: ConsoleChat, view: ConsoleView, act: Act): HTMLElement {
  const transfer = element("div", "cs-transfer");
  const target = element("select", "", DATA_TEST.agentTransferTo) as HTMLSelectElement;
  target.setAttribute("aria-label", "Transfer to");
  target.append(...view.transferTo.map((candidate) => Object.assign(document.createElement("option"), { value: candidate.id, textContent: candidate.name })));
  const hand = element("button", "button small", DATA_TEST.agentTransfer) as HTMLButtonElement;
  hand.type = "button";
  hand.textContent = "Transfer";
  hand.disabled = view.transferTo.length === 0;
  if (hand.disabled) hand.title = "Nobody else is online with a free slot";
  hand.addEventListener("click", () => act(callApi("POST", `/api/agent/chats/${encodeURIComponent(chat.id)}/transfer`, { to: target.value })));
  transfer.append(target, hand);
  return transfer;
}

function find(dataTest: string): HTMLElement {
  return document.querySelector<HTMLElement>(`[data-test="${dataTest}"]`)!;
}

function element(tag: string, className: string, dataTest?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (dataTest) node.dataset.test = dataTest;
  return node;
}

main();
