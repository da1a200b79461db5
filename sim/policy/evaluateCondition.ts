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
  // Indexed loops: this runs for every candidate moment of every idle window, and a for-of over an
  // array allocates an iterator unless the optimizing compiler removes it, which recursion defeats.
  if ("all" in condition) {
    const items = condition.all;
    for (let index = 0; index < items.length; index++) if (!evaluateCondition(items[index], signals)) return false;
    return true;
  }
  if ("any" in condition) {
    const items = condition.any;
    for (let index = 0; index < items.length; index++) if (evaluateCondition(items[index], signals)) return true;
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
