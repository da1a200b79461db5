import { describe, expect, it } from "vitest";
import * as defaults from "./defaults.ts";
import { PolicyError } from "./PolicyError.ts";
import { resolvePolicy } from "./resolvePolicy.ts";
import type { Condition, PolicyOptions } from "./types.ts";

describe("resolvePolicy", () => {
  it("resolvePolicy({name}) fills in every default", () => {
    expect(resolvePolicy({ name: "p" })).toEqual({
      name: "p",
      description: "",
      reactive: { enabled: defaults.DEFAULT_REACTIVE_ENABLED, steps: null },
      rules: [],
      caps: {
        perPage: defaults.DEFAULT_CAP_PER_PAGE,
        perVisit: defaults.DEFAULT_CAP_PER_VISIT,
        afterDecline: defaults.DEFAULT_INVITE_AFTER_DECLINE,
        minGapSeconds: defaults.DEFAULT_MIN_GAP_SECONDS,
      },
      gating: { requireFreeSlot: false, maxQueueLength: Infinity, maxPredictedWaitSeconds: Infinity },
      priority: { highValueCartAbove: Infinity, highValueBoost: defaults.DEFAULT_HIGH_VALUE_BOOST, reactiveBoost: defaults.DEFAULT_REACTIVE_BOOST },
      holdout: { share: defaults.DEFAULT_HOLDOUT_SHARE, salt: defaults.DEFAULT_HOLDOUT_SALT },
    });
  });

  it("resolvePolicy parses text conditions and records the canonical text", () => {
    const policy = resolvePolicy({ name: "p", rules: [{ name: "r", when: "exitIntent && cartValue>=150" }] });
    expect(policy.rules[0]).toEqual({
      name: "r",
      when: {
        all: [
          { signal: "exitIntent", op: "==", value: true },
          { signal: "cartValue", op: ">=", value: 150 },
        ],
      },
      text: "exitIntent and cartValue >= 150",
      priority: 0,
    });
  });

  it("resolvePolicy freezes the result deeply and copies AST conditions", () => {
    const when: Condition = { signal: "step", op: "in", value: ["payment"] };
    const policy = resolvePolicy({ name: "p", rules: [{ name: "r", when }] });
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.caps)).toBe(true);
    expect(Object.isFrozen(policy.rules[0].when)).toBe(true);
    expect(Object.isFrozen(when)).toBe(false);
    (when.value as string[]).push("review");
    expect(policy.rules[0].when).toEqual({ signal: "step", op: "in", value: ["payment"] });
  });

  it("resolvePolicy copies a nested AST condition (all, any, not) and prints it with the fewest parentheses", () => {
    const leaf = (signal: "exitIntent" | "returningVisitor" | "confusion"): Condition => ({ signal, op: "==", value: true });
    const when: Condition = { any: [{ all: [leaf("exitIntent"), leaf("returningVisitor")] }, { not: leaf("confusion") }] };
    const policy = resolvePolicy({ name: "p", description: "nested", rules: [{ name: "r", when, priority: 3 }] });
    expect(policy.description).toBe("nested");
    const rule = policy.rules[0];
    // `and` binds tighter than `or`, and `not` tighter than both: no parentheses are needed.
    expect(rule).toEqual({ name: "r", when, text: "exitIntent and returningVisitor or not confusion", priority: 3 });
    expect(rule.when).not.toBe(when);
    expect(Object.isFrozen(when)).toBe(false);
  });

  it("resolvePolicy(invalid) throws PolicyError listing every problem, one per line", () => {
    const options = { name: "p", caps: { perVisit: -1 }, rules: [{ name: "r", when: "idleSecs >= 30" }] } as PolicyOptions;
    expect(() => resolvePolicy(options)).toThrow(PolicyError);
    try {
      resolvePolicy(options);
    } catch (error) {
      const lines = (error as PolicyError).message.split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^invalid policy\.caps\.perVisit: -1 \(must be an integer >= 0\)$/);
      expect(lines[1]).toMatch(/^invalid policy\.rules\[0\]\.when: "idleSecs >= 30" \(unknown signal idleSecs; allowed: /);
      expect((error as PolicyError).problems).toEqual(lines);
    }
  });

  it("PolicyError is named PolicyError and keeps its problems frozen", () => {
    const error = new PolicyError(["invalid a: 1 (x)", "invalid b: 2 (y)"]);
    expect(error.name).toBe("PolicyError");
    expect(error.message).toBe("invalid a: 1 (x)\ninvalid b: 2 (y)");
    expect(Object.isFrozen(error.problems)).toBe(true);
  });
});
