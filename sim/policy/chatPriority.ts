// Chat queue priority of a conversation, shared by the simulator's queue and the live widget.

import type { ResolvedPolicy, Signals } from "./types.ts";

/** Where a chat came from: the "Need help?" button, or a proactive invitation by a named rule. */
export type ChatSource = { kind: "reactive" } | { kind: "proactive"; rule: string };

/**
 * Priority in the chat queue; higher is served first.
 *   reactive:  priority.reactiveBoost
 *   proactive: the rule's priority
 * plus priority.highValueBoost when cartValue > priority.highValueCartAbove.
 * Throws for a rule name the policy does not have.
 *
 * chatPriority(policy, {...signals, cartValue: 500}, {kind: "reactive"}) // → 2 with the default boosts and highValueCartAbove 300
 */
export function chatPriority(policy: ResolvedPolicy, signals: Signals, source: ChatSource): number {
  let base: number;
  if (source.kind === "reactive") {
    base = policy.priority.reactiveBoost;
  } else {
    const rule = policy.rules.find((candidate) => candidate.name === source.rule);
    if (!rule) throw new Error(`invalid source.rule: ${JSON.stringify(source.rule)} (no such rule in policy ${policy.name})`);
    base = rule.priority;
  }
  return base + highValueBoost(policy, signals.cartValue);
}

/** The boost a cart of `cartValue` earns: highValueBoost when strictly above highValueCartAbove, else 0. */
export function highValueBoost(policy: ResolvedPolicy, cartValue: number): number {
  return cartValue > policy.priority.highValueCartAbove ? policy.priority.highValueBoost : 0;
}
