// What a synthetic shopper's pages record about themselves, in the page's own (virtual) time.
// The recorder is an init script: it runs in every document of the persona's browser context
// before the store's scripts, after Playwright's fake clock, so `performance.now()` is the clock
// the store's widget sees (continuous across navigations, fast-forwarded during idle pauses).
// It also tells the harness when the selectors it waits for appear, so waits end on the page's own
// DOM mutations instead of polling (each poll is several protocol round trips).

/**
 * Name of the binding the recorder reports through: a raw DevTools binding (`Runtime.addBinding`)
 * taking one JSON string. One-way: unlike Playwright's exposeBinding, no answer goes back to the
 * page, which halves the protocol traffic of every event.
 */
export const RECORDER_BINDING = "__convsimRecord";
/** The recorder's in-page handle (`window.__convsimProbe`). */
export const RECORDER_GLOBAL = "__convsimProbe";
/** Timers shorter than this run inside a clock step instead of ending it (animation frames, debounces). */
export const MIN_STEP_TIMER_MS = 20;

/** One thing a page reported; `at` is `performance.now()` in the page (virtual milliseconds since the clock was installed). */
export type RecordedEvent =
  | { type: "document"; doc: string; at: number; url: string }
  | { type: "widgetReady"; doc: string; at: number }
  | { type: "input"; doc: string; at: number; event: string }
  /**
   * What the widget's confusion meter counts (sim/policy ConfusionMeter): a form field focused or its
   * value committed (`change`), by the field's name or id, and clicks with their page position.
   */
  | { type: "confusionInput"; doc: string; at: number; kind: "focus" | "edit"; field: string }
  | { type: "confusionInput"; doc: string; at: number; kind: "click"; x: number; y: number }
  | { type: "invitationShown"; doc: string; at: number }
  | { type: "invitationHidden"; doc: string; at: number }
  | { type: "queue"; doc: string; at: number; state: { freeSlots: number; queueLength: number; predictedWaitSeconds: number } }
  | { type: "loaded"; doc: string; at: number }
  /** Indices (into RecorderConfig.watch) of the watched selectors visible now; sent when the set changes. */
  | { type: "markers"; doc: string; at: number; visible: number[] }
  /** Watched selectors document.querySelector rejects (not CSS): the harness waits for those with Playwright. */
  | { type: "watchInvalid"; doc: string; at: number; invalid: number[] };

/** What the recorder watches: selectors and URLs from the store profile. */
export interface RecorderConfig {
  /** The chat invitation (null: the store has no chat widget). */
  invitation: string | null;
  /** Present once the widget runs (its trigger loop starts idle time there). */
  widgetReady: string | null;
  /** Everything the chat widget puts on the page: input inside it is chat, not checkout confusion. */
  widget: string | null;
  /** DOM events the widget counts as shopper input (they restart idle time). */
  inputEvents: readonly string[];
  /** Path of the chat queue state the widget reads for gating, e.g. /api/chat/queue. */
  queuePath: string | null;
  /** Selectors (CSS) the harness waits for to become visible: page markers, form errors, chat messages. */
  watch: readonly string[];
}

/** In-page state the harness reads between clock steps (`window.__convsimProbe.state()`, or `.settled()` once no request is in flight). */
export interface ProbeState {
  /** performance.now() */
  now: number;
  /** Earliest pending timer due at or after now (virtual ms), or null. */
  nextDueAt: number | null;
  /** fetch/XHR requests still running. */
  inflight: number;
  invitationVisible: boolean;
  doc: string;
  lastInputAt: number | null;
}

/**
 * The init script's source. Plain JavaScript in a string (not a serialized TypeScript function), so
 * no transpiler helper can leak into the page. It reports through RECORDER_BINDING and never
 * throws into the page: a store must behave exactly as it would without it.
 */
export function recorderScript(config: RecorderConfig): string {
  // The parts are pieces of one function body, in this order: they share its variables (send, now,
  // inflight, observe, ...), so each reads what the parts before it declared.
  return `(() => {
${recorderState(config)}${timerHooks()}${requestHooks()}${pageWatch()}${probeHandle()}})();`;
}

/** The recorder's part: the document id, the clock, the one-way report channel and the state the probe returns. Only the top document reports (frames have their own recorder and clock, and are not the funnel). */
function recorderState(config: RecorderConfig): string {
  return `  if (window.${RECORDER_GLOBAL}) return;
  const config = ${JSON.stringify(config)};
  const doc = Math.random().toString(36).slice(2) + "-" + Math.round(performance.now());
  const now = () => performance.now();
  // Only the top document reports (frames have their own recorder and clock, and are not the funnel).
  const top = window === window.top;
  const binding = window.${RECORDER_BINDING};
  const send = (event) => { if (!top || typeof binding !== "function") return; event.doc = doc; try { binding(JSON.stringify(event)); } catch (error) {} };
  let inflight = 0;
  let lastInputAt = null;
  let invitationVisible = false;
  let widgetReady = false;

`;
}

/** The recorder's part: wrapped setTimeout/setInterval that remember when each timer is due (for `nextDueAt`). */
function timerHooks(): string {
  return `  // Timers: remember when each is due, so the harness can step the fake clock from timer to timer
  // (a fetch started by a timer then completes at the timer's own virtual time).
  const due = new Map();
  const nativeSetTimeout = window.setTimeout, nativeClearTimeout = window.clearTimeout;
  const nativeSetInterval = window.setInterval, nativeClearInterval = window.clearInterval;
  window.setTimeout = function (callback, delay, ...rest) {
    const ms = Math.max(0, Number(delay) || 0);
    let id;
    const wrapped = typeof callback === "function" ? function (...args) { due.delete(id); return callback.apply(this, args); } : callback;
    id = nativeSetTimeout.call(window, wrapped, delay, ...rest);
    if (ms >= ${MIN_STEP_TIMER_MS}) due.set(id, { at: now() + ms, every: 0 });
    return id;
  };
  window.clearTimeout = function (id) { due.delete(id); return nativeClearTimeout.call(window, id); };
  window.setInterval = function (callback, delay, ...rest) {
    const ms = Math.max(0, Number(delay) || 0);
    const id = nativeSetInterval.call(window, callback, delay, ...rest);
    if (ms >= ${MIN_STEP_TIMER_MS}) due.set(id, { at: now() + ms, every: ms });
    return id;
  };
  window.clearInterval = function (id) { due.delete(id); return nativeClearInterval.call(window, id); };
  // A timer still pending past its estimated time is due now: the estimate (performance.now() at
  // registration) can be a few ms ahead of the clock's own count, and stepping past the timer would
  // let it fire late in a long jump.
  const nextDueAt = () => {
    const t = now();
    let next = null;
    for (const timer of due.values()) {
      let at = timer.at;
      if (timer.every > 0) while (at < t) at += timer.every;
      at = Math.max(at, t);
      if (next === null || at < next) next = at;
    }
    return next;
  };

`;
}

/** The recorder's part: fetch, Response body reads and XMLHttpRequest counted in flight; the widget's queue-state reads reported. */
function requestHooks(): string {
  return `  // Waiters for "no request in flight" (settled), woken as the last one ends: no polling.
  const idleWaiters = [];
  const done = () => {
    inflight--;
    if (inflight === 0) for (const wake of idleWaiters.splice(0)) wake();
  };
  const macrotask = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });

  // Requests in flight, and the queue state the widget reads (with the virtual time it asked).
  const nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === "string" ? input : input && input.url ? input.url : String(input);
    const askedAt = now();
    inflight++;
    let promise;
    try { promise = nativeFetch.call(window, input, init); } catch (error) { done(); throw error; }
    promise.then((response) => {
      if (config.queuePath && new URL(url, location.href).pathname === config.queuePath && response.ok) {
        response.clone().json().then((state) => send({ type: "queue", at: askedAt, state }), () => {});
      }
    }, () => {});
    return promise.finally(done);
  };
  // Reading a body is part of the request: a widget that fetched its queue state still has to read
  // it before it decides, and the harness must not move the clock in between.
  for (const method of ["text", "json", "arrayBuffer", "blob", "formData"]) {
    const native = Response.prototype[method];
    if (typeof native !== "function") continue;
    Response.prototype[method] = function (...args) {
      inflight++;
      let reading;
      try { reading = native.apply(this, args); } catch (error) { done(); throw error; }
      return reading.finally(done);
    };
  }
  const nativeSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    inflight++;
    this.addEventListener("loadend", done, { once: true });
    return nativeSend.apply(this, args);
  };

`;
}

/** The recorder's part: shopper input, the watched selectors, the widget's readiness and the invitation's visibility, reported as they change. */
function pageWatch(): string {
  return `  // The confusion meter's input, read as the widget reads it: focus and committed changes of a form's
  // own fields (by name or id), and clicks with their page position, none of them inside the chat
  // widget (typing to an agent is not re-editing the checkout). A selector the page's CSS engine
  // rejects (a Playwright-only one) excludes nothing rather than throw into the store's page.
  const insideWidget = (target) => {
    if (!config.widget || !target || typeof target.closest !== "function") return false;
    try { return target.closest(config.widget) !== null; } catch (error) { return false; }
  };
  const formField = (target) => {
    if (!target || !["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName) || !target.form || target.type === "hidden") return null;
    if (insideWidget(target)) return null;
    return target.name || target.id || null;
  };
  for (const [type, kind] of [["focusin", "focus"], ["change", "edit"]]) {
    document.addEventListener(type, (event) => {
      const field = event.isTrusted ? formField(event.target) : null;
      if (field) send({ type: "confusionInput", at: now(), kind, field });
    }, { capture: true, passive: true });
  }
  document.addEventListener("click", (event) => {
    if (event.isTrusted && !insideWidget(event.target)) send({ type: "confusionInput", at: now(), kind: "click", x: event.pageX, y: event.pageY });
  }, { capture: true, passive: true });

  for (const type of config.inputEvents) {
    window.addEventListener(type, (event) => {
      if (!event.isTrusted) return;
      lastInputAt = now();
      send({ type: "input", at: lastInputAt, event: type });
    }, { capture: true, passive: true });
  }

  // Visible: laid out, not visibility:hidden, not transparent. An element fading in (an animation
  // running on it or an ancestor) counts from the moment it starts to appear: the animation runs in
  // real time while the harness steps virtual time, so waiting for its opacity would report the
  // invitation at a later, random virtual moment.
  const fadingIn = (element) => {
    try {
      return document.getAnimations().some((animation) => animation.playState === "running" && animation.effect && animation.effect.target && animation.effect.target.contains(element));
    } catch (error) {
      return false;
    }
  };
  const isVisible = (element) => {
    if (!element) return false;
    if (!element.checkVisibility) return element.getClientRects().length > 0;
    if (element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return true;
    return element.checkVisibility({ checkVisibilityCSS: true }) && fadingIn(element);
  };
  // Watched selectors: the set visible now, reported when it changes (a page usually changes it once or twice).
  const invalid = new Set();
  let shown = "";
  const watchMarkers = () => {
    const visible = [];
    config.watch.forEach((selector, index) => {
      if (invalid.has(index)) return;
      try {
        if (isVisible(document.querySelector(selector))) visible.push(index);
      } catch (error) {
        invalid.add(index);
        send({ type: "watchInvalid", at: now(), invalid: [...invalid] });
      }
    });
    const key = visible.join(",");
    if (key !== shown) {
      shown = key;
      send({ type: "markers", at: now(), visible });
    }
  };
  const observe = () => {
    if (config.watch.length > 0) watchMarkers();
    if (config.widgetReady && !widgetReady && document.querySelector(config.widgetReady)) {
      widgetReady = true;
      send({ type: "widgetReady", at: now() });
    }
    if (config.invitation) {
      const visible = isVisible(document.querySelector(config.invitation));
      if (visible !== invitationVisible) {
        invitationVisible = visible;
        send({ type: visible ? "invitationShown" : "invitationHidden", at: now() });
      }
    }
  };
  new MutationObserver(observe).observe(document, { subtree: true, childList: true, attributes: true });
  // Stylesheets that arrive late can change what is visible without a DOM mutation: look again at load.
  window.addEventListener("load", () => { observe(); send({ type: "loaded", at: now() }); });

`;
}

/** The recorder's part: the in-page handle the harness calls between clock steps, and the document's announcement. */
function probeHandle(): string {
  return `  window.${RECORDER_GLOBAL} = {
    state: () => { observe(); return { now: now(), nextDueAt: nextDueAt(), inflight, invitationVisible, doc, lastInputAt }; },
    // The state once no request is in flight and a macrotask turn (MessageChannel: not faked by the
    // clock) has let response handlers run without starting another.
    settled: async () => {
      for (;;) {
        while (inflight > 0) await new Promise((wake) => idleWaiters.push(wake));
        await macrotask();
        if (inflight === 0) return window.${RECORDER_GLOBAL}.state();
      }
    },
  };
  // Announced once the document is parsed: in a new document the fake clock only catches up with
  // earlier fast-forwards after the first scripts ran, so performance.now() at creation can be stale.
  const announce = () => { observe(); send({ type: "document", at: now(), url: location.href }); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", announce, { once: true });
  else announce();
`;
}
