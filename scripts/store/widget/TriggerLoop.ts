// The widget's driver of the trigger contract (sim/policy TriggerTimer, the one the simulator and the
// synthetic checks' predictor drive too): one timer for the next wake-up; at a wake-up
// evaluatePolicy with the live queue state; exit intent evaluated once. What is the widget's own is
// the browser's side: a real clock, setTimeout, asynchronous queue reads and input that can arrive
// while one is in flight. DOM-free (timers, clock and queue are injected), so it is tested in Node and
// driven in the browser by setTimeout, which Playwright's page.clock can fast-forward.

import {
  type Decision,
  type Device,
  evaluateExitIntent,
  evaluatePolicy,
  nextFireDelaySeconds,
  type QueueState,
  type ResolvedPolicy,
  type Signals,
  TriggerTimer,
  type VisitState,
} from "../../../sim/policy/index.ts";

/** Longest look-ahead for the next trigger: a day; a shopper idle longer has left. */
export const MAX_LOOKAHEAD_SECONDS = 24 * 3600;

/** What the loop needs from its surroundings. */
export interface TriggerHost {
  /** Wall clock in milliseconds (Date.now in the browser). */
  nowMs(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
  /** The chat desk right now (GET /api/chat/queue). */
  queueState(): Promise<QueueState>;
  /** Shows an invitation. The loop stays suspended until `resume` (accepted or dismissed). */
  invite(decision: Decision, signals: Signals): void;
}

/** The signals that do not change while the shopper sits on the page. */
export interface PageSignals {
  step: string;
  pageViews: number;
  cartValue: number;
  formErrors: number;
  /** The visit was already marked confused when this page loaded (see `confused`). */
  confusion: boolean;
  returningVisitor: boolean;
  device: Device;
  /** When the visit started, for timeOnSiteSeconds (same clock as host.nowMs). */
  visitStartMs: number;
}

export class TriggerLoop {
  readonly #policy: ResolvedPolicy;
  readonly #page: PageSignals;
  readonly #host: TriggerHost;
  #visit: VisitState;
  #lastInputMs: number;
  #confusion: boolean;
  #timer: unknown = null;
  readonly #trigger = new TriggerTimer();
  /** Bumped by input: an evaluation started before it is stale. */
  #generation = 0;
  #evaluating = false;
  #suspended = false;
  #stopped = false;

  constructor(policy: ResolvedPolicy, page: PageSignals, visit: VisitState, host: TriggerHost) {
    this.#policy = policy;
    this.#page = page;
    this.#visit = visit;
    this.#host = host;
    this.#lastInputMs = host.nowMs();
    this.#confusion = page.confusion;
    this.#schedule();
  }

  get visit(): VisitState {
    return this.#visit;
  }

  /** The signals at this moment. */
  signals(exitIntent = false): Signals {
    const now = this.#host.nowMs();
    const page = this.#page;
    return {
      step: page.step,
      idleSeconds: (now - this.#lastInputMs) / 1000,
      timeOnSiteSeconds: Math.max(0, (now - page.visitStartMs) / 1000),
      pageViews: page.pageViews,
      cartValue: page.cartValue,
      formErrors: page.formErrors,
      confusion: this.#confusion,
      exitIntent,
      returningVisitor: page.returningVisitor,
      device: page.device,
    };
  }

  /** The shopper did something (mouse, key, scroll, touch): idle time starts again. */
  input(): void {
    this.#trigger.input();
    this.#generation++;
    this.#evaluating = false;
    this.restartIdle();
  }

  /**
   * Idle time counts from now, without an input: the widget calls it once its page is set up, at the
   * moment it announces itself ready (idle time starts there, as a checker reading the page sees it).
   */
  restartIdle(): void {
    this.#lastInputMs = this.#host.nowMs();
    this.#schedule();
  }

  /**
   * The widget measured confusion (sim/policy CONFUSION_THRESHOLDS): the `confusion` signal turns
   * true for the rest of the visit and the next wake-up is computed afresh, so a rule reading it can
   * fire at once. Idle time is not touched: the input that showed the confusion already restarted it.
   */
  confused(): void {
    if (this.#confusion) return;
    this.#confusion = true;
    this.#schedule();
  }

  /** The visit state changed (invitation answered, chat started or ended): carry on with it. */
  resume(visit: VisitState): void {
    this.#visit = visit;
    this.#suspended = false;
    this.#schedule();
  }

  /**
   * The mouse left through the top of the window or the shopper pressed back. Evaluates once with
   * exitIntent true; resolves to whether an invitation was shown.
   */
  async exitIntent(): Promise<boolean> {
    if (this.#stopped || this.#suspended || this.#visit.inChat) return false;
    const generation = this.#generation;
    const queue = await this.#host.queueState();
    if (this.#stopped || this.#suspended || generation !== this.#generation) return false;
    return this.#evaluate(queue, true);
  }

  stop(): void {
    this.#stopped = true;
    this.#clear();
  }

  #schedule(): void {
    this.#clear();
    if (this.#stopped || this.#suspended || this.#evaluating) return;
    const delay = this.#trigger.nextWakeSeconds(this.#policy, this.signals(), this.#visit, this.#host.nowMs() / 1000, MAX_LOOKAHEAD_SECONDS);
    if (delay === null) return;
    // Round up: a timer a fraction of a millisecond early would find the threshold not yet reached.
    const delayMs = Math.ceil(delay * 1000);
    this.#timer = this.#host.setTimer(() => void this.#fire(), delayMs);
  }

  async #fire(): Promise<void> {
    this.#timer = null;
    // An early wake-up (the clock jumped, or input moved the threshold): reschedule, no request.
    if (!this.#trigger.rechecking && nextFireDelaySeconds(this.#policy, this.signals(), this.#visit, 0) !== 0) return this.#schedule();
    const generation = this.#generation;
    this.#evaluating = true;
    let queue: QueueState | null = null;
    try {
      queue = await this.#host.queueState();
    } catch {
      // The server is unreachable: nobody could answer an invitation; try again like a closed gate.
    }
    if (generation !== this.#generation || this.#stopped) return;
    this.#evaluating = false;
    if (queue !== null) this.#evaluate(queue, false);
    else {
      this.#trigger.unreachable(this.#host.nowMs() / 1000);
      this.#schedule();
    }
  }

  #evaluate(queue: QueueState, exitIntent: boolean): boolean {
    const signals = this.signals(exitIntent);
    const decision = exitIntent ? evaluateExitIntent(this.#policy, signals, this.#visit, queue) : evaluatePolicy(this.#policy, signals, this.#visit, queue);
    this.#trigger.evaluated(decision, this.#host.nowMs() / 1000, !exitIntent);
    if (decision.invite) {
      this.#suspended = true;
      this.#clear();
      this.#host.invite(decision, signals);
      return true;
    }
    if (!exitIntent) this.#schedule();
    return false;
  }

  #clear(): void {
    if (this.#timer !== null) this.#host.clearTimer(this.#timer);
    this.#timer = null;
  }
}
