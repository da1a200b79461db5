// Evaluates a condition AST against the signals of one moment. Runs on every simulated event and
// on every widget tick, so it allocates nothing.

import type { Condition, Signals } from "./types.ts";

/**
 * True when `signals` satisfy `condition`. Assumes a validated AST (see `validateCondition`):
 * ordering operators only meet numbers, `in`/`notIn` only lists.
 *
 * evaluateCondition({signal: "idleSeconds", op: ">=", value: 30}, {...signals, idleSeconds: 30}) // → true
 */
export function evaluateCondition(condition: Condition, signals: Signals): boolean {
  if ("all" in condition) {
    for (const item of condition.all) if (!evaluateCondition(item, signals)) return false;
    return true;
  }
  if ("any" in condition) {
    for (const item of condition.any) if (evaluateCondition(item, signals)) return true;
    return false;
  }
  if ("not" in condition) return !evaluateCondition(condition.not, signals);
  const actual = signals[condition.signal];
  const expected = condition.value;
  switch (condition.op) {
    case "==":
      return actual === expected;
    case "!=":
      return actual !== expected;
    case "<":
      return (actual as number) < (expected as number);
    case "<=":
      return (actual as number) <= (expected as number);
    case ">":
      return (actual as number) > (expected as number);
    case ">=":
      return (actual as number) >= (expected as number);
    case "in":
      return (expected as Array<string | number>).includes(actual as string | number);
    case "notIn":
      return !(expected as Array<string | number>).includes(actual as string | number);
  }
}
