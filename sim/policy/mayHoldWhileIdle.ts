// A quick "can this ever fire on this page?" for nextFireDelaySeconds: most pages of most visits
// meet rules that name another step (`step == payment and idleSeconds >= 30` on a product page),
// and proving that takes one walk of each rule instead of evaluating every threshold candidate.

import { evaluateCondition } from "./evaluateCondition.ts";
import type { Condition, ResolvedPolicy, Signals } from "./types.ts";

const FALSE = 0;
const TRUE = 1;
/** Depends on idleSeconds or timeOnSiteSeconds, the only signals that change while the shopper idles. */
const OPEN = 2;

/**
 * Whether some rule of `policy` may hold at some moment while the shopper stays idle: each
 * condition is evaluated in three-valued logic, a comparison on idleSeconds or timeOnSiteSeconds
 * being open (either way) and every other signal fixed. False means no rule holds at any delay,
 * so nothing can fire on this page before the shopper does something.
 *
 * @example
 * // rule `step == payment and idleSeconds >= 30`, shopper on a product page: false whatever the idle time
 */
export function mayHoldWhileIdle(policy: ResolvedPolicy, signals: Signals): boolean {
  const rules = policy.rules;
  for (let index = 0; index < rules.length; index++) if (truthWhileIdle(rules[index].when, signals) !== FALSE) return true;
  return false;
}

function truthWhileIdle(condition: Condition, signals: Signals): number {
  // Indexed loops for the reason given in evaluateCondition.
  if ("all" in condition || "any" in condition) {
    // A false item decides an `all`, a true one an `any`; otherwise any open item leaves it open.
    const all = "all" in condition;
    const items = all ? condition.all : condition.any;
    const decisive = all ? FALSE : TRUE;
    let truth = all ? TRUE : FALSE;
    for (let index = 0; index < items.length; index++) {
      const item = truthWhileIdle(items[index], signals);
      if (item === decisive) return decisive;
      if (item === OPEN) truth = OPEN;
    }
    return truth;
  }
  if ("not" in condition) {
    const inner = truthWhileIdle(condition.not, signals);
    return inner === OPEN ? OPEN : TRUE - inner;
  }
  if (condition.signal === "idleSeconds" || condition.signal === "timeOnSiteSeconds") return OPEN;
  return evaluateCondition(condition, signals) ? TRUE : FALSE;
}
