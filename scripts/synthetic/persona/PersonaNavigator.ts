import type { Frame, Locator, Request, Response } from "playwright-core";
import { findLayoutOverlaps } from "../../browser/index.ts";
import { describeElementState, inspectElement } from "../browser/inspectElement.ts";
import { firstVisible } from "../browser/pageWaits.ts";
import type { StoreProfile } from "../profiles/loadProfile.ts";
import type { ProfileAction, ProfileField, ProfileOverlay, ProfileStep } from "../profiles/profileSchema.ts";
import { describeFailure, errorText, isRetryable } from "../results/describeFailure.ts";
import type { LayoutFinding, PageVisit } from "./observations.ts";
import { type PersonaSession, StepError } from "./PersonaSession.ts";

/**
 * How a persona gets from page to page: clicks and form fills that fail with a clear reason,
 * arrivals that wait for a page's marker (failing at once when the page cannot load), retries of
 * steps that timed out (recorded, never hidden), the visits it made, and answers to invitations.
 */
export class PersonaNavigator {
  readonly visits: PageVisit[] = [];
  /** What the layout check found (see checkLayout). */
  readonly layout: LayoutFinding[] = [];
  /** Shot ids by what they show (see PersonaObservations.shotIndex). */
  readonly shotIndex: Record<string, string> = {};
  inChat = false;
  /** Attempts of the step in progress. */
  lastAttempts = 1;
  /** Called with an invitation on screen, before the persona answers it (the flow screenshots a wrong one). */
  beforeAnswer: () => Promise<void> = async () => {};
  readonly #session: PersonaSession;
  readonly #profile: StoreProfile;
  #lastDocument: { url: string; status: number } | null = null;
  #navigationWaiters = new Set<(error: Error) => void>();
  /** The control the last click was on (for "clicked X, but nothing happened"). */
  #lastClick: string | null = null;
  /** The persona closed the chat panel: seeing it again on a later page is a layout failure. */
  #closedPanelOn: string | null = null;
  /** Makes `{persona}` in field values unique to this persona and run (sign-up per persona). */
  readonly #personaToken: string;
  readonly #dispose: () => void;

  constructor(session: PersonaSession) {
    this.#session = session;
    this.#profile = session.profile;
    this.#personaToken = `${session.spec.id}-${performance.timeOrigin.toString(36).replace(".", "")}${Math.floor(performance.now()).toString(36)}`;
    const page = session.page;
    const onResponse = (response: Response) => {
      if (!response.request().isNavigationRequest() || response.frame() !== page.mainFrame()) return;
      this.#lastDocument = { url: response.url(), status: response.status() };
    };
    // A server error page fails its step once it is shown (so a retry does not race its navigation).
    const onNavigated = (frame: Frame) => {
      const last = this.#lastDocument;
      if (frame !== page.mainFrame() || last === null || last.status < 500 || last.url !== frame.url()) return;
      const error = new Error(`HTTP ${last.status} at ${last.url}`);
      for (const fail of this.#navigationWaiters) fail(error);
    };
    // A page that cannot load at all (connection refused or dropped) fails its step at once, not after the timeout.
    const onFailed = (request: Request) => {
      const failure = request.failure()?.errorText ?? "";
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame() || /ERR_ABORTED/.test(failure)) return;
      const error = new Error(`${failure} at ${request.url()}`);
      for (const fail of this.#navigationWaiters) fail(error);
    };
    page.on("response", onResponse);
    page.on("framenavigated", onNavigated);
    page.on("requestfailed", onFailed);
    this.#dispose = () => {
      page.off("response", onResponse);
      page.off("framenavigated", onNavigated);
      page.off("requestfailed", onFailed);
    };
  }

  /** Stops listening to the page (the tab goes on to the next persona). */
  dispose(): void {
    this.#dispose();
  }

  /** Waits for `marker`, or rejects as soon as a page load fails. */
  async #waitForPage(marker: string): Promise<void> {
    let fail: (error: Error) => void = () => {};
    const failed = new Promise<never>((_resolve, reject) => (fail = reject));
    this.#navigationWaiters.add(fail);
    try {
      await Promise.race([this.#session.waitForVisible([marker], this.navigationMs()), failed]);
    } finally {
      this.#navigationWaiters.delete(fail);
      failed.catch(() => {});
    }
  }

  /** Fills `fields` of `step` with their values, or the wrong value given for a field in `wrong`. */
  async fill(step: string, fields: readonly ProfileField[], wrong: ReadonlyMap<string, string>): Promise<void> {
    const page = this.#session.page;
    for (const field of fields) {
      await this.beforeAction();
      const locator = page.locator(field.selector).first();
      const value = wrong.get(field.name) ?? this.#valueOf(step, field);
      try {
        if (field.type === "choice" || field.type === "checkbox") await locator.check({ timeout: this.selectorMs() });
        else if (field.type === "select") await locator.selectOption(value, { timeout: this.selectorMs() });
        else await locator.fill(value, { timeout: this.selectorMs() });
      } catch (error) {
        throw new StepError(
          step,
          (await this.#describeElement(step, `field ${field.name} (${field.selector})`, field.selector, error)).replace(/^([^:]+): /, "$1: cannot fill: "),
          isRetryable(error),
        );
      }
    }
  }

  /** A field's right value: an account from the pool (login), the profile's value with {persona} filled in, or the persona's generated one. */
  #valueOf(step: string, field: ProfileField): string {
    const account = step === "login" ? this.#session.account : null;
    const value = account?.[field.name] ?? field.value ?? this.#session.spec.values[`${step}.${field.name}`] ?? "";
    return value.replaceAll("{persona}", this.#personaToken);
  }

  /** Runs a step's generic actions (open a panel, choose from a drop-down, wait for a change) before its fields. */
  async runActions(step: string, actions: readonly ProfileAction[]): Promise<void> {
    const page = this.#session.page;
    for (const [index, action] of actions.entries()) {
      await this.beforeAction();
      const next = actions[index + 1];
      if (next !== undefined && "waitForChange" in next) await this.markSeen(next.waitForChange);
      const target =
        "click" in action
          ? action.click
          : "check" in action
            ? action.check
            : "select" in action
              ? action.select
              : "fill" in action
                ? action.fill
                : "waitFor" in action
                  ? action.waitFor
                  : action.waitForChange;
      try {
        if ("click" in action) await this.click(action.click);
        else if ("check" in action) await page.locator(action.check).first().check({ timeout: this.selectorMs() });
        else if ("select" in action) await page.locator(action.select).first().selectOption(action.value, { timeout: this.selectorMs() });
        else if ("fill" in action) await page.locator(action.fill).first().fill(action.value, { timeout: this.selectorMs() });
        else if ("waitFor" in action) await this.#session.waitForVisible([action.waitFor], this.navigationMs());
        else await this.waitForNew(step, action.waitForChange);
      } catch (error) {
        if (error instanceof StepError) throw error;
        throw new StepError(step, await this.#describeElement(step, target, target, error), isRetryable(error));
      }
    }
  }

  /** Marks what `selector` shows now, so waitForNew can tell a new or changed one from a leftover. */
  async markSeen(selector: string): Promise<void> {
    await this.#session.page
      .evaluate(
        `(() => { for (const element of document.querySelectorAll(${JSON.stringify(selector)})) element.setAttribute("data-convsim-seen", element.textContent); })()`,
      )
      .catch(() => {});
  }

  /**
   * Waits until `selector` shows something new since markSeen: an element that was not there, or
   * whose text changed (a cart count). A confirmation left over from an earlier add does not count.
   * Polled from here (the page's own timers run on the persona's virtual clock).
   */
  async waitForNew(step: string, selector: string): Promise<void> {
    const page = this.#session.page;
    const isNew = `(() => [...document.querySelectorAll(${JSON.stringify(selector)})].some((element) => element.getClientRects().length > 0 && element.getAttribute("data-convsim-seen") !== element.textContent))()`;
    const deadline = performance.now() + this.navigationMs();
    while (!(await page.evaluate(isNew).catch(() => false))) {
      if (performance.now() > deadline) {
        throw new StepError(
          step,
          `${step}: no new confirmation (${selector}) within ${this.#profile.timeouts.navigationSeconds} s after ${this.#lastClick ?? "the last action"} (at ${this.#here()})`,
          true,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Performs `action` and waits for `marker`: the persona has arrived at `step`. A step that times
   * out is retried (the profile's `retries`) by loading `retryUrl` (or the page the step started
   * from, refilling `refill`'s fields); every retry is recorded.
   */
  async arrive(
    step: string,
    marker: string,
    action: () => Promise<unknown>,
    retryUrl: string | null,
    fromUrl: string | null = null,
    refill: ProfileStep | null = null,
  ): Promise<void> {
    await this.beforeAction();
    const session = this.#session;
    const page = session.page;
    const previousStep = session.step;
    session.step = step;
    const retryReasons: string[] = [];
    // Before the persona's first page the tab shows about:blank, whose clock is not the store's
    // (a reused tab's blank page may have sat paused): the first page's load time is not measured.
    const before = session.recorded.currentDoc === null ? null : await session.probe();
    let requestedAt = before?.now ?? null;
    const docBefore = before?.doc ?? null;
    let sameDocumentAt: number | null = null;
    for (let attempt = 1; ; attempt++) {
      this.lastAttempts = attempt;
      const problemsBefore = session.problems.length;
      const urlBefore = page.url();
      const startedAt = performance.now();
      this.#lastClick = null;
      try {
        await action();
        await this.#waitForPage(marker);
        await session.waitForLoad(this.navigationMs());
        // A client-side page change keeps the document: it has arrived once its data have (no request in flight).
        if (docBefore !== null && session.recorded.currentDoc === docBefore) sameDocumentAt = (await session.settle())?.now ?? null;
        break;
      } catch (error) {
        const failedStep = error instanceof StepError ? error.step : step;
        const diagnosis = error instanceof StepError ? null : await this.#diagnoseArrival(step, marker, error, urlBefore, problemsBefore, startedAt);
        const reason =
          error instanceof StepError
            ? error.message
            : (diagnosis?.reason ?? this.#describeFailure(step, marker, error, this.#profile.timeouts.navigationSeconds));
        const retryable = error instanceof StepError ? error.retryable : (diagnosis?.retryable ?? isRetryable(error));
        if (attempt > this.#profile.retries || !retryable) {
          throw new StepError(failedStep, attempt > 1 ? `${reason} (after ${attempt} attempts)` : reason, false);
        }
        // What went wrong during a failed attempt belongs to that attempt: reported with the retry, not as a page problem.
        const during = session.problems.splice(problemsBefore).map((problem) => problem.text);
        retryReasons.push(`attempt ${attempt}: ${reason}${during.length > 0 ? ` [${during.join("; ")}]` : ""}`);
        requestedAt = null;
        const again = retryUrl ?? fromUrl;
        if (again === null) throw new StepError(failedStep, reason, false);
        action = async () => {
          session.step = retryUrl === null ? previousStep : step;
          await page.goto(again);
          if (refill !== null) {
            await page.locator(refill.marker).first().waitFor({ state: "visible", timeout: this.navigationMs() });
            await this.fill(refill.name, refill.fields, new Map());
            session.step = step;
            requestedAt = await session.now();
            await this.click(refill.continue);
          }
          session.step = step;
        };
      }
    }
    await this.recordArrival(step, docBefore, requestedAt, retryReasons, sameDocumentAt);
  }

  /**
   * Why the persona did not arrive, as a shopper would put it: the store answered an error (status
   * and address); the page came, only late (with the time); the click changed nothing (still on
   * the same address); or the page changed but not to what the profile describes.
   */
  async #diagnoseArrival(
    step: string,
    marker: string,
    error: unknown,
    urlBefore: string,
    problemsBefore: number,
    startedAt: number,
  ): Promise<{ reason: string; retryable: boolean } | null> {
    const session = this.#session;
    // A page that could not load says so itself (describeFailure); only waits that ran out are diagnosed here.
    if (!/Timeout \d+ms exceeded/.test(errorText(error))) return null;
    const storeError = session.problems.slice(problemsBefore).find((problem) => problem.kind === "request" && / answered 5\d\d$/.test(problem.text));
    if (storeError !== undefined) return { reason: `${step}: store error: ${storeError.text} (at ${this.#here()})`, retryable: true };
    const limitSeconds = this.#profile.timeouts.navigationSeconds;
    // Wait twice as long again: a page that comes late is slow (with its time), not missing.
    const late = await session.waitForVisible([marker], 2 * this.navigationMs()).then(
      () => true,
      () => false,
    );
    if (late)
      return {
        reason: `${step}: page slow: it took ${((performance.now() - startedAt) / 1000).toFixed(1)} s to show (limit ${limitSeconds} s)`,
        retryable: false,
      };
    const lateError = session.problems.slice(problemsBefore).find((problem) => problem.kind === "request" && / answered 5\d\d$/.test(problem.text));
    if (lateError !== undefined) return { reason: `${step}: store error: ${lateError.text} (at ${this.#here()})`, retryable: true };
    if (this.#lastClick !== null && session.page.url() === urlBefore) {
      return { reason: `${step}: clicked ${this.#lastClick}, but nothing happened within ${limitSeconds * 3} s (still at ${this.#here()})`, retryable: true };
    }
    return { reason: `${step}: ${marker} not shown within ${limitSeconds * 3} s (at ${this.#here()})`, retryable: true };
  }

  /** The path of the page the persona is on now (client-side changes included). */
  #here(): string {
    const url = this.#session.page.url();
    const base = this.#profile.baseUrl;
    return url.startsWith(base) ? url.slice(base.length) || "/" : url;
  }

  /** Runs `attempt`; a retryable failure is tried again after `again` (the profile's retries), recorded like arrive's. */
  async retrying(attempt: () => Promise<void>, again: () => Promise<void>): Promise<void> {
    const session = this.#session;
    for (let count = 1; ; count++) {
      this.lastAttempts = count;
      const problemsBefore = session.problems.length;
      try {
        await attempt();
        return;
      } catch (error) {
        if (!(error instanceof StepError)) throw error;
        if (!error.retryable || count > this.#profile.retries)
          throw new StepError(error.step, count > 1 ? `${error.message} (after ${count} attempts)` : error.message, false);
        session.problems.splice(problemsBefore);
        await again();
      }
    }
  }

  /** Records the page the persona is on as a visit of `step`, with its load time in page time. */
  async recordArrival(
    step: string,
    docBefore: string | null,
    requestedAt: number | null = null,
    retryReasons: string[] = [],
    sameDocumentAt: number | null = null,
  ): Promise<void> {
    const session = this.#session;
    session.step = step;
    const chat = this.#profile.chat;
    if (chat?.ready && !(await session.waitForWidget(this.selectorMs()).catch(() => false))) {
      session.chatProblems.push(`the chat widget did not start on ${step} (${chat.ready} not found within ${this.#profile.timeouts.selectorSeconds} s)`);
    }
    // The recorder's reports name the document and its load time; the page is asked only when it has not reported them.
    const state = session.recorded.currentDoc !== null && session.recorded.loadedAt() !== null ? null : await session.probe();
    const doc = session.recorded.currentDoc ?? state?.doc ?? null;
    const loaded = sameDocumentAt ?? session.recorded.loadedAt() ?? state?.now ?? null;
    const loadSeconds =
      requestedAt !== null && loaded !== null && (doc !== docBefore || sameDocumentAt !== null) ? Math.max(0, (loaded - requestedAt) / 1000) : null;
    this.visits.push({ step, url: session.page.url(), doc, requestedAt, loadedAt: loaded, loadSeconds, attempts: retryReasons.length + 1, retryReasons });
    if (loadSeconds !== null && loadSeconds > this.#profile.pageBudgetSeconds) await this.shot(`timing:${this.visits.length - 1}`, step);
    await this.checkLayout(step);
  }

  /**
   * The layout check on the page just reached: the chat widget (open or closed) must not cover
   * the step's controls (add to cart, checkout, continue, place order) or the total; a panel the
   * persona closed must stay closed. The persona closes an open panel, as shoppers do, after looking.
   */
  async checkLayout(step: string): Promise<void> {
    const chat = this.#profile.chat;
    if (!chat?.widget) return;
    const page = this.#session.page;
    const panelOpen = chat.panel !== undefined && (await this.isVisible(chat.panel));
    if (panelOpen && this.#closedPanelOn !== null) {
      this.layout.push({ step, target: "panel", coveredBy: null, reopened: true });
      await this.shot(`layout:${this.layout.length - 1}`, step);
    }
    const controls: Array<[string, string]> = [];
    for (const [label, selector] of this.#controlsOf(step)) if (await this.isVisible(selector)) controls.push([label, selector]);
    // The page as the shopper has it (no scrolling): the store's own layout test sweeps the scroll positions.
    const overlaps =
      controls.length === 0
        ? []
        : await findLayoutOverlaps(page, { overlay: chat.widget, controls: Object.fromEntries(controls), scrollEachIntoView: false }).catch(() => []);
    for (const [label, selector] of controls) {
      const coveredBy = overlaps.find((overlap) => overlap.control === label)?.coveredBy ?? null;
      this.layout.push({ step, target: `${label} (${selector})`, coveredBy });
      if (coveredBy !== null) await this.shot(`layout:${this.layout.length - 1}`, step);
    }
    if (!panelOpen || !chat.close || this.inChat) return;
    // A consent banner or welcome dialog over the page takes the click meant for the panel's close
    // button, so the shopper closes those first (the click would otherwise wait its whole timeout).
    await this.dismissOverlays();
    const closed = await page
      .locator(chat.close)
      .first()
      .click({ timeout: this.selectorMs() })
      .then(
        () => true,
        () => false,
      );
    if (closed) this.#closedPanelOn = step;
  }

  /** The named controls and the total a shopper needs on `step`. */
  #controlsOf(step: string): Array<[string, string]> {
    const profile = this.#profile;
    const total: Array<[string, string]> = [["total", profile.totals.total]];
    if (step === "browse") return profile.catalog.addToCart ? [["add to cart", `${profile.catalog.product} ${profile.catalog.addToCart}`]] : [];
    if (step === "product") return profile.product ? [["add to cart", profile.product.addToCart]] : [];
    if (step === "cart") return [["checkout", profile.cart.checkout], ...total];
    if (step === "confirmation") return [["total", profile.confirmation.total ?? profile.totals.total]];
    const checkoutStep = profile.checkout.steps.find((candidate) => candidate.name === step);
    const last = profile.checkout.steps.at(-1) === checkoutStep;
    return checkoutStep ? [[last ? "place order" : "continue", checkoutStep.continue], ...total] : [];
  }

  /** Answers a visible invitation as the spec says; an accepted chat waits (bounded) for an agent and is minimized. */
  async answerInvitation(): Promise<void> {
    const chat = this.#profile.chat;
    const session = this.#session;
    if (!chat) return;
    await this.beforeAnswer();
    const accept = session.spec.invitationResponse === "accept";
    await session.mark(accept ? "accept" : "dismiss");
    const button = session.page.locator(accept ? chat.accept : chat.dismiss).first();
    const clicked = await button.click({ timeout: this.selectorMs() }).then(
      () => true,
      () => false,
    );
    if (!clicked) {
      session.chatProblems.push(`could not ${accept ? "accept" : "dismiss"} the invitation on ${session.step} (${accept ? chat.accept : chat.dismiss})`);
      return;
    }
    if (!accept) return;
    this.inChat = true;
    if (chat.agentMessage) {
      await session
        .waitForVisible([chat.agentMessage], chat.answerSeconds * 1000)
        .catch(() => session.chatProblems.push(`no agent answered within ${chat.answerSeconds} s on ${session.step}`));
    }
    if (chat.close)
      await session.page
        .locator(chat.close)
        .first()
        .click({ timeout: this.selectorMs() })
        .catch(() => {});
  }

  /** Ends an open chat as the persona leaves, so the store's agents are not left holding it. */
  async endChat(): Promise<void> {
    const chat = this.#profile.chat;
    if (!chat?.end) return;
    const page = this.#session.page;
    if (chat.open && !(await this.isVisible(chat.end)))
      await page
        .locator(chat.open)
        .first()
        .click({ timeout: 2000 })
        .catch(() => {});
    await page
      .locator(chat.end)
      .first()
      .click({ timeout: 2000 })
      .catch(() => {});
  }

  /** A shopper answers an invitation before doing anything else on the page. */
  async beforeAction(): Promise<void> {
    if (this.#profile.chat && this.#session.invitationVisible) await this.answerInvitation();
    if (this.#profile.overlays.length > 0) await this.dismissOverlays();
  }

  /**
   * Closes every overlay of the profile that is shown (cookie consent, a welcome dialog), as a
   * shopper would first: the one on top first, whatever the profile's order (a welcome dialog over
   * a consent banner takes the click meant for the banner's button).
   */
  async dismissOverlays(): Promise<void> {
    const page = this.#session.page;
    const shown: ProfileOverlay[] = [];
    for (const overlay of this.#profile.overlays) if (await this.isVisible(overlay.selector)) shown.push(overlay);
    while (shown.length > 0) {
      // One overlay shown (the usual case) needs no hit test.
      const [overlay] = shown.splice(shown.length === 1 ? 0 : await this.#topmost(shown), 1);
      const closed = await page
        .locator(overlay.dismiss)
        .first()
        .click({ timeout: this.selectorMs() })
        .then(
          () => true,
          () => false,
        );
      const gone =
        closed &&
        (await page
          .locator(overlay.selector)
          .first()
          .waitFor({ state: "hidden", timeout: this.selectorMs() })
          .then(
            () => true,
            () => false,
          ));
      if (!gone)
        throw new StepError(
          this.currentStep(),
          `${this.currentStep()}: the ${overlay.name} (${overlay.selector}) did not close on ${overlay.dismiss} (at ${this.#here()})`,
          true,
        );
    }
  }

  /**
   * The index of the first overlay whose close control would take a click now (the element at its
   * centre is the control or inside it), or 0 when none would: that one then waits, and fails, as before.
   */
  async #topmost(overlays: readonly ProfileOverlay[]): Promise<number> {
    for (const [index, overlay] of overlays.entries()) {
      const onTop = await this.#session.page
        .locator(overlay.dismiss)
        .first()
        .evaluate(
          (element) => {
            const box = element.getBoundingClientRect();
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return box.width > 0 && box.height > 0 && hit !== null && element.contains(hit);
          },
          undefined,
          { timeout: 500 },
        )
        .catch(() => false);
      if (onTop === true) return index;
    }
    return 0;
  }

  async click(selector: string): Promise<void> {
    await this.clickLocator(this.#session.page.locator(selector).first(), selector);
  }

  /** Clicks on the page the persona is on; a missing or covered element fails that page's step. */
  async clickLocator(locator: Locator, description: string, waitForNavigation = false): Promise<void> {
    await this.beforeAction();
    try {
      // Usually the flow waits for the next page's marker itself (navigation timeout), so the click
      // does not wait for the navigation; an add-to-cart that stays on the page waits for the
      // reload it may cause, so the `added` marker is not found on the old page.
      await locator.click({ timeout: waitForNavigation ? this.navigationMs() : this.selectorMs(), noWaitAfter: !waitForNavigation });
      this.#lastClick = description;
    } catch (error) {
      const step = this.currentStep();
      throw new StepError(step, await this.#describeElement(step, description, description, error), isRetryable(error));
    }
  }

  /** Why an action on `selector` failed, from the element's state: absent, hidden, disabled, off-screen or covered by what. */
  async #describeElement(step: string, label: string, selector: string, error: unknown): Promise<string> {
    if (!/Timeout \d+ms exceeded/.test(errorText(error))) return this.#describeFailure(step, label, error, this.#profile.timeouts.selectorSeconds);
    const state = await inspectElement(this.#session.page, selector, this.#profile.chat?.widget ?? null);
    if (state === null) return this.#describeFailure(step, label, error, this.#profile.timeouts.selectorSeconds);
    const suffix = state.kind === "absent" ? ` within ${this.#profile.timeouts.selectorSeconds} s` : "";
    return `${step}: ${label} ${describeElementState(state)}${suffix} (at ${this.#here()})`;
  }

  /** The funnel step of the page the persona is on. */
  currentStep(): string {
    return this.visits.at(-1)?.step ?? "start";
  }

  async waitVisible(step: string, selector: string): Promise<void> {
    try {
      await this.#session.waitForVisible([selector], this.navigationMs());
    } catch (error) {
      throw new StepError(step, this.#describeFailure(step, selector, error, this.#profile.timeouts.navigationSeconds), false);
    }
  }

  async isVisible(selector: string): Promise<boolean> {
    return this.#session.page
      .locator(selector)
      .first()
      .isVisible()
      .catch(() => false);
  }

  firstVisible(selectors: readonly string[]): Promise<string | null> {
    return firstVisible(this.#session.page, selectors);
  }

  async textOf(selector: string): Promise<string | null> {
    const text = await this.#session.page
      .locator(selector)
      .first()
      .textContent({ timeout: this.selectorMs() })
      .catch(() => null);
    return text === null ? null : text.trim();
  }

  /** Screenshots the failure it is called for, at once (before the persona moves on). */
  async shot(key: string, step: string): Promise<void> {
    const id = await this.#session.screenshot(step);
    if (id !== null) this.shotIndex[key] = id;
  }

  #describeFailure(step: string, selector: string, error: unknown, limitSeconds: number): string {
    return describeFailure(error, {
      step,
      selector,
      limitSeconds,
      baseUrl: this.#profile.baseUrl,
      navigationSeconds: this.#profile.timeouts.navigationSeconds,
      lastDocument: this.#lastDocument,
    });
  }

  selectorMs(): number {
    return this.#profile.timeouts.selectorSeconds * 1000;
  }

  navigationMs(): number {
    return this.#profile.timeouts.navigationSeconds * 1000;
  }
}
