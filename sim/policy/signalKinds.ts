// The signal vocabulary and the type rules for one comparison. The parser, the AST validator
// and the evaluator all read this one table, so the simulator and the live widget agree.

import type { Comparison, Device, Signals } from "./types.ts";

/** How a signal's values are compared: numbers order, text and devices only match, booleans only equal. */
export type SignalKind = "number" | "text" | "device" | "boolean";

/** The kind of every signal, in the order error messages list them. */
export const SIGNAL_KINDS: Readonly<Record<keyof Signals, SignalKind>> = Object.freeze({
  step: "text",
  idleSeconds: "number",
  timeOnSiteSeconds: "number",
  pageViews: "number",
  cartValue: "number",
  formErrors: "number",
  confusion: "boolean",
  exitIntent: "boolean",
  returningVisitor: "boolean",
  device: "device",
});

export const SIGNAL_NAMES = Object.freeze(Object.keys(SIGNAL_KINDS) as Array<keyof Signals>);
export const DEVICES: readonly Device[] = Object.freeze(["desktop", "mobile", "tablet"]);
export const COMPARISONS: readonly Comparison[] = Object.freeze(["==", "!=", "<", "<=", ">", ">=", "in", "notIn"]);

const ORDERING: readonly Comparison[] = ["<", "<=", ">", ">="];

/** Which part of a comparison leaf is wrong, and why (lowercase, no trailing period). */
export interface ComparisonProblem {
  field: "signal" | "op" | "value";
  reason: string;
}

export function isSignalName(name: unknown): name is keyof Signals {
  return typeof name === "string" && Object.hasOwn(SIGNAL_KINDS, name);
}

/** Checks one leaf `signal op value` against the signal table; returns null when it is well typed. */
export function comparisonProblem(signal: unknown, op: unknown, value: unknown): ComparisonProblem | null {
  if (!isSignalName(signal)) {
    return { field: "signal", reason: `unknown signal ${String(signal)}; allowed: ${SIGNAL_NAMES.join(", ")}` };
  }
  if (typeof op !== "string" || !(COMPARISONS as readonly string[]).includes(op)) {
    return { field: "op", reason: `unknown operator ${String(op)}; allowed: ${COMPARISONS.join(", ")}` };
  }
  const kind = SIGNAL_KINDS[signal];
  if (kind === "boolean" && op !== "==" && op !== "!=") {
    return { field: "op", reason: `operator ${op} does not apply to boolean signal ${signal} (use == or !=)` };
  }
  if (kind !== "number" && ORDERING.includes(op as Comparison)) {
    return { field: "op", reason: `operator ${op} needs a numeric signal; ${signal} is ${kind}` };
  }
  if (op === "in" || op === "notIn") {
    if (!Array.isArray(value) || value.length === 0) {
      return { field: "value", reason: `operator ${op} needs a non-empty list of values` };
    }
    for (const item of value) {
      const reason = scalarProblem(signal, kind, item);
      if (reason) return { field: "value", reason };
    }
    return null;
  }
  const reason = scalarProblem(signal, kind, value);
  return reason ? { field: "value", reason } : null;
}

function scalarProblem(signal: keyof Signals, kind: SignalKind, value: unknown): string | null {
  switch (kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : `${signal} needs a finite number`;
    case "boolean":
      return typeof value === "boolean" ? null : `${signal} needs true or false`;
    case "text":
      return typeof value === "string" ? null : `${signal} needs text`;
    case "device":
      return typeof value === "string" && (DEVICES as readonly string[]).includes(value)
        ? null
        : `unknown device ${String(value)}; allowed: ${DEVICES.join(", ")}`;
  }
}
