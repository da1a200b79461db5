import type { Condition, ResolvedPolicy, Signals } from "./types.ts";

/**
 * Whether any proactive rule of `policy` reads `signal`. The widget only intercepts the back button
 * (to detect exit intent) when some rule reads exitIntent; otherwise back works untouched.
 */
export function usesSignal(policy: ResolvedPolicy, signal: keyof Signals): boolean {
  return policy.rules.some((rule) => conditionUses(rule.when, signal));
}

function conditionUses(condition: Condition, signal: keyof Signals): boolean {
  if ("all" in condition) return condition.all.some((item) => conditionUses(item, signal));
  if ("any" in condition) return condition.any.some((item) => conditionUses(item, signal));
  if ("not" in condition) return conditionUses(condition.not, signal);
  return condition.signal === signal;
}
