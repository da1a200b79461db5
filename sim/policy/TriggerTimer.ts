// The trigger contract: when a shopper's proactive-invitation timer wakes, what happens at a wake-up,
// and how exit intent is evaluated. The simulator (sim/model/idleWindow.ts), the live widget
// (scripts/store/widget/TriggerLoop.ts) and the synthetic checks' predictor all drive this one
// definition, so the three cannot drift apart.

import { GATE_RECHECK_SECONDS } from "./defaults.ts";
import { evaluatePolicy } from "./evaluatePolicy.ts";
import { nextFireDelaySeconds } from "./nextFireDelaySeconds.ts";
import type { Decision, QueueState, ResolvedPolicy, Signals, VisitState } from "./types.ts";

/**
 * One shopper's invitation timer while they sit on a page. Times are seconds on the caller's clock
 * (the simulator's clock, or wall-clock milliseconds / 1000 in the browser). The rules:
 * 1. Wake at the moment nextFireDelaySeconds names (a rule's condition starts to hold and no cap
 *    blocks), or at a pending re-check.
 * 2. At a wake-up the caller runs evaluatePolicy with the live queue state and reports the decision
 *    with `evaluated`. An invitation is shown; anything else (at a wake-up a rule matched and no cap
 *    blocked, so it is the desk's gating, or the shopper just entered a chat) is looked at again
 *    GATE_RECHECK_SECONDS later, as the queue moves meanwhile.
 * 3. At most one invitation per moment: a wake-up due at the instant of the last invitation waits
 *    GATE_RECHECK_SECONDS (loose caps could otherwise allow a second at the same time).
 * 4. Input (mouse, key, scroll) restarts idle time: the pending re-check is dropped and the next
 *    wake-up is computed afresh.
 * 5. Exit intent is evaluated once, with `exitIntent` true (evaluateExitIntent).
 * Mutable and allocation-free: the simulator calls it in the hot path of every idle window.
 */
export class TriggerTimer {
  #recheckAt: number | null = null;
  #lastInviteAt: number | null = null;

  /**
   * Seconds from `now` to the next wake-up, or null when nothing can fire within `lookaheadSeconds`.
   * `signals` and `visit` are the shopper's at `now`.
   */
  nextWakeSeconds(policy: ResolvedPolicy, signals: Signals, visit: VisitState, now: number, lookaheadSeconds: number): number | null {
    let delay = this.#recheckAt !== null && this.#recheckAt >= now ? this.#recheckAt - now : nextFireDelaySeconds(policy, signals, visit, lookaheadSeconds);
    if (delay === 0 && this.#lastInviteAt === now) delay = GATE_RECHECK_SECONDS;
    return delay !== null && delay > lookaheadSeconds ? null : delay;
  }

  /** Whether a re-check is pending (the last wake-up found the desk's gating closed). */
  get rechecking(): boolean {
    return this.#recheckAt !== null;
  }

  /**
   * Records a decision made at `now`: at a wake-up (rule 2), or on exit intent (`atWakeUp` false),
   * whose invitation counts for rule 3 but whose "no" schedules nothing.
   */
  evaluated(decision: Decision, now: number, atWakeUp = true): void {
    if (decision.invite) {
      this.#lastInviteAt = now;
      this.#recheckAt = null;
    } else if (atWakeUp) this.#recheckAt = now + GATE_RECHECK_SECONDS;
  }

  /** Records that no queue state could be read at `now` (server unreachable): treated as closed gating. */
  unreachable(now: number): void {
    this.#recheckAt = now + GATE_RECHECK_SECONDS;
  }

  /** The shopper did something: idle time restarts, a pending re-check is dropped (rule 4). */
  input(): void {
    this.#recheckAt = null;
  }
}

/**
 * The one evaluation exit intent gets (rule 5): evaluatePolicy with `exitIntent` true and the
 * shopper's other signals as they are. `signals` is not changed.
 */
export function evaluateExitIntent(policy: ResolvedPolicy, signals: Signals, visit: VisitState, queue: QueueState): Decision {
  return evaluatePolicy(policy, { ...signals, exitIntent: true }, visit, queue);
}
