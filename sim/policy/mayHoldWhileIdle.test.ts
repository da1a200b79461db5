import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCondition } from "./evaluateCondition.ts";
import { mayHoldWhileIdle } from "./mayHoldWhileIdle.ts";
import { resolvePolicy } from "./resolvePolicy.ts";
import { BASE_SIGNALS, conditionArbitrary, leafArbitrary } from "./testArbitraries.ts";

const policyOf = (...when: string[]) =>
  resolvePolicy({ name: "p", reactive: { enabled: false }, rules: when.map((condition, index) => ({ name: `r${index}`, when: condition })) });

describe("mayHoldWhileIdle", () => {
  it("mayHoldWhileIdle(step == payment and idleSeconds >= 30) is false on a product page and true on payment", () => {
    const policy = policyOf("step == payment and idleSeconds >= 30");
    expect(mayHoldWhileIdle(policy, { ...BASE_SIGNALS, step: "product" })).toBe(false);
    expect(mayHoldWhileIdle(policy, { ...BASE_SIGNALS, step: "payment" })).toBe(true);
  });

  it("a negated or alternative time comparison stays open; a fixed signal that holds makes `any` true", () => {
    expect(mayHoldWhileIdle(policyOf("not (idleSeconds < 5) and pageViews >= 6"), { ...BASE_SIGNALS, pageViews: 5 })).toBe(false);
    expect(mayHoldWhileIdle(policyOf("not (idleSeconds < 5) and pageViews >= 6"), { ...BASE_SIGNALS, pageViews: 6 })).toBe(true);
    expect(mayHoldWhileIdle(policyOf("cartValue > 500 or timeOnSiteSeconds > 60"), { ...BASE_SIGNALS, cartValue: 10 })).toBe(true);
    expect(mayHoldWhileIdle(policyOf("cartValue > 500", "confusion == true"), { ...BASE_SIGNALS, cartValue: 10 })).toBe(false);
  });

  it("when it says false, no idle and time-on-site values make any rule hold (random conditions)", () => {
    const times = fc.oneof(fc.constantFrom(0, 5, 30, 60, 120, 300), fc.double({ min: 0, max: 1e4, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(conditionArbitrary(leafArbitrary(fc.integer({ min: 0, max: 10 })), 3, 2), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(times, times), { minLength: 1, maxLength: 20 }),
        (conditions, moments) => {
          const policy = resolvePolicy({ name: "p", reactive: { enabled: false }, rules: conditions.map((when, index) => ({ name: `r${index}`, when })) });
          if (mayHoldWhileIdle(policy, BASE_SIGNALS)) return;
          for (const [idleSeconds, timeOnSiteSeconds] of moments) {
            const signals = { ...BASE_SIGNALS, idleSeconds, timeOnSiteSeconds };
            for (const rule of policy.rules) expect(evaluateCondition(rule.when, signals)).toBe(false);
          }
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });
  it("three-valued logic on fixed signals: an `or` of false items is false, of a true item true; `not` of a true item is false", () => {
    const shopper = { ...BASE_SIGNALS, cartValue: 10, pageViews: 6 };
    expect(mayHoldWhileIdle(policyOf("cartValue > 500 or confusion == true"), shopper)).toBe(false);
    expect(mayHoldWhileIdle(policyOf("cartValue > 5 or confusion == true"), shopper)).toBe(true);
    expect(mayHoldWhileIdle(policyOf("not (pageViews >= 6)"), shopper)).toBe(false);
    expect(mayHoldWhileIdle(policyOf("not (pageViews >= 7)"), shopper)).toBe(true);
    expect(mayHoldWhileIdle(policyOf("pageViews >= 6 and step == payment"), shopper)).toBe(true);
  });

  it("a time comparison false now is still open: timeOnSiteSeconds > 600 at 120 s, and `not` of an open item inside an `or`", () => {
    expect(mayHoldWhileIdle(policyOf("timeOnSiteSeconds > 600"), BASE_SIGNALS)).toBe(true);
    expect(mayHoldWhileIdle(policyOf("cartValue > 500 or not (idleSeconds < 5)"), BASE_SIGNALS)).toBe(true);
  });
});
