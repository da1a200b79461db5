// The chat widget's entry point (bundled by esbuild into /assets/widget.js). It reads the page's
// bootstrap data, measures the live signals (idle time from input events, time on site across
// pages, device, exit intent, confusion), runs the simulator's policy evaluator through TriggerLoop, and
// drives the chat panel from the server's event stream. Every widget event is reported to the
// server, which records it durably.

import {
  type ConfusionMemory,
  ConfusionMeter,
  type Decision,
  newConfusionMemory,
  onDeclined,
  onInvitationShown,
  reactiveAvailable,
  type Signals,
  usesSignal,
  type VisitState,
} from "../../../sim/policy/index.ts";
import { nonFiniteReviver } from "../events/nonFiniteJson.ts";
import { type ChatWidgetActions, ChatWidgetView } from "./ChatWidgetView.ts";
import { forgetClosedChat, isClosedChat, rememberClosedChat } from "./closedChat.ts";
import { detectDevice } from "./detectDevice.ts";
import { dockWidget } from "./dockWidget.ts";
import { type PageSignals, TriggerLoop } from "./TriggerLoop.ts";
import { BOOTSTRAP_ELEMENT_ID, WIDGET_ELEMENT_ID, type WidgetBootstrap, type WidgetChat } from "./WidgetBootstrap.ts";
import { callApi, report } from "./widgetApi.ts";

/** Idle seconds after which the widget records one `idle` event for the idle period. */
const IDLE_EVENT_SECONDS = 15;
/** How often a typing shopper renews the typing signal (the server keeps it for TYPING_SECONDS = 6 s). */
const TYPING_RENEW_MS = 3000;
const INPUT_EVENTS = ["mousemove", "mousedown", "keydown", "scroll", "wheel", "touchstart", "input"] as const;

/** What the widget remembers on this page. */
interface WidgetState {
  visit: VisitState;
  chat: WidgetChat | null;
  /** The shopper closed the panel of a chat still running: it shows as the help button. */
  minimized: boolean;
  /** The invitation on screen, waiting for an answer. */
  pending: { decision: Decision; signals: Signals } | null;
  stream: EventSource | null;
  lastTypingMs: number;
}

/** What the view's actions call back into: the page's chat session, built in `main`. */
interface WidgetSession {
  boot: WidgetBootstrap;
  state: WidgetState;
  view: () => ChatWidgetView;
  refresh: () => void;
  showChat: (next: WidgetChat | null) => void;
  startChat: (source: "reactive" | "proactive", rule?: string) => Promise<void>;
  fail: (error: unknown) => void;
  /** Restarts the trigger loop with the current visit state (after a chat or an answered invitation). */
  resume: () => void;
}

function main(): void {
  const root = document.getElementById(WIDGET_ELEMENT_ID);
  const data = document.getElementById(BOOTSTRAP_ELEMENT_ID);
  if (!root || !data?.textContent) return;
  const boot = JSON.parse(data.textContent, nonFiniteReviver) as WidgetBootstrap;
  const { policy, step } = boot;

  // A panel the shopper closed stays closed on later pages of the visit (an ended chat is gone).
  const closedEarlier = isClosedChat(boot.visitId, boot.chat?.id);
  const chat = closedEarlier && boot.chat?.status === "ended" ? null : boot.chat;
  const state: WidgetState = { visit: boot.visit, chat, minimized: closedEarlier && chat !== null, pending: null, stream: null, lastTypingMs: 0 };

  const refresh = (): void => {
    view.renderChat(state.minimized ? null : state.chat);
    const inChat = state.chat !== null && state.chat.status !== "ended";
    view.setHelpVisible(!view.invitationVisible && (state.minimized ? state.chat !== null : state.chat === null && reactiveAvailable(policy, step)));
    root.dataset.inChat = String(inChat);
  };
  const showChat = (next: WidgetChat | null): void => {
    state.chat = next;
    if (state.chat !== null && state.stream === null) connect();
    refresh();
  };
  const connect = (): void => {
    state.stream = new EventSource("/api/chat/stream");
    state.stream.addEventListener("chat", (event) => {
      const update = JSON.parse((event as MessageEvent<string>).data, nonFiniteReviver) as { chat: WidgetChat | null; visit: VisitState };
      const wasInChat = state.visit.inChat;
      state.visit = update.visit;
      if (update.chat !== null || state.chat?.status !== "ended") state.chat = update.chat ?? state.chat;
      if (wasInChat && !state.visit.inChat) loop.resume(state.visit);
      refresh();
    });
  };
  const fail = (error: unknown): void => view.showError(error instanceof Error ? error.message : String(error));
  const startChat = async (source: "reactive" | "proactive", rule?: string): Promise<void> => {
    state.minimized = false;
    forgetClosedChat(boot.visitId);
    view.showError(null);
    try {
      const answer = await callApi<{ chat: WidgetChat; visit: VisitState }>("POST", "/api/chat/request", { source, rule, signals: loop.signals() });
      state.visit = answer.visit;
      showChat(answer.chat);
      view.focusInput();
    } catch (error) {
      fail(error);
    }
    loop.resume(state.visit);
  };
  const session: WidgetSession = { boot, state, view: () => view, refresh, showChat, startChat, fail, resume: () => loop.resume(state.visit) };
  const view = new ChatWidgetView(root, viewActions(session));

  // Before the loop exists (a return to an earlier step, at load) it starts with the signal true.
  let loopStarted = false;
  const meter = confusionMeter(root, boot, () => {
    if (loopStarted) loop.confused();
  });
  const loop = new TriggerLoop(policy, pageSignals(boot, meter), state.visit, {
    nowMs: () => Date.now(),
    setTimer: (callback, delayMs) => window.setTimeout(callback, delayMs),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    queueState: () => callApi("GET", "/api/chat/queue"),
    invite: (decision, signals) => {
      state.pending = { decision, signals };
      state.visit = onInvitationShown(state.visit, signals.timeOnSiteSeconds);
      report({ type: "chatOffered", rule: decision.rule, priority: decision.priority, signals });
      view.showInvitation(invitationText(step));
      refresh();
    },
  });
  loopStarted = true;

  trackInput(loop, step);
  watchFormFields(root, meter);
  watchExitIntent(policy, step, loop);

  if (!boot.deskOpen) view.setDeskClosed();
  showChat(state.chat);
  dockWidget(root, () => view.panelVisible);
  // Idle time starts when the widget is ready, not midway through its setup: the ready marker set
  // above is seen by page observers (mutation observers) at the microtask checkpoint after this task,
  // and this microtask runs right after them. On a loaded machine the setup can take a fifth of a
  // second, which a checker counting idle time from readiness would otherwise see as a late trigger.
  queueMicrotask(() => loop.restartIdle());
}

/** The page's signals for the trigger loop, as the server and the browser know them at load. */
function pageSignals(boot: WidgetBootstrap, meter: ConfusionMeter): PageSignals {
  return {
    step: boot.step,
    pageViews: boot.pageViews,
    cartValue: boot.cartValue,
    formErrors: boot.formErrors,
    confusion: meter.confused,
    returningVisitor: boot.returningVisitor,
    device: detectDevice(navigator.userAgent, window.innerWidth, navigator.maxTouchPoints > 0),
    visitStartMs: visitStart(boot.visitId),
  };
}

/** The chat panel's buttons and forms: help, offline message, invitation answers, typing, send, leave, rating, close. */
function viewActions(session: WidgetSession): ChatWidgetActions {
  const { boot, state, refresh, showChat, fail } = session;
  return {
    help: () => {
      if (state.chat !== null) {
        state.minimized = false;
        forgetClosedChat(boot.visitId);
        return refresh();
      }
      if (!boot.deskOpen) return session.view().showOfflineForm(false);
      void session.startChat("reactive");
    },
    leaveMessage: (text) => {
      callApi("POST", "/api/chat/offline-message", { text }).then(() => session.view().showOfflineForm(true), fail);
    },
    accept: () => {
      const invitation = state.pending;
      state.pending = null;
      session.view().hideInvitation();
      if (invitation) void session.startChat("proactive", invitation.decision.rule!);
    },
    dismiss: () => {
      const invitation = state.pending;
      state.pending = null;
      session.view().hideInvitation();
      state.visit = onDeclined(state.visit);
      if (invitation) report({ type: "chatDeclined", step: boot.step, rule: invitation.decision.rule });
      session.resume();
      refresh();
    },
    typing: () => {
      // At most one typing signal per TYPING_RENEW_MS: the server shows it for several seconds.
      if (Date.now() - state.lastTypingMs < TYPING_RENEW_MS) return;
      state.lastTypingMs = Date.now();
      callApi("POST", "/api/chat/typing", { typing: true }).catch(() => {});
    },
    send: (text) => {
      state.lastTypingMs = 0;
      callApi<{ chat: WidgetChat }>("POST", "/api/chat/messages", { text }).then((answer) => showChat(answer.chat), fail);
    },
    leave: () => {
      callApi<{ chat: WidgetChat | null; visit: VisitState }>("POST", "/api/chat/leave").then((answer) => {
        state.visit = answer.visit;
        showChat(answer.chat);
        session.resume();
      }, fail);
    },
    rate: (rating, comment) => {
      if (state.chat === null) return;
      callApi<{ chat: WidgetChat }>("POST", "/api/chat/rating", { chatId: state.chat.id, rating, comment }).then((answer) => showChat(answer.chat), fail);
    },
    close: () => {
      if (state.chat !== null) rememberClosedChat(boot.visitId, state.chat.id);
      if (state.chat !== null && state.chat.status !== "ended") state.minimized = true;
      else {
        state.chat = null;
        state.stream?.close();
        state.stream = null;
      }
      refresh();
    },
  };
}

/** Confusion: measured from this page's input and the visit's step history (kept in sessionStorage). */
function confusionMeter(root: HTMLElement, boot: WidgetBootstrap, onConfused: () => void): ConfusionMeter {
  const meter = new ConfusionMeter(readConfusion(boot.visitId), (cause) => {
    writeConfusion(boot.visitId, meter.memory);
    root.dataset.confusion = "true";
    root.dataset.confusionCause = cause;
    onConfused();
  });
  meter.arrive(boot.step, boot.checkoutSteps);
  writeConfusion(boot.visitId, meter.memory);
  root.dataset.confusion = String(meter.confused);
  if (meter.memory.cause !== null) root.dataset.confusionCause = meter.memory.cause;
  return meter;
}

/** Idle time: any input restarts it; one `idle` analytics event per idle period. */
function trackInput(loop: TriggerLoop, step: string): void {
  let idleTimer = 0;
  const armIdleEvent = (): void => {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(() => report({ type: "idle", step, idleSeconds: IDLE_EVENT_SECONDS }), IDLE_EVENT_SECONDS * 1000);
  };
  for (const type of INPUT_EVENTS) {
    window.addEventListener(
      type,
      () => {
        loop.input();
        armIdleEvent();
      },
      { passive: true, capture: true },
    );
  }
  armIdleEvent();
}

/** What the confusion meter reads: focus and edits of the page's own form fields (the chat panel's input is not the checkout), and clicks outside the widget. */
function watchFormFields(root: HTMLElement, meter: ConfusionMeter): void {
  const formField = (target: EventTarget | null): string | null => {
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return null;
    if (root.contains(target) || target.form === null || target.type === "hidden") return null;
    return target.name || target.id || null;
  };
  document.addEventListener("focusin", (event) => {
    const field = formField(event.target);
    if (field !== null) meter.focus(field);
  });
  document.addEventListener("change", (event) => {
    const field = formField(event.target);
    if (field !== null) meter.edit(field);
  });
  document.addEventListener(
    "click",
    (event) => {
      if (!root.contains(event.target as Node)) meter.click(event.pageX, event.pageY, Date.now());
    },
    { capture: true },
  );
}

/** Exit intent: the pointer leaving through the top edge (towards the tabs or the back button), and the back button where the policy reads it; each reported once per page. */
function watchExitIntent(policy: WidgetBootstrap["policy"], step: string, loop: TriggerLoop): void {
  const reported = new Set<string>();
  const exitIntent = async (via: "mouse" | "back"): Promise<boolean> => {
    if (!reported.has(via)) {
      reported.add(via);
      report({ type: "exitIntent", step, via });
    }
    return loop.exitIntent();
  };
  document.addEventListener("mouseout", (event) => {
    if (event.relatedTarget === null && event.clientY <= 0) void exitIntent("mouse");
  });
  // Back navigation counts as exit intent only for policies that use it: one extra history entry
  // catches the first back press; if no invitation appears, the widget goes back for the shopper.
  if (usesSignal(policy, "exitIntent")) {
    history.pushState({ convsimExitGuard: true }, "", location.href);
    window.addEventListener("popstate", () => {
      void exitIntent("back").then((invited) => {
        if (!invited) history.back();
      });
    });
  }
}

/** The visit's confusion memory from sessionStorage (a fresh one if none or unreadable). */
function readConfusion(visitId: string): ConfusionMemory {
  try {
    const stored = sessionStorage.getItem(`convsim.confusion.${visitId}`);
    return stored ? { ...newConfusionMemory(), ...(JSON.parse(stored) as Partial<ConfusionMemory>) } : newConfusionMemory();
  } catch {
    return newConfusionMemory();
  }
}

function writeConfusion(visitId: string, memory: ConfusionMemory): void {
  try {
    sessionStorage.setItem(`convsim.confusion.${visitId}`, JSON.stringify(memory));
  } catch {
    // Storage disabled: confusion is then measured per page.
  }
}

/** When this visit started, kept in sessionStorage so time on site carries across pages. */
function visitStart(visitId: string): number {
  const key = `convsim.visitStart.${visitId}`;
  try {
    const stored = Number(sessionStorage.getItem(key));
    if (stored > 0) return stored;
    const now = Date.now();
    sessionStorage.setItem(key, String(now));
    return now;
  } catch {
    return Date.now();
  }
}

function invitationText(step: string): string {
  if (step === "browse" || step === "product") return "Looking for something in particular? One of our team can help you right now.";
  if (step === "cart") return "Questions about sizes, delivery or returns? Chat with one of our team.";
  return "Need a hand finishing your order? One of our team can help you right now.";
}

main();
