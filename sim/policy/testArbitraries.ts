// Test support only (fast-check arbitraries and fixtures); not re-exported from index.ts and never
// bundled into the widget.

import fc from "fast-check";
import { DEVICES, SIGNAL_KINDS, SIGNAL_NAMES } from "./signalKinds.ts";
import type { Comparison, Condition, QueueState, SignalComparison, Signals, VisitState } from "./types.ts";

export const STEPS = ["browse", "product", "cart", "account", "shipping", "payment", "review", "order-review"];

/** A shopper idle on the payment step; tests override what they need. */
export const BASE_SIGNALS: Signals = Object.freeze({
  step: "payment",
  idleSeconds: 0,
  timeOnSiteSeconds: 120,
  pageViews: 4,
  cartValue: 100,
  formErrors: 0,
  confusion: false,
  exitIntent: false,
  returningVisitor: false,
  device: "desktop",
});

export const FRESH_VISIT: VisitState = Object.freeze({
  invitationsThisVisit: 0,
  invitationsThisPage: 0,
  declined: false,
  lastInvitationAtSeconds: null,
  inChat: false,
});

/** A chat desk that passes every gate. */
export const OPEN_QUEUE: QueueState = Object.freeze({ freeSlots: 1000, queueLength: 0, predictedWaitSeconds: 0 });

// -0 is left out: it prints as "0", which is the same value but not the same AST under toEqual.
const numberValue = fc.oneof(
  fc.constantFrom(0, 1, 2, 6, 30, 150, 200),
  fc.integer({ min: -5, max: 300 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
);
const textValue = fc.oneof(fc.constantFrom(...STEPS, "and", "true", "notIn", "a b", 'say "hi"', "back\\slash"), fc.string());

/** A well-typed leaf on any signal, with `numbers` for numeric values. */
export function leafArbitrary(numbers: fc.Arbitrary<number> = numberValue): fc.Arbitrary<SignalComparison> {
  return fc.constantFrom(...SIGNAL_NAMES).chain((signal): fc.Arbitrary<SignalComparison> => {
    const kind = SIGNAL_KINDS[signal];
    if (kind === "boolean") {
      return fc.record({ signal: fc.constant(signal), op: fc.constantFrom<Comparison>("==", "!="), value: fc.boolean() });
    }
    const scalar: fc.Arbitrary<string | number> = kind === "number" ? numbers : kind === "device" ? fc.constantFrom(...DEVICES) : textValue;
    const ops: Comparison[] = kind === "number" ? ["==", "!=", "<", "<=", ">", ">=", "in", "notIn"] : ["==", "!=", "in", "notIn"];
    return fc.constantFrom(...ops).chain((op) =>
      fc.record({
        signal: fc.constant(signal),
        op: fc.constant(op),
        value: op === "in" || op === "notIn" ? fc.array(scalar, { minLength: 1, maxLength: 3 }) : scalar,
      }),
    );
  });
}

/** Condition trees up to `depth` levels of all/any/not, with at least `minItems` items per list. */
export function conditionArbitrary(leaf: fc.Arbitrary<Condition>, depth: number, minItems: number): fc.Arbitrary<Condition> {
  if (depth === 0) return leaf;
  const inner = conditionArbitrary(leaf, depth - 1, minItems);
  const items = fc.array(inner, { minLength: minItems, maxLength: 3 });
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: items.map((all): Condition => ({ all })) },
    { weight: 1, arbitrary: items.map((any): Condition => ({ any })) },
    { weight: 1, arbitrary: inner.map((not): Condition => ({ not })) },
  );
}

/** Signals drawn near the values conditions use, so comparisons go both ways. */
export const signalsArbitrary: fc.Arbitrary<Signals> = fc.record({
  step: fc.oneof(fc.constantFrom(...STEPS), fc.string()),
  idleSeconds: fc.oneof(fc.constantFrom(0, 30, 150), fc.integer({ min: 0, max: 300 })),
  timeOnSiteSeconds: fc.integer({ min: 0, max: 600 }),
  pageViews: fc.integer({ min: 1, max: 10 }),
  cartValue: fc.oneof(fc.constantFrom(0, 150, 200), fc.integer({ min: 0, max: 300 })),
  formErrors: fc.integer({ min: 0, max: 3 }),
  confusion: fc.boolean(),
  exitIntent: fc.boolean(),
  returningVisitor: fc.boolean(),
  device: fc.constantFrom(...DEVICES),
});
