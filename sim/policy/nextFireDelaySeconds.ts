// When a proactive rule will next fire if the shopper stays idle, so the simulator can schedule
// one cancellable timer instead of polling, and the widget one setTimeout.

import { capBlockReason, firstMatchingRule } from "./evaluatePolicy.ts";
import { mayHoldWhileIdle } from "./mayHoldWhileIdle.ts";
import type { Condition, ResolvedPolicy, Signals, VisitState } from "./types.ts";

/**
 * How far past a threshold a strict comparison (`idleSeconds > 30`) is taken to hold: 1e-6 s,
 * far below any timing a shopper or the simulator's inputs resolve.
 */
export const STRICT_THRESHOLD_EPSILON_SECONDS = 1e-6;

/**
 * The signals after `delaySeconds` more of idling on the same page: idleSeconds and
 * timeOnSiteSeconds both advance, everything else stays. Callers evaluate at fire time with
 * this function so they do the same floating-point sums as nextFireDelaySeconds.
 */
export function advanceIdleSignals(signals: Signals, delaySeconds: number): Signals {
  return advanceInto({ ...signals }, signals, delaySeconds);
}

/** Sets `target`'s idle and time-on-site seconds to `signals`' plus `delaySeconds`; the one place these sums are done. */
function advanceInto(target: Signals, signals: Signals, delaySeconds: number): Signals {
  target.idleSeconds = signals.idleSeconds + delaySeconds;
  target.timeOnSiteSeconds = signals.timeOnSiteSeconds + delaySeconds;
  return target;
}

/**
 * The smallest delay `dt >= 0` after which, with the shopper still idle, some rule's condition
 * holds and no cap (including minGapSeconds) blocks; null when that does not happen within
 * `maxDelaySeconds` or can never happen (in chat, declined, a count cap reached, no rules).
 * Gating is not applied: the queue changes meanwhile, so the caller runs evaluatePolicy at fire time.
 *
 * While idle every condition is piecewise constant in dt and can only change at a threshold
 * `dt0 = value - signal` of a comparison on idleSeconds or timeOnSiteSeconds, or at the end of the
 * minimum gap. So the earliest true moment is 0, some dt0, or just after some dt0; the function
 * evaluates those candidates in ascending order. "Just after" is dt0 + STRICT_THRESHOLD_EPSILON_SECONDS,
 * so `idleSeconds > 30` at idle 20 fires after 10.000001 s, `idleSeconds >= 30` after exactly 10 s.
 */
export function nextFireDelaySeconds(policy: ResolvedPolicy, signals: Signals, visit: VisitState, maxDelaySeconds: number): number | null {
  if (!(maxDelaySeconds >= 0)) throw new RangeError(`invalid maxDelaySeconds: ${maxDelaySeconds} (must be a number >= 0)`);
  if (visit.inChat || policy.rules.length === 0) return null;
  // Decline and count caps do not change while idle; an infinite time on site clears the gap cap.
  if (capBlockReason(policy, visit, Number.POSITIVE_INFINITY) !== null) return null;
  // No rule can hold on this page whatever the idle time: no candidate would match (the common case).
  if (!mayHoldWhileIdle(policy, signals)) return null;

  const thresholds: number[] = [0];
  if (visit.lastInvitationAtSeconds !== null) {
    addThreshold(thresholds, signals.timeOnSiteSeconds - visit.lastInvitationAtSeconds, policy.caps.minGapSeconds);
  }
  const rules = policy.rules;
  for (let index = 0; index < rules.length; index++) collectThresholds(rules[index].when, signals, thresholds);

  // Hot path of every simulated idle window: the candidates are filtered and sorted in place, and one
  // copy of the signals is advanced per candidate, so a call allocates two small objects, not a dozen.
  const count = sortedCandidates(thresholds, maxDelaySeconds);
  let advanced: Signals | null = null;
  let previous = Number.NaN;
  for (let index = 0; index < count; index++) {
    const delay = thresholds[index];
    if (delay === previous) continue;
    previous = delay;
    // The sums of advanceIdleSignals, so a caller re-evaluating at fire time sees equal values.
    advanced = advanceInto(advanced ?? { ...signals }, signals, delay);
    if (capBlockReason(policy, visit, advanced.timeOnSiteSeconds) === null && firstMatchingRule(policy, advanced) !== null) {
      return delay;
    }
  }
  return null;
}

/**
 * Keeps the delays within [0, maxDelaySeconds] at the front of `delays`, ascending (insertion sort:
 * a handful of entries), and returns how many there are.
 */
function sortedCandidates(delays: number[], maxDelaySeconds: number): number {
  let count = 0;
  for (let index = 0; index < delays.length; index++) {
    const delay = delays[index];
    if (!(delay >= 0 && delay <= maxDelaySeconds)) continue;
    let slot = count++;
    while (slot > 0 && delays[slot - 1] > delay) {
      delays[slot] = delays[slot - 1];
      slot--;
    }
    delays[slot] = delay;
  }
  return count;
}

function collectThresholds(condition: Condition, signals: Signals, thresholds: number[]): void {
  // Indexed loops for the reason given in evaluateCondition.
  if ("all" in condition || "any" in condition) {
    const items = "all" in condition ? condition.all : condition.any;
    for (let index = 0; index < items.length; index++) collectThresholds(items[index], signals, thresholds);
  } else if ("not" in condition) collectThresholds(condition.not, signals, thresholds);
  else if (condition.signal === "idleSeconds" || condition.signal === "timeOnSiteSeconds") {
    const start = signals[condition.signal];
    const value = condition.value;
    if (typeof value === "number") addThreshold(thresholds, start, value);
    else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) if (typeof value[index] === "number") addThreshold(thresholds, start, value[index] as number);
    }
  }
}

// Adds the delay at which `start + delay` reaches `target`, and the moment just after it. For
// 0 <= start <= target, `start + (target - start)` rounds back to `target` except at a rounding tie,
// where no delay reaches it exactly, so `==` thresholds are hit whenever they can be; the epsilon
// candidate covers strict comparisons.
function addThreshold(thresholds: number[], start: number, target: number): void {
  const delay = target - start;
  thresholds.push(delay, delay + STRICT_THRESHOLD_EPSILON_SECONDS);
}
