// The proactive invitation decision. The same function runs in the simulator and in the live
// widget; its check order below is the contract between them.

import { highValueBoost } from "./chatPriority.ts";
import { evaluateCondition } from "./evaluateCondition.ts";
import type { BlockReason, Decision, QueueState, ResolvedPolicy, ResolvedTriggerRule, Signals, VisitState } from "./types.ts";

/**
 * Decides whether to invite the shopper to chat now. Checks run in this order and the first
 * failing one is reported in `blockedBy`:
 *
 * 1. `in-chat`: the shopper is already chatting or queued.
 * 2. `no-rule`: no rule's condition holds. Rules are tried in the order written; the first match wins.
 * 3. caps, in order `declined` (unless caps.afterDecline), `cap-per-visit` (invitationsThisVisit >= perVisit),
 *    `cap-per-page` (invitationsThisPage >= perPage), `min-gap` (less than minGapSeconds of time on
 *    site since the last invitation).
 * 4. gating, in order `gate-closed` (the desk is outside its opening hours), `gate-free-slot` (requireFreeSlot and freeSlots < 1), `gate-queue-length`
 *    (queueLength > maxQueueLength), `gate-predicted-wait` (predictedWaitSeconds > maxPredictedWaitSeconds).
 *
 * Once a rule matched, `rule` and `priority` (see chatPriority) are filled in even when blocked, so
 * a log can show which trigger was held back. Showing the invitation is the caller's job, followed
 * by `onInvitationShown`.
 */
export function evaluatePolicy(policy: ResolvedPolicy, signals: Signals, visit: VisitState, queue: QueueState): Decision {
  if (visit.inChat) return { invite: false, rule: null, priority: 0, blockedBy: "in-chat" };
  const rule = firstMatchingRule(policy, signals);
  if (rule === null) return { invite: false, rule: null, priority: 0, blockedBy: "no-rule" };
  const priority = rule.priority + highValueBoost(policy, signals.cartValue);
  const blockedBy = capBlockReason(policy, visit, signals.timeOnSiteSeconds) ?? gateBlockReason(policy, queue);
  return { invite: blockedBy === null, rule: rule.name, priority, blockedBy };
}

/** The first rule whose condition holds, or null. */
export function firstMatchingRule(policy: ResolvedPolicy, signals: Signals): ResolvedTriggerRule | null {
  const rules = policy.rules;
  for (let index = 0; index < rules.length; index++) if (evaluateCondition(rules[index].when, signals)) return rules[index];
  return null;
}

/** Step 3 of evaluatePolicy: the first cap that blocks an invitation at `timeOnSiteSeconds`, or null. */
export function capBlockReason(policy: ResolvedPolicy, visit: VisitState, timeOnSiteSeconds: number): BlockReason | null {
  const { caps } = policy;
  if (visit.declined && !caps.afterDecline) return "declined";
  if (visit.invitationsThisVisit >= caps.perVisit) return "cap-per-visit";
  if (visit.invitationsThisPage >= caps.perPage) return "cap-per-page";
  const last = visit.lastInvitationAtSeconds;
  if (last !== null && timeOnSiteSeconds - last < caps.minGapSeconds) return "min-gap";
  return null;
}

/** Step 4 of evaluatePolicy: the first gate the chat desk fails, or null. */
export function gateBlockReason(policy: ResolvedPolicy, queue: QueueState): BlockReason | null {
  const { gating } = policy;
  if (queue.closed === true) return "gate-closed";
  if (gating.requireFreeSlot && queue.freeSlots < 1) return "gate-free-slot";
  if (queue.queueLength > gating.maxQueueLength) return "gate-queue-length";
  if (queue.predictedWaitSeconds > gating.maxPredictedWaitSeconds) return "gate-predicted-wait";
  return null;
}
