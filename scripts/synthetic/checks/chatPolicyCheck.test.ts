import { describe, expect, it } from "vitest";
import { resolvePolicy } from "../../../sim/policy/index.ts";
import type { MoneyRules } from "../profiles/loadProfile.ts";
import type { InvitationWindow } from "../results/checkResults.ts";
import { observationsOf } from "../testing/observations.ts";
import { chatPolicyCheck } from "./chatPolicyCheck.ts";
import { predictInvitations } from "./predictInvitations.ts";

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

/** A window that agrees, idle on payment from 0 s for 40 s, nothing due (overridable). */
function window(overrides: Partial<InvitationWindow> = {}): InvitationWindow {
  return {
    persona: "p0",
    step: "payment",
    trigger: "idle",
    startSeconds: 0,
    lengthSeconds: 40,
    predictedSeconds: null,
    predictedRule: null,
    earliestSeconds: null,
    blockedBy: null,
    observedSeconds: null,
    observedRule: null,
    timingErrorSeconds: null,
    agree: true,
    problem: null,
    ...overrides,
  };
}

/** A screenshot taken at `at` virtual milliseconds. */
const shot = (id: string, at: number | null) => ({ id, step: "payment", doc: "d0", at, png: Buffer.alloc(0), thumbnail: "" });

describe("chatPolicyCheck's verdict, reason and evidence", () => {
  const fired = window({ predictedSeconds: 30, predictedRule: "idle-payment", observedSeconds: 30.5, observedRule: "idle-payment", timingErrorSeconds: 0.5 });
  const early = window({ step: "review", startSeconds: 42.5, predictedSeconds: 10, predictedRule: "r", observedSeconds: 9.25, timingErrorSeconds: -0.75 });
  const quiet = window({ trigger: "exitIntent", step: "review", startSeconds: 42.5, lengthSeconds: 0, blockedBy: "caps" });

  it("one evidence line per window: predicted (rule or why not), observed (rule when known), agreement", () => {
    const verdict = chatPolicyCheck(observationsOf([]), [fired, quiet, window({ observedSeconds: 12, agree: false, problem: "x" })], 1);
    expect(verdict.evidence).toEqual([
      "idle on payment at 0.0 s, 40.0 s long: predicted 30.00 s (idle-payment), observed 30.50 s (idle-payment) ✓",
      "exitIntent on review at 42.5 s, 0.0 s long: predicted none (caps), observed none ✓",
      "idle on payment at 0.0 s, 40.0 s long: predicted none (no rule), observed 12.00 s ✗",
    ]);
  });

  it("passes with counts of invitations and quiet windows and the largest timing error either side", () => {
    expect(chatPolicyCheck(observationsOf([]), [fired, early, quiet], 1)).toEqual({
      status: "passed",
      reason: "3 windows: 2 invitations as predicted, 1 quiet as predicted, timing error at most 0.750 s",
      evidence: expect.any(Array),
      seconds: 0,
      attempts: 1,
      shot: null,
    });
    expect(chatPolicyCheck(observationsOf([]), [fired], 1).reason).toBe(
      "1 window: 1 invitation as predicted, 0 quiet as predicted, timing error at most 0.500 s",
    );
    expect(chatPolicyCheck(observationsOf([]), [quiet], 1).reason).toBe("1 window: 0 invitations as predicted, 1 quiet as predicted");
  });

  it("passes a visit without windows and says so", () => {
    expect(chatPolicyCheck(observationsOf([]), [], 1)).toEqual({
      status: "passed",
      reason: "no idle or exit-intent window: nothing to invite, nothing shown",
      evidence: [],
      seconds: 0,
      attempts: 1,
      shot: null,
    });
  });

  it("fails on the first wrong window, counting the other wrong windows and the widget's problems", () => {
    const observations = observationsOf([]);
    observations.chatProblems = ["the widget stalled"];
    const verdict = chatPolicyCheck(observations, [fired, window({ agree: false, problem: "first" }), window({ agree: false, problem: "second" })], 1);
    expect(verdict).toMatchObject({ status: "failed", reason: "first (+2 more)", seconds: 0, attempts: 1, shot: null });
    expect(verdict.evidence.at(-1)).toBe("the widget stalled");
    expect(chatPolicyCheck(observationsOf([]), [window({ agree: false, problem: "only" })], 1).reason).toBe("only");
  });

  it("the screenshot is the first taken from 1 ms before the window to its end plus the tolerance", () => {
    // The widget started at 1 s: a window from 10 s for 5 s with a 1 s tolerance spans [11,000 − 1, 17,001] ms.
    const observations = observationsOf([{ step: "payment", readyAt: 1000, endAt: 20_000 }]);
    const wrong = [window({ startSeconds: 10, lengthSeconds: 5, agree: false, problem: "wrong" })];
    const shotWith = (...shots: ReturnType<typeof shot>[]) => chatPolicyCheck({ ...observations, shots }, wrong, 1).shot;
    expect(shotWith(shot("before", 10_998), shot("edge", 10_999))).toBe("edge");
    expect(shotWith(shot("unknown", null), shot("end", 17_001))).toBe("end");
    expect(shotWith(shot("after", 17_002))).toBeNull();
    // Without a widget, the visit starts with the page; without either, at 0.
    const noWidget = { ...observations, events: observations.events.filter((event) => event.type !== "widgetReady"), shots: [shot("s", 16_500)] };
    expect(chatPolicyCheck(noWidget, wrong, 1).shot).toBe("s");
    expect(chatPolicyCheck({ ...noWidget, events: [] }, wrong, 1).shot).toBeNull();
    expect(chatPolicyCheck({ ...noWidget, events: [], shots: [shot("t", 9_999)] }, wrong, 1).shot).toBe("t");
    // A screenshot without a time is never the window's, even one starting at the visit's start.
    const first = [window({ startSeconds: 0, lengthSeconds: 5, agree: false, problem: "wrong" })];
    expect(chatPolicyCheck({ ...noWidget, events: [], shots: [shot("untimed", null), shot("timed", 500)] }, first, 1).shot).toBe("timed");
  });

  it("the visit starts when the widget did, not when the page loaded", () => {
    // Page at 1 s, widget at 3 s: a window from 10 s for 5 s spans [12,999, 19,001] ms, not [10,999, 17,001].
    const observations = observationsOf([{ step: "payment", readyAt: 1000, endAt: 20_000 }]);
    const widgetLater = observations.events.map((event) => (event.type === "widgetReady" ? { ...event, at: 3000 } : event));
    const wrong = [window({ startSeconds: 10, lengthSeconds: 5, agree: false, problem: "wrong" })];
    const shotAt = (at: number) => chatPolicyCheck({ ...observations, events: widgetLater, shots: [shot("s", at)] }, wrong, 1).shot;
    expect([shotAt(12_500), shotAt(18_500)]).toEqual([null, "s"]);
  });
});
