import { describe, expect, it } from "vitest";
import { chatPriority } from "./chatPriority.ts";
import { resolvePolicy } from "./resolvePolicy.ts";
import { BASE_SIGNALS } from "./testArbitraries.ts";

const policy = resolvePolicy({
  name: "p",
  rules: [
    { name: "urgent", when: "exitIntent", priority: 3 },
    { name: "plain", when: "formErrors >= 2" },
  ],
  priority: { highValueCartAbove: 300, highValueBoost: 10, reactiveBoost: 2 },
});

describe("chatPriority", () => {
  it.each([
    [{ kind: "reactive" } as const, 100, 2],
    [{ kind: "reactive" } as const, 301, 12],
    [{ kind: "proactive", rule: "urgent" } as const, 300, 3],
    [{ kind: "proactive", rule: "urgent" } as const, 301, 13],
    [{ kind: "proactive", rule: "plain" } as const, 0, 0],
  ])("chatPriority(%j) with cart %d → %d", (source, cartValue, expected) => {
    expect(chatPriority(policy, { ...BASE_SIGNALS, cartValue }, source)).toBe(expected);
  });

  it("chatPriority uses the defaults: reactive +1, no high-value threshold", () => {
    const defaults = resolvePolicy({ name: "d", rules: [{ name: "r", when: "exitIntent" }] });
    expect(chatPriority(defaults, { ...BASE_SIGNALS, cartValue: 1e9 }, { kind: "reactive" })).toBe(1);
    expect(chatPriority(defaults, { ...BASE_SIGNALS, cartValue: 1e9 }, { kind: "proactive", rule: "r" })).toBe(0);
  });

  it("chatPriority(unknown rule) throws naming the rule and the policy", () => {
    expect(() => chatPriority(policy, BASE_SIGNALS, { kind: "proactive", rule: "nope" })).toThrow(
      /^invalid source\.rule: "nope" \(no such rule in policy p\)$/,
    );
  });
});
