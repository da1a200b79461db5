import {
  evaluateExitIntent,
  evaluatePolicy,
  newVisitState,
  onChatStarted,
  onDeclined,
  onInvitationShown,
  onPageChange,
  type QueueState,
  type ResolvedPolicy,
  type Signals,
  TriggerTimer,
  usesSignal,
  type VisitState,
} from "../../../sim/policy/index.ts";
import type { PersonaObservations } from "../persona/observations.ts";
import type { MoneyRules } from "../profiles/loadProfile.ts";
import type { InvitationWindow } from "../results/checkResults.ts";
import { verdict } from "./invitationVerdict.ts";
import { expectedMoney } from "./moneyCheck.ts";
import { confusionOnset } from "./personaConfusion.ts";

/** Idle stretches shorter than this, with nothing predicted or seen in them, are not reported. */
export const MIN_REPORTED_WINDOW_SECONDS = 5;
/** Longest look-ahead, as the widget's (a day). */
const MAX_LOOKAHEAD_SECONDS = 24 * 3600;
/** Queue state assumed before any reading: an open desk. */
const OPEN_QUEUE: QueueState = { freeSlots: 1, queueLength: 0, predictedWaitSeconds: 0 };

interface Moment {
  at: number;
  kind: "input" | "confused" | "shown" | "accept" | "dismiss" | "exitIntent" | "end";
  via?: "mouse" | "back";
}

/**
 * Replays the persona's visit through the trigger contract (sim/policy TriggerTimer), driven the way
 * the widget drives it: on each page, idle time starts when the widget starts and again at every
 * input; wake-ups fall where the timer says (rounded up to the millisecond, as the widget's
 * setTimeout), evaluatePolicy decides with the live queue state; exit intent evaluates once with
 * exitIntent true (the back button only when a rule reads exitIntent).
 * Caps follow the visit state the store keeps (onPageChange, onInvitationShown, onDeclined,
 * onChatStarted).
 *
 * The prediction is conditional on what happened: an invitation the store did show updates the
 * visit state even when it was not predicted, so one early invitation is one disagreement, not a
 * cascade. Signals are the persona's own: its step, pages loaded, cart value at catalog prices,
 * field errors shown, time since the widget first started, and confusion as the widget's meter
 * (sim/policy ConfusionMeter) finds it in the persona's recorded focus, edits, clicks and steps
 * (`checkoutSteps` in order; a rule reading `confusion` may fire the moment it turns true). Queue state is the latest reading at or
 * before the moment (the widget's own reads, else the harness's reading at the window's start).
 * Returns one entry per idle or exit-intent window worth reporting, with its verdict.
 */
export function predictInvitations(
  observations: PersonaObservations,
  policy: ResolvedPolicy,
  rules: MoneyRules,
  toleranceSeconds: number,
  checkoutSteps: readonly string[] = [],
): InvitationWindow[] {
  const stepOf = new Map(observations.visits.filter((visit) => visit.doc !== null).map((visit) => [visit.doc!, visit.step]));
  const documents = observations.events.filter((event) => event.type === "document");
  const startOf = widgetStarts(observations);
  const queueAt = queueReader(observations);
  const backEvaluates = usesSignal(policy, "exitIntent");
  const offered = [...observations.offered];
  const confusedFrom = confusionOnset(observations, checkoutSteps);

  const windows: InvitationWindow[] = [];
  const tracked = { visit: newVisitState() };
  let visitStart: number | null = null;
  documents.forEach((document, index) => {
    const step = stepOf.get(document.doc);
    const start = startOf(document);
    tracked.visit = onPageChange(tracked.visit);
    if (step === undefined || start === undefined) return;
    visitStart ??= start;
    const end = pageEnd(observations, document, documents[index + 1], start);
    const page: PageReplay = {
      persona: observations.spec.id,
      policy,
      toleranceSeconds,
      step,
      visitStart,
      offered,
      backEvaluates,
      queueAt,
      // Every document counts as a page view, the ones the persona cannot place too.
      signalsAt: pageSignals(observations, rules, document, step, visitStart, index + 1, confusedFrom.get(document.doc) ?? Number.POSITIVE_INFINITY),
    };
    windows.push(...replayPage(page, tracked, pageMoments(observations, document.doc, start, end, confusedFrom.get(document.doc)), start));
  });
  return windows;
}

type DocumentEvent = Extract<PersonaObservations["events"][number], { type: "document" }>;

/** What every window on one page shares: the persona, the policy, the page's signals and the queue. */
interface PageReplay {
  persona: string;
  policy: ResolvedPolicy;
  toleranceSeconds: number;
  step: string;
  /** When the widget first started in this visit (ms on the persona's clock). */
  visitStart: number;
  /** The rules the widget reported, consumed as invitations are matched to them. */
  offered: PersonaObservations["offered"];
  /** Whether the back button counts as exit intent (only when a rule reads exitIntent). */
  backEvaluates: boolean;
  queueAt: (at: number) => QueueState;
  signalsAt: (at: number, lastInput: number, exitIntent: boolean) => Signals;
}

/** Where idle time starts on each page: when the widget reported ready, or the document's load when it never does. */
function widgetStarts(observations: PersonaObservations): (document: DocumentEvent) => number | undefined {
  const readyAt = new Map<string, number>();
  for (const event of observations.events) if (event.type === "widgetReady" && !readyAt.has(event.doc)) readyAt.set(event.doc, event.at);
  const usesReady = observations.events.some((event) => event.type === "widgetReady");
  return (document) => (usesReady ? readyAt.get(document.doc) : document.at);
}

/** The latest queue reading at or before a moment (the widget's own reads and the harness's), an open desk before any. */
function queueReader(observations: PersonaObservations): (at: number) => QueueState {
  const queueReadings = [
    ...observations.queue,
    ...observations.events.flatMap((event) => (event.type === "queue" ? [{ at: event.at, state: event.state }] : [])),
  ].sort((a, b) => a.at - b.at);
  return (at) => {
    let state = queueReadings.find(() => true)?.state ?? OPEN_QUEUE;
    for (const reading of queueReadings) if (reading.at <= at + 1) state = reading.state;
    return state;
  };
}

/** The page ends when the next document loads; the last page, at its last event or action. */
function pageEnd(observations: PersonaObservations, document: DocumentEvent, next: DocumentEvent | undefined, start: number): number {
  return (
    next?.at ??
    Math.max(
      start,
      ...observations.events.filter((event) => event.doc === document.doc).map((event) => event.at),
      ...observations.actions.filter((action) => action.doc === document.doc).map((action) => action.at),
    )
  );
}

/** The persona's signals on one page, as the widget would read them at a moment. */
function pageSignals(
  observations: PersonaObservations,
  rules: MoneyRules,
  document: DocumentEvent,
  step: string,
  visitStart: number,
  pageViews: number,
  confusedFrom: number,
): PageReplay["signalsAt"] {
  const items = observations.items.filter((item) => item.addedAt !== null && item.addedAt < document.at);
  const cartValue = expectedMoney(items, rules).subtotal ?? 0;
  const formErrors = observations.forms
    .filter((form) => form.errorShown && form.submittedAt !== null && form.submittedAt < document.at)
    .reduce((sum, form) => sum + form.fields.length, 0);
  return (at, lastInput, exitIntent) => ({
    step,
    idleSeconds: (at - lastInput) / 1000,
    timeOnSiteSeconds: (at - visitStart) / 1000,
    pageViews,
    cartValue,
    formErrors,
    confusion: at >= confusedFrom,
    exitIntent,
    returningVisitor: false,
    device: observations.spec.device,
  });
}

/**
 * The page's inputs, invitations, answers and exit intents in the order the widget saw them, closed by
 * the page's end; the moment the widget finds the shopper confused splits the idle window there (the
 * widget then computes its next wake-up afresh).
 */
function pageMoments(observations: PersonaObservations, doc: string, start: number, end: number, confusedAt = Number.POSITIVE_INFINITY): Moment[] {
  const confused: Moment[] = confusedAt >= start && confusedAt < end ? [{ at: confusedAt, kind: "confused" }] : [];
  return [
    ...confused,
    ...observations.events
      .filter((event) => event.doc === doc && event.at >= start)
      .flatMap((event): Moment[] =>
        event.type === "input" ? [{ at: event.at, kind: "input" }] : event.type === "invitationShown" ? [{ at: event.at, kind: "shown" }] : [],
      ),
    ...observations.actions
      .filter((action) => action.doc === doc && (action.kind === "accept" || action.kind === "dismiss" || action.kind === "exitIntent"))
      .map((action): Moment => ({ at: action.at, kind: action.kind as Moment["kind"], via: action.via })),
    { at: end, kind: "end" } as Moment,
  ].sort((a, b) => a.at - b.at || order(a.kind) - order(b.kind));
}

/**
 * Walks one page's moments: each input or exit intent closes the idle window before it; an
 * invitation shown in a window holds further invitations until it is answered. `tracked.visit`
 * carries the store's visit state from page to page.
 */
function replayPage(page: PageReplay, tracked: { visit: VisitState }, moments: Moment[], start: number): InvitationWindow[] {
  const windows: InvitationWindow[] = [];
  // lastInput: where the widget's idle time counts from; windowFrom: where the current reported
  // window began (an exit intent splits one idle stretch into two windows).
  let lastInput = start;
  let windowFrom = start;
  let suspended = false;
  let windowShown: number | null = null;
  let response: "accept" | "dismiss" | null = null;
  for (const moment of moments) {
    if (moment.kind === "shown") {
      windowShown ??= moment.at;
      continue;
    }
    if (moment.kind === "accept" || moment.kind === "dismiss") {
      response = moment.kind;
      continue;
    }
    const report = idleWindow(page, tracked.visit, windowFrom, lastInput, moment.at, windowShown, suspended);
    if (report !== null) windows.push(report);
    if (windowShown !== null) {
      tracked.visit = onInvitationShown(tracked.visit, (windowShown - page.visitStart) / 1000);
      suspended = true;
    }
    windowShown = null;
    if (moment.kind === "exitIntent") {
      const shown = moments.find(
        (candidate) => candidate.kind === "shown" && candidate.at >= moment.at && candidate.at <= moment.at + page.toleranceSeconds * 1000 + 1,
      );
      windows.push(exitIntentWindow(page, tracked.visit, moment, lastInput, suspended, shown));
      if (shown) {
        tracked.visit = onInvitationShown(tracked.visit, (shown.at - page.visitStart) / 1000);
        suspended = true;
        moments.splice(moments.indexOf(shown), 1);
      }
    }
    if (response !== null) {
      tracked.visit = response === "accept" ? onChatStarted(tracked.visit) : onDeclined(tracked.visit);
      suspended = false;
      response = null;
    }
    if (moment.kind === "input") lastInput = moment.at;
    windowFrom = moment.at;
  }
  return windows;
}

/** The exit-intent window: evaluated once at the moment (unless an invitation is open or the back button does not count). */
function exitIntentWindow(
  page: PageReplay,
  visit: VisitState,
  moment: Moment,
  lastInput: number,
  suspended: boolean,
  shown: Moment | undefined,
): InvitationWindow {
  const evaluates = moment.via === "mouse" || page.backEvaluates;
  const decision =
    evaluates && !suspended ? evaluateExitIntent(page.policy, page.signalsAt(moment.at, lastInput, false), visit, page.queueAt(moment.at)) : null;
  return verdict(
    {
      persona: page.persona,
      step: page.step,
      trigger: "exitIntent",
      startSeconds: (moment.at - page.visitStart) / 1000,
      lengthSeconds: 0,
      predictedSeconds: decision?.invite ? 0 : null,
      predictedRule: decision?.invite ? decision.rule : null,
      earliestSeconds: decision?.invite ? 0 : null,
      blockedBy: decision === null ? (suspended ? "invitation-open" : "not-evaluated") : decision.blockedBy,
      observedSeconds: shown ? (shown.at - moment.at) / 1000 : null,
      observedRule: shown ? takeOffered(page.offered, page.step, null) : null,
    },
    page.toleranceSeconds,
    false,
  );
}

/** The idle window from `from` to `to` with its verdict, or null when it is short and nothing was predicted or seen in it. */
function idleWindow(
  page: PageReplay,
  visit: VisitState,
  from: number,
  idleSince: number,
  to: number,
  shownAt: number | null,
  held: boolean,
): InvitationWindow | null {
  const { predictedAt, earliest, rule, blockedBy } = held
    ? { predictedAt: null, earliest: null, rule: null, blockedBy: "invitation-open" }
    : predictIdleInvitation(page, visit, from, idleSince, to);
  const lengthSeconds = (to - from) / 1000;
  // A prediction just before the window closed may fairly lose the race with the next input.
  const borderline = predictedAt !== null && shownAt === null && (to - predictedAt) / 1000 <= page.toleranceSeconds;
  const predicted = predictedAt === null || borderline ? null : predictedAt;
  if (shownAt === null && predicted === null && lengthSeconds < MIN_REPORTED_WINDOW_SECONDS) return null;
  return verdict(
    {
      persona: page.persona,
      step: page.step,
      trigger: "idle",
      startSeconds: (from - page.visitStart) / 1000,
      lengthSeconds,
      predictedSeconds: predicted === null ? null : (predicted - from) / 1000,
      predictedRule: predicted === null ? null : rule,
      earliestSeconds: earliest === null ? null : (earliest - from) / 1000,
      blockedBy: borderline ? "window-too-short" : blockedBy,
      observedSeconds: shownAt === null ? null : (shownAt - from) / 1000,
      observedRule: shownAt === null ? null : takeOffered(page.offered, page.step, (shownAt - idleSince) / 1000),
    },
    page.toleranceSeconds,
    predictedAt !== null && (to - predictedAt) / 1000 <= page.toleranceSeconds,
  );
}

/**
 * Runs the trigger timer over one idle window as the widget would: wake where the timer says (rounded
 * up to the millisecond, as setTimeout), evaluate, stop at the first invitation or the window's end.
 */
function predictIdleInvitation(
  page: PageReplay,
  visit: VisitState,
  from: number,
  idleSince: number,
  to: number,
): { predictedAt: number | null; earliest: number | null; rule: string | null; blockedBy: string | null } {
  let predictedAt: number | null = null;
  let earliest: number | null = null;
  let rule: string | null = null;
  let blockedBy: string | null = null;
  const timer = new TriggerTimer();
  let now = from;
  for (;;) {
    const delay = timer.nextWakeSeconds(page.policy, page.signalsAt(now, idleSince, false), visit, now / 1000, MAX_LOOKAHEAD_SECONDS);
    if (delay === null) {
      if (earliest === null) blockedBy = visit.inChat ? "in-chat" : "caps-or-no-rule";
      break;
    }
    const at = now + Math.ceil(delay * 1000);
    earliest ??= at;
    if (at >= to) break;
    const decision = evaluatePolicy(page.policy, page.signalsAt(at, idleSince, false), visit, page.queueAt(at));
    timer.evaluated(decision, at / 1000);
    if (decision.invite) {
      predictedAt = at;
      rule = decision.rule;
      blockedBy = null;
      break;
    }
    blockedBy = decision.blockedBy;
    now = at;
  }
  if (earliest !== null && predictedAt === null && blockedBy === null) blockedBy = "window-too-short";
  return { predictedAt, earliest, rule, blockedBy };
}

/** The rule the widget reported for this invitation (matched by step and idle time), consumed. */
function takeOffered(offered: PersonaObservations["offered"], step: string, idleSeconds: number | null): string | null {
  const index = offered.findIndex(
    (event) => event.step === step && (idleSeconds === null || event.idleSeconds === null || Math.abs(event.idleSeconds - idleSeconds) < 1),
  );
  if (index < 0) return null;
  return offered.splice(index, 1)[0].rule;
}

// At one instant: an exit intent comes before the invitation it causes (the clock stands still while
// the widget answers it), an invitation before the click that answers it, an input before the
// confusion it shows.
function order(kind: Moment["kind"]): number {
  return ["exitIntent", "shown", "accept", "dismiss", "input", "confused", "end"].indexOf(kind);
}
