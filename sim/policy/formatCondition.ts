// Prints a condition AST in the compact text form that parseCondition reads back.

import { CONDITION_KEYWORDS } from "./parseCondition.ts";
import { SIGNAL_KINDS } from "./signalKinds.ts";
import type { Condition } from "./types.ts";

const BARE_WORD = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Formats a condition with as few parentheses as the precedence (not > and > or) allows while
 * still parsing back to the same tree (all/any with at least two items; one-item lists print bare).
 * A boolean leaf `== true` prints as the bare signal name.
 *
 * formatCondition({any: [{signal: "exitIntent", op: "==", value: true}, {signal: "formErrors", op: ">=", value: 2}]})
 * // → "exitIntent or formErrors >= 2"
 */
export function formatCondition(condition: Condition): string {
  const items = "all" in condition ? condition.all : "any" in condition ? condition.any : null;
  if (items?.length === 0) throw new RangeError("invalid condition: empty all/any list (the compact form has no constant)");
  if ("all" in condition) return condition.all.map((item) => formatChild(item, "all")).join(" and ");
  if ("any" in condition) return condition.any.map((item) => formatChild(item, "any")).join(" or ");
  if ("not" in condition) return `not ${formatChild(condition.not, "not")}`;
  const { signal, op, value } = condition;
  if (SIGNAL_KINDS[signal] === "boolean" && op === "==" && value === true) return signal;
  const text = Array.isArray(value) ? `[${value.map(formatScalar).join(", ")}]` : formatScalar(value);
  return `${signal} ${op} ${text}`;
}

// `a and b or c` already reads as {any: [{all: [a, b]}, c]}; every other nesting of all/any needs
// parentheses, for precedence or to keep a nested chain from flattening into its parent.
function formatChild(child: Condition, parent: "all" | "any" | "not"): string {
  const text = formatCondition(child);
  const needsParentheses = "any" in child || ("all" in child && parent !== "any");
  return needsParentheses ? `(${text})` : text;
}

function formatScalar(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  return BARE_WORD.test(value) && !CONDITION_KEYWORDS.includes(value) ? value : JSON.stringify(value);
}
