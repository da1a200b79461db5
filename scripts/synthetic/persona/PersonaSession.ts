import type { BrowserContext, CDPSession, ConsoleMessage, Page, Request, Response } from "playwright-core";
import type { QueueState, ResolvedPolicy } from "../../../sim/policy/index.ts";
import type { BrowserTab } from "../browser/BrowserTab.ts";
import { MIN_STEP_TIMER_MS, type ProbeState, RECORDER_GLOBAL, type RecordedEvent } from "../browser/pageRecorder.ts";
import { waitForLoad, waitForVisible, waitForWidget } from "../browser/pageWaits.ts";
import { RecorderEvents } from "../browser/RecorderEvents.ts";
import type { StoreProfile } from "../profiles/loadProfile.ts";
import type { ChatAction, PageProblem, Shot } from "./observations.ts";
import type { PersonaSpec } from "./PersonaSpec.ts";

/** Real seconds to wait for a widget's answer to exit intent before concluding there is none. */
const EXIT_INTENT_WAIT_MS = 1500;
/** Virtual ms of the short step after a timer fired (at least the recorder's MIN_STEP_TIMER_MS). */
const FLUSH_STEP_MS = MIN_STEP_TIMER_MS;
/** Half-size JPEG thumbnails for the report. */
const THUMBNAIL = { scale: 0.5, quality: 55 } as const;

/** How a persona's session is set up. */
export interface PersonaSessionOptions {
  /** Record a Playwright trace (saved by `finish` when asked). */
  trace: boolean;
  policy: ResolvedPolicy | null;
  toleranceSeconds: number;
  /** The pooled account (login field values by name) this persona signs in with, if any. */
  account?: Readonly<Record<string, string>> | null;
}

/** Raised when a step cannot be completed; the funnel check reports `reason`. */
export class StepError extends Error {
  readonly step: string;
  readonly retryable: boolean;
  constructor(step: string, reason: string, retryable: boolean) {
    super(reason);
    this.name = "StepError";
    this.step = step;
    this.retryable = retryable;
  }
}

/**
 * One persona's use of a browser tab (BrowserTab: device identity, fake clock, page recorder,
 * blocking of other origins): what its pages report and the problems they show, virtual idle time
 * and screenshots. The shopping flow (runPersona) drives it; the run ends it with `finish`, which
 * leaves the tab to the next persona.
 */
export class PersonaSession {
  readonly spec: PersonaSpec;
  readonly profile: StoreProfile;
  /** What the page recorder reported (see RecorderEvents). */
  readonly recorded: RecorderEvents;
  readonly problems: PageProblem[] = [];
  readonly blocked: string[] = [];
  readonly actions: ChatAction[] = [];
  readonly queue: Array<{ at: number; state: QueueState }> = [];
  readonly offered: Array<{ rule: string | null; step: string | null; idleSeconds: number | null }> = [];
  readonly shots: Shot[] = [];
  readonly chatProblems: string[] = [];
  /** The policy under check (its invitations are predicted as the persona goes), or null. */
  readonly policy: ResolvedPolicy | null;
  readonly toleranceSeconds: number;
  /** The pooled account this persona signs in with (profile login.accounts), or null. */
  readonly account: Readonly<Record<string, string>> | null;
  /** The funnel step problems are attributed to. */
  step = "start";
  readonly #tab: BrowserTab;
  readonly #page: Page;
  readonly #cdp: CDPSession;
  /** Page listeners of this persona, removed when it finishes (the tab outlives it). */
  readonly #listeners: Array<() => void> = [];
  #tracing = false;
  #closed = false;

  private constructor(tab: BrowserTab, spec: PersonaSpec, profile: StoreProfile, options: PersonaSessionOptions) {
    this.spec = spec;
    this.profile = profile;
    this.policy = options.policy;
    this.toleranceSeconds = options.toleranceSeconds;
    this.account = options.account ?? null;
    this.recorded = new RecorderEvents(tab.watch);
    this.#tab = tab;
    this.#page = tab.page;
    this.#cdp = tab.cdp;
  }

  /** Every event the page recorder reported, in order. */
  get events(): readonly RecordedEvent[] {
    return this.recorded.events;
  }

  get page(): Page {
    return this.#page;
  }

  get context(): BrowserContext {
    return this.#tab.context;
  }

  /** Starts a persona in `tab` (a fresh or reset one): its reports, problem collection, tracing. */
  static async open(tab: BrowserTab, spec: PersonaSpec, profile: StoreProfile, options: PersonaSessionOptions): Promise<PersonaSession> {
    const session = new PersonaSession(tab, spec, profile, options);
    tab.attach({ recorded: (event) => session.recorded.receive(event), blocked: (url) => session.blocked.push(url) });
    session.#watchProblems();
    if (options.trace) {
      // DOM snapshots only: the trace viewer renders each action from them; screencast frames would cost another ~10% of a run.
      await tab.context.tracing.start({ screenshots: false, snapshots: true });
      session.#tracing = true;
    }
    return session;
  }

  #on<E extends "console" | "pageerror" | "requestfailed" | "response" | "request">(event: E, listener: (value: never) => void): void {
    const page = this.#page as unknown as { on(event: string, listener: unknown): void; off(event: string, listener: unknown): void };
    page.on(event, listener);
    this.#listeners.push(() => page.off(event, listener));
  }

  #watchProblems(): void {
    const { profile } = this;
    const chat = profile.chat;
    const origin = new URL(profile.baseUrl).origin;
    this.#on("console", (message: ConsoleMessage) => {
      if (message.type() !== "error") return;
      const text = message.text();
      if (/ERR_BLOCKED_BY_CLIENT/.test(text)) return;
      // Chromium's note on an HTTP error: the response itself is recorded (or allowed) below.
      if (/^Failed to load resource: the server responded with a status of \d{3}/.test(text)) return;
      this.#problem("console", text);
    });
    this.#on("pageerror", (error: Error) =>
      this.#problem("pageError", error.stack?.includes(error.message) ? error.stack : `${error.message}\n${error.stack ?? ""}`),
    );
    this.#on("requestfailed", (request: Request) => {
      const failure = request.failure()?.errorText ?? "failed";
      // Blocked by us: another origin. Aborted: superseded by a navigation (an event stream closing on unload).
      if (/^inspector$|ERR_BLOCKED_BY_CLIENT/.test(failure)) {
        this.blocked.push(request.url());
        return;
      }
      if (/ERR_ABORTED/.test(failure)) return;
      this.#problem("request", `${request.method()} ${shortUrl(request.url(), origin)} failed: ${failure}`);
    });
    this.#on("response", (response: Response) => {
      const status = response.status();
      if (status < 400) return;
      const request = response.request();
      // A rejected form may answer 4xx (the store's `invalidStatuses`); the form check judges it.
      const formRejected = request.isNavigationRequest() && request.method() === "POST" && profile.invalidStatuses.includes(status);
      if (!formRejected) this.#problem("request", `${request.method()} ${shortUrl(response.url(), origin)} answered ${status}`);
    });
    if (chat?.eventsPath) {
      const eventsPath = chat.eventsPath;
      this.#on("request", (request: Request) => {
        if (request.method() !== "POST" || new URL(request.url()).pathname !== eventsPath) return;
        try {
          const body = request.postDataJSON() as { type?: string; rule?: string; signals?: { step?: string; idleSeconds?: number } } | null;
          if (body?.type === "chatOffered")
            this.offered.push({ rule: body.rule ?? null, step: body.signals?.step ?? null, idleSeconds: body.signals?.idleSeconds ?? null });
        } catch {
          // Not JSON: not the widget's event.
        }
      });
    }
  }

  #problem(kind: PageProblem["kind"], text: string): void {
    if (this.#closed) return;
    // The first line is the headline; a script's stack (often minified) is evidence only.
    const [first, ...rest] = text.split("\n");
    const headline = first.replace(/^(?:Uncaught )?Error: /, "");
    const detail = rest
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .join(" | ");
    this.problems.push({
      step: this.step,
      kind,
      text: headline.length > 300 ? `${headline.slice(0, 297)}...` : headline,
      ...(detail === "" ? {} : { detail: detail.slice(0, 1000) }),
    });
  }

  /**
   * Whether the current page shows an invitation, as its recorder last reported (no page round
   * trip; the recorder reports within the task that showed it).
   */
  get invitationVisible(): boolean {
    return this.recorded.invitationVisible;
  }

  /** Waits until the page shows one of `selectors` (see pageWaits.waitForVisible); the first visible one. */
  waitForVisible(selectors: readonly string[], timeoutMs: number): Promise<string> {
    return waitForVisible(this.#page, this.recorded, selectors, timeoutMs);
  }

  /** Waits until the chat widget started on the current page; false after `timeoutMs`. */
  waitForWidget(timeoutMs: number): Promise<boolean> {
    const ready = this.profile.chat?.ready;
    return ready ? waitForWidget(this.#page, this.recorded, ready, timeoutMs) : Promise.resolve(true);
  }

  /** Waits for the current page's load event; its in-page time (null if the recorder did not see it). */
  waitForLoad(timeoutMs: number): Promise<number | null> {
    return waitForLoad(this.#page, this.recorded, timeoutMs);
  }

  /** The recorder's view of the page right now (null while a navigation replaces the document). */
  async probe(): Promise<ProbeState | null> {
    try {
      return (await this.#page.evaluate(`window.${RECORDER_GLOBAL} ? window.${RECORDER_GLOBAL}.state() : null`)) as ProbeState | null;
    } catch {
      return null;
    }
  }

  /** In-page time (performance.now(), virtual ms), or null mid-navigation. */
  async now(): Promise<number | null> {
    return (await this.probe())?.now ?? null;
  }

  /**
   * Waits until the page has no request in flight and has had a task to handle the answers, so a
   * widget's fetch started by a timer completes at the timer's own virtual time. One round trip:
   * the page answers when its last request ends. Bounded by the selector timeout.
   */
  async settle(): Promise<ProbeState | null> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), this.profile.timeouts.selectorSeconds * 1000)));
    const settled = this.#page.evaluate(`window.${RECORDER_GLOBAL} ? window.${RECORDER_GLOBAL}.settled() : null`) as Promise<ProbeState | null>;
    settled.catch(() => {});
    try {
      const state = await Promise.race([settled, limit]);
      // A navigation (the page's context went away) or a page still busy at the limit: report what it is now.
      return state === "timeout" ? await this.probe() : state;
    } catch {
      return this.probe();
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Sits idle for `seconds` of virtual time on the current page. The clock is paused and stepped
   * from one pending timer to the next (never past one), and the page's requests are awaited after
   * each step, so a trigger fires and renders at its own virtual moment; `fastForward` would fire
   * late timers at the end of the jump and misreport when an invitation appeared. An invitation
   * that appears is answered after the persona's reaction time. Returns the virtual seconds idled.
   */
  async idle(seconds: number, onInvitation: () => Promise<void>): Promise<number> {
    const start = await this.settle();
    if (start === null) return 0;
    const end = start.now + seconds * 1000;
    await this.#pause();
    let answered = false;
    try {
      let state: ProbeState | null = start;
      let flushed = true;
      while (state !== null && state.now < end) {
        if (state.invitationVisible && !answered) {
          answered = true;
          await this.stepClock(Math.min(end - state.now, this.spec.reactionSeconds * 1000));
          await onInvitation();
          state = await this.settle();
          continue;
        }
        ({ state, flushed } = await this.#step(state, end, flushed));
      }
      return ((state?.now ?? end) - start.now) / 1000;
    } finally {
      await this.#resume();
    }
  }

  /** Advances the (paused) clock by `milliseconds`, stepping over timers like `idle`. */
  async stepClock(milliseconds: number): Promise<void> {
    let state = await this.settle();
    if (state === null) return;
    const end = state.now + milliseconds;
    let flushed = true;
    while (state !== null && state.now < end) ({ state, flushed } = await this.#step(state, end, flushed));
  }

  /**
   * One clock step: to the next pending timer (or `end`), then the page's requests are awaited.
   * After a timer fired, a short step comes first: what it started may set timers too short to be
   * tracked (a widget re-arming itself a few ms later), and those must run before a long jump.
   */
  async #step(state: ProbeState, end: number, flushed: boolean): Promise<{ state: ProbeState | null; flushed: boolean }> {
    let next = state.nextDueAt !== null && state.nextDueAt < end ? state.nextDueAt : end;
    const flush = !flushed && next - state.now > FLUSH_STEP_MS;
    if (flush) next = state.now + FLUSH_STEP_MS;
    await this.#page.clock.runFor(Math.max(1, Math.ceil(next - state.now)));
    return { state: await this.settle(), flushed: flush };
  }

  /**
   * Shows exit intent: the pointer leaving through the top edge (desktop), or the back button
   * (touch devices). Waits briefly, on a paused clock, for the widget's answer.
   */
  async exitIntent(via: "mouse" | "back", onInvitation: () => Promise<void>): Promise<void> {
    await this.settle();
    await this.#pause();
    try {
      const script =
        via === "mouse"
          ? "(() => { const at = performance.now(); document.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 20, clientY: 0, relatedTarget: null })); return at; })()"
          : "(() => { const at = performance.now(); history.back(); return at; })()";
      const doc = (await this.probe())?.doc ?? null;
      const at = (await this.#page.evaluate(script).catch(() => null)) as number | null;
      if (at !== null) this.actions.push({ kind: "exitIntent", at, doc, step: this.step, via });
      const deadline = Date.now() + EXIT_INTENT_WAIT_MS;
      while (Date.now() < deadline) {
        const state = await this.settle();
        if (state === null || state.doc !== doc) return;
        if (state.invitationVisible) {
          await this.stepClock(this.spec.reactionSeconds * 1000);
          await onInvitation();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await this.#resume();
    }
  }

  async #pause(): Promise<void> {
    const now = (await this.#page.evaluate("Date.now()").catch(() => null)) as number | null;
    // A little ahead of the page's clock: it keeps running in real time until paused.
    if (now !== null) await this.#page.clock.pauseAt(now + 25).catch(() => {});
  }

  async #resume(): Promise<void> {
    await this.#page.clock.resume().catch(() => {});
  }

  /** Records a chat-relevant action at the page's current time. */
  async mark(kind: ChatAction["kind"]): Promise<void> {
    const state = await this.probe();
    if (state !== null) this.actions.push({ kind, at: state.now, doc: state.doc, step: this.step });
  }

  /** The desk's queue state as the widget's gating sees it, read by the harness (for predictions). */
  async readQueue(): Promise<void> {
    const path = this.profile.chat?.queuePath;
    if (!path) return;
    const at = await this.now();
    try {
      const response = await this.#tab.context.request.get(path, { timeout: this.profile.timeouts.selectorSeconds * 1000 });
      if (response.ok() && at !== null) this.queue.push({ at, state: (await response.json()) as QueueState });
    } catch {
      // The prediction falls back to the widget's own readings.
    }
  }

  /** A screenshot of the page now: PNG for the artifacts, a small JPEG for the report. Null if the page is gone. */
  async screenshot(step: string): Promise<string | null> {
    try {
      const viewport = this.#page.viewportSize() ?? { width: 1280, height: 860 };
      const png = (await this.#cdp.send("Page.captureScreenshot", { format: "png" })) as { data: string };
      const small = (await this.#cdp.send("Page.captureScreenshot", {
        format: "jpeg",
        quality: THUMBNAIL.quality,
        clip: { x: 0, y: 0, width: viewport.width, height: viewport.height, scale: THUMBNAIL.scale },
      })) as { data: string };
      const id = `shot${this.shots.length}`;
      const state = await this.probe();
      this.shots.push({
        id,
        step,
        doc: state?.doc ?? null,
        at: state?.now ?? null,
        png: Buffer.from(png.data, "base64"),
        thumbnail: `data:image/jpeg;base64,${small.data}`,
      });
      return id;
    } catch {
      return null;
    }
  }

  /**
   * Saves the trace (when given a path) and ends the persona's use of the tab (its listeners and
   * reports); the run then resets the tab for the next persona or closes it. Idempotent; never throws.
   */
  async finish(tracePath: string | null): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#detach();
    if (this.#tracing) {
      const context = this.#tab.context;
      const stop = tracePath === null ? context.tracing.stop() : context.tracing.stop({ path: tracePath });
      await Promise.race([stop.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
  }

  /** Stops at once (a persona over its time limit): closes the tab, so pending page calls fail. */
  async abort(): Promise<void> {
    this.#closed = true;
    this.#detach();
    await this.#tab.close();
  }

  #detach(): void {
    this.recorded.close();
    this.#tab.attach(null);
    for (const remove of this.#listeners.splice(0)) remove();
  }
}

function shortUrl(url: string, origin: string): string {
  return url.startsWith(origin) ? url.slice(origin.length) || "/" : url;
}
