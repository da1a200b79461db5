import { describe, expect, it } from "vitest";
import { resolvePolicy } from "../../sim/policy/index.ts";
import { chatPolicyCheck } from "./chatPolicyCheck.ts";
import type { MoneyRules } from "./loadProfile.ts";
import { predictInvitations } from "./predictInvitations.ts";
import { observationsOf } from "./testing/observations.ts";

const RULES = {
  taxRate: 0,
  shippingFee: 0,
  freeShippingThreshold: Infinity,
  fixedFee: 0,
  totalFirstShownAt: null,
  catalog: null,
  decimalSeparator: ".",
  currencyDecimals: 2,
  tolerance: 0.01,
} as MoneyRules;
const policy = resolvePolicy({ name: "p", rules: [{ name: "idle-payment", when: "step == payment and idleSeconds >= 30" }] });

describe("chatPolicyCheck", () => {
  it("chatPolicyCheck passes windows that agree and fails the first that does not, with the screenshot taken in it", () => {
    const good = observationsOf([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [30_000], dismiss: 32_000 }]);
    expect(chatPolicyCheck(good, predictInvitations(good, policy, RULES, 1), 1)).toMatchObject({
      status: "passed",
      reason: "2 windows: 1 invitation as predicted, 1 quiet as predicted, timing error at most 0.000 s",
    });
    const early = observationsOf([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [5_000], dismiss: 7_000 }]);
    early.shots = [{ id: "shot0", step: "payment", doc: "d0", at: 7_000, png: Buffer.alloc(0), thumbnail: "" }];
    expect(chatPolicyCheck(early, predictInvitations(early, policy, RULES, 1), 1)).toMatchObject({
      status: "failed",
      reason: "idle on payment: invitation after 5.00 s, the policy says not before 30.00 s (tolerance ±1 s)",
      shot: "shot0",
    });
  });

  it("chatPolicyCheck fails when the widget did not start", () => {
    const observations = observationsOf([]);
    observations.chatProblems = ["the chat widget did not start on cart (#chat not found within 5 s)"];
    expect(chatPolicyCheck(observations, [], 1)).toMatchObject({
      status: "failed",
      reason: "the chat widget did not start on cart (#chat not found within 5 s)",
    });
  });
});
