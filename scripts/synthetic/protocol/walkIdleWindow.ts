import {
  type Decision,
  evaluateExitIntent,
  evaluatePolicy,
  onInvitationShown,
  type QueueState,
  type ResolvedPolicy,
  type Signals,
  TriggerTimer,
  usesSignal,
  type VisitState,
} from "../../../sim/policy/index.ts";

/** One idle stretch on a page, in virtual seconds since the visit started. */
export interface IdleWindow {
  policy: ResolvedPolicy;
  /** The page's signals apart from the three that move with time and exit intent. */
  signals: Omit<Signals, "idleSeconds" | "timeOnSiteSeconds" | "exitIntent">;
  visit: VisitState;
  startSeconds: number;
  lengthSeconds: number;
  /** Exit intent at the end of the window: `mouse` (desktop) is always evaluated, `back` only when a rule reads exitIntent. */
  exitIntent: "mouse" | "back" | null;
  /** Seconds from an invitation to the shopper's click on it. */
  reactionSeconds: number;
}

/** What a window's invitations do: the live run calls the store, the prediction only updates the visit state. */
export interface IdleWindowHandlers {
  /** The desk's queue state at a wake-up (the live /api/chat/queue, or an assumed open desk). */
  queue(atSeconds: number): QueueState | Promise<QueueState>;
  /**
   * An invitation was shown with `signals` (`visit` already counts it); resolves with the visit
   * state after the shopper's answer and whether the window goes on (a dismissal) or ends (a chat).
   */
  invited(decision: Decision, signals: Signals, visit: VisitState): Promise<{ visit: VisitState; goOn: boolean }>;
}

/** The invitations of one window and the visit state after it. */
export interface IdleWindowOutcome {
  visit: VisitState;
  invitations: number;
  chatted: boolean;
}

/**
 * Drives the trigger contract (sim/policy TriggerTimer) through an idle window the way the widget
 * does, in virtual time: wake where the timer says (rounded up to the millisecond, as setTimeout),
 * evaluatePolicy with the queue state, a "no" re-checked later, an invitation answered after the
 * reaction time (the click is input: idle time restarts), and on exit intent one evaluation with
 * `exitIntent` true. The live protocol persona and its prediction both run this, so they can differ
 * only in what the store contributes: the policy it serves, the signals and visit state it reports,
 * and its queue.
 */
export async function walkIdleWindow(window: IdleWindow, handlers: IdleWindowHandlers): Promise<IdleWindowOutcome> {
  const { policy } = window;
  const end = window.startSeconds + window.lengthSeconds;
  let visit = window.visit;
  let idleSince = window.startSeconds;
  let now = window.startSeconds;
  let invitations = 0;
  const timer = new TriggerTimer();
  const signalsAt = (at: number, exitIntent = false): Signals => ({ ...window.signals, idleSeconds: at - idleSince, timeOnSiteSeconds: at, exitIntent });
  const invite = async (decision: Decision, at: number): Promise<boolean> => {
    invitations++;
    visit = onInvitationShown(visit, at);
    const answer = await handlers.invited(decision, signalsAt(at), visit);
    visit = answer.visit;
    return answer.goOn;
  };

  // An answer given after the window closed (reaction longer than what was left) ends it.
  while (now < end) {
    const delay = timer.nextWakeSeconds(policy, signalsAt(now), visit, now, end - now);
    if (delay === null) break;
    const at = now + Math.ceil(delay * 1000) / 1000;
    if (at >= end) break;
    const decision = evaluatePolicy(policy, signalsAt(at), visit, await handlers.queue(at));
    timer.evaluated(decision, at);
    now = at;
    if (!decision.invite) continue;
    if (!(await invite(decision, at))) return { visit, invitations, chatted: true };
    now = at + window.reactionSeconds;
    idleSince = now;
    timer.input();
  }
  if (window.exitIntent !== null && now <= end && (window.exitIntent === "mouse" || usesSignal(policy, "exitIntent"))) {
    const decision = evaluateExitIntent(policy, signalsAt(end), visit, await handlers.queue(end));
    timer.evaluated(decision, end, false);
    if (decision.invite && !(await invite(decision, end))) return { visit, invitations, chatted: true };
  }
  return { visit, invitations, chatted: false };
}
