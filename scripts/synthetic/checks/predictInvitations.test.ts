import { describe, expect, it } from "vitest";
import { type PolicyOptions, type QueueState, resolvePolicy } from "../../../sim/policy/index.ts";
import type { MoneyRules } from "../profiles/loadProfile.ts";
import { observationsOf, type TestPage } from "../testing/observations.ts";
import { predictInvitations } from "./predictInvitations.ts";

const RULES: MoneyRules = {
  taxRate: 0.07,
  shippingFee: 7.95,
  freeShippingThreshold: 99,
  fixedFee: 0,
  totalFirstShownAt: "shipping",
  catalog: null,
  decimalSeparator: ".",
  currencyDecimals: 2,
  tolerance: 0.01,
};
const IDLE: PolicyOptions = {
  name: "idle",
  rules: [
    { name: "idle-payment", when: "step in [payment, review] and idleSeconds >= 30" },
    { name: "exit-high-value", when: "exitIntent and cartValue >= 150", priority: 2 },
  ],
  caps: { perPage: 1, perVisit: 2, afterDecline: false, minGapSeconds: 60 },
};
const windows = (pages: TestPage[], policy: PolicyOptions = IDLE, queue?: Array<{ at: number; state: QueueState }>) =>
  predictInvitations(observationsOf(pages, { queue }), resolvePolicy(policy), RULES, 1).map((window) => ({
    step: window.step,
    trigger: window.trigger,
    predicted: window.predictedSeconds,
    observed: window.observedSeconds,
    blockedBy: window.blockedBy,
    agree: window.agree,
  }));

describe("predictInvitations", () => {
  it("predictInvitations: an idle rule fires at its threshold after the widget starts, and agrees with an invitation seen then", () => {
    expect(windows([{ step: "payment", readyAt: 1000, endAt: 50_000, shown: [31_000], dismiss: 33_000 }])).toEqual([
      { step: "payment", trigger: "idle", predicted: 30, observed: 30, blockedBy: null, agree: true },
      { step: "payment", trigger: "idle", predicted: null, observed: null, blockedBy: "caps-or-no-rule", agree: true },
    ]);
  });

  it("predictInvitations: idle time restarts at every input", () => {
    const [first, second] = windows([{ step: "payment", readyAt: 0, endAt: 60_000, inputs: [20_000], shown: [50_000], dismiss: 52_000 }]);
    expect(first).toMatchObject({ predicted: null, observed: null, blockedBy: "window-too-short", agree: true });
    expect(second).toMatchObject({ predicted: 30, observed: 30, agree: true });
  });

  it("predictInvitations flags an invitation the policy forbids (wrong step), one too early, and one that never came", () => {
    const [wrongStep] = windows([{ step: "shipping", readyAt: 0, endAt: 40_000, shown: [10_000], dismiss: 12_000 }]);
    expect(wrongStep).toMatchObject({ predicted: null, observed: 10, agree: false });
    const [early] = windows([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [25_000], dismiss: 27_000 }]);
    expect(early).toMatchObject({ predicted: null, observed: 25, agree: false });
    const [missed] = windows([{ step: "payment", readyAt: 0, endAt: 40_000 }]);
    expect(missed).toMatchObject({ predicted: 30, observed: null, agree: false });
  });

  it("predictInvitations allows the stated tolerance: 0.9 s late agrees, 1.5 s late does not", () => {
    expect(windows([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [30_900], dismiss: 33_000 }])[0]).toMatchObject({
      predicted: 30,
      observed: 30.9,
      agree: true,
    });
    expect(windows([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [31_500], dismiss: 33_000 }])[0]).toMatchObject({
      predicted: 30,
      observed: 31.5,
      agree: false,
    });
  });

  it("predictInvitations allows the tolerance on the early side too: 0.9 s early agrees, 1.5 s early is flagged", () => {
    expect(windows([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [29_100], dismiss: 33_000 }])[0]).toMatchObject({ observed: 29.1, agree: true });
    expect(windows([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [28_500], dismiss: 33_000 }])[0]).toMatchObject({ observed: 28.5, agree: false });
  });

  it("predictInvitations at the tolerance itself: exactly 1 s late or early agrees", () => {
    expect(windows([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [31_000], dismiss: 33_000 }])[0]).toMatchObject({ observed: 31, agree: true });
    expect(windows([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [29_000], dismiss: 33_000 }])[0]).toMatchObject({ observed: 29, agree: true });
  });

  it("predictInvitations: after a decline nothing more is due on later pages (afterDecline false); after an accept the shopper is in chat", () => {
    const declined = windows([
      { step: "payment", readyAt: 0, endAt: 35_000, shown: [30_000], dismiss: 32_000 },
      { step: "review", readyAt: 36_000, endAt: 100_000 },
    ]);
    expect(declined.at(-1)).toMatchObject({ step: "review", predicted: null, blockedBy: "caps-or-no-rule", agree: true });
    const accepted = windows([
      { step: "payment", readyAt: 0, endAt: 35_000, shown: [30_000], accept: 32_000 },
      { step: "review", readyAt: 36_000, endAt: 100_000, shown: [66_000] },
    ]);
    expect(accepted.at(-1)).toMatchObject({ step: "review", predicted: null, observed: 30, blockedBy: "in-chat", agree: false });
  });

  it("predictInvitations: the per-visit cap and the minimum gap hold across pages", () => {
    const loose: PolicyOptions = { ...IDLE, caps: { perPage: 1, perVisit: 3, afterDecline: true, minGapSeconds: 60 } };
    const pages: TestPage[] = [
      { step: "payment", readyAt: 0, endAt: 35_000, shown: [30_000], dismiss: 32_000 },
      // 30 s idle on review is at 65 s on site, 35 s after the last invitation: the gap (60 s) holds it to 90 s.
      { step: "review", readyAt: 35_000, endAt: 120_000, shown: [90_000], dismiss: 92_000 },
    ];
    expect(windows(pages, loose).filter((window) => window.step === "review")[0]).toMatchObject({ predicted: 55, observed: 55, agree: true });
  });

  it("predictInvitations: gating re-checks every 5 s with the queue state read at the time", () => {
    const gated: PolicyOptions = { ...IDLE, gating: { requireFreeSlot: true } };
    const full = { freeSlots: 0, queueLength: 2, predictedWaitSeconds: 600 };
    const open = { freeSlots: 1, queueLength: 0, predictedWaitSeconds: 0 };
    const [blocked] = windows([{ step: "payment", readyAt: 0, endAt: 60_000 }], gated, [{ at: 0, state: full }]);
    expect(blocked).toMatchObject({ predicted: null, observed: null, blockedBy: "gate-free-slot", agree: true });
    // An agent frees a slot at 41 s: the re-check at 45 s invites.
    const [opened] = windows([{ step: "payment", readyAt: 0, endAt: 60_000, shown: [45_000], dismiss: 47_000 }], gated, [
      { at: 0, state: full },
      { at: 41_000, state: open },
    ]);
    expect(opened).toMatchObject({ predicted: 45, observed: 45, agree: true });
  });

  it("predictInvitations: exit intent on a high-value cart invites at once; the back button counts only for policies that read exitIntent", () => {
    const exit = windows([{ step: "cart", readyAt: 0, endAt: 21_000, exitIntent: { at: 20_000, via: "mouse" }, shown: [20_050], dismiss: 22_000 }]);
    expect(exit.find((window) => window.trigger === "exitIntent")).toMatchObject({ predicted: 0, observed: 0.05, agree: true });
    const idleOnly: PolicyOptions = { name: "idle-only", rules: [IDLE.rules![0]] };
    const back = windows([{ step: "cart", readyAt: 0, endAt: 21_000, exitIntent: { at: 20_000, via: "back" } }], idleOnly);
    expect(back.find((window) => window.trigger === "exitIntent")).toMatchObject({ predicted: null, observed: null, blockedBy: "not-evaluated", agree: true });
  });

  it("predictInvitations does not blame a store for losing a race with the shopper's next click", () => {
    // The rule is due at 30 s, the shopper clicks at 30.4 s: within the tolerance, either outcome agrees.
    expect(windows([{ step: "payment", readyAt: 0, endAt: 60_000, inputs: [30_400] }])[0]).toMatchObject({
      predicted: null,
      observed: null,
      blockedBy: "window-too-short",
      agree: true,
    });
  });
});

describe("predictInvitations' problem lines", () => {
  const problems = (pages: TestPage[], policy: PolicyOptions = IDLE, queue?: Array<{ at: number; state: QueueState }>) =>
    predictInvitations(observationsOf(pages, { queue }), resolvePolicy(policy), RULES, 1).map((window) => window.problem);

  it("late, missing and too early say what was seen, what the policy says and the tolerance", () => {
    expect(problems([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [31_500], dismiss: 33_000 }])[0]).toBe(
      "idle on payment: invitation after 31.50 s, the policy says 30.00 s (idle-payment; tolerance ±1 s)",
    );
    expect(problems([{ step: "payment", readyAt: 0, endAt: 40_000 }])).toEqual([
      "idle on payment: no invitation, the policy says one after 30.00 s (idle-payment); the shopper stayed 40.00 s",
    ]);
    expect(problems([{ step: "payment", readyAt: 0, endAt: 40_000, shown: [25_000], dismiss: 27_000 }])[0]).toBe(
      "idle on payment: invitation after 25.00 s, the policy says not before 30.00 s (tolerance ±1 s)",
    );
  });

  it("an invitation the policy forbids names why: no rule or caps, an open invitation, the queue gate, the back button", () => {
    expect(problems([{ step: "shipping", readyAt: 0, endAt: 40_000, shown: [10_000], dismiss: 12_000 }])[0]).toBe(
      "idle on shipping: invitation after 10.00 s, the policy says none (no rule can fire, or caps forbid it)",
    );
    const gated: PolicyOptions = { ...IDLE, gating: { requireFreeSlot: true } };
    const full = { freeSlots: 0, queueLength: 2, predictedWaitSeconds: 600 };
    expect(problems([{ step: "payment", readyAt: 0, endAt: 60_000, shown: [50_000], dismiss: 52_000 }], gated, [{ at: 0, state: full }])[0]).toBe(
      "idle on payment: invitation after 50.00 s, the policy says none (blocked by gate-free-slot)",
    );
    const idleOnly: PolicyOptions = { name: "idle-only", rules: [IDLE.rules![0]] };
    const back = problems([{ step: "cart", readyAt: 0, endAt: 21_000, exitIntent: { at: 20_000, via: "back" }, shown: [20_050], dismiss: 20_500 }], idleOnly);
    expect(back).toContain("exit intent on cart: invitation after 0.05 s, the policy says none (the back button is not exit intent under this policy)");
  });

  it("a second invitation while the first is still open is blamed on the open one", () => {
    // Shown at 30 s and never answered; after an input at 40 s a second one at 75 s finds it still open.
    const lines = problems([{ step: "payment", readyAt: 0, endAt: 100_000, inputs: [40_000], shown: [30_000, 75_000] }]);
    expect(lines).toEqual([null, "idle on payment: invitation after 35.00 s, the policy says none (an invitation is already open)"]);
  });
});

describe("predictInvitations' windows in full", () => {
  it("a two-page visit: every window's start, length, prediction, earliest time, observation, rule and verdict", () => {
    // The widget starts at 1 s on shipping (no rule there) and at 12 s on payment; an input at 20 s,
    // the invitation at 50 s (idle 30 s since the input), dismissed at 52 s (the click is input at 52.001 s).
    const observations = observationsOf([
      { step: "shipping", readyAt: 1000, endAt: 11_000 },
      { step: "payment", readyAt: 12_000, endAt: 60_000, inputs: [20_000], shown: [50_000], dismiss: 52_000 },
    ]);
    observations.offered = [
      { rule: "elsewhere", step: "review", idleSeconds: 30 },
      { rule: "idle-payment", step: "payment", idleSeconds: 30.4 },
    ];
    const persona = observations.spec.id;
    const quiet = {
      predictedSeconds: null,
      predictedRule: null,
      observedSeconds: null,
      observedRule: null,
      timingErrorSeconds: null,
      agree: true,
      problem: null,
    };
    expect(predictInvitations(observations, resolvePolicy(IDLE), RULES, 1)).toEqual([
      { persona, step: "shipping", trigger: "idle", startSeconds: 0, lengthSeconds: 11, earliestSeconds: null, blockedBy: "caps-or-no-rule", ...quiet },
      { persona, step: "payment", trigger: "idle", startSeconds: 11, lengthSeconds: 8, earliestSeconds: 30, blockedBy: "window-too-short", ...quiet },
      {
        persona,
        step: "payment",
        trigger: "idle",
        startSeconds: 19,
        lengthSeconds: 32.001,
        predictedSeconds: 30,
        predictedRule: "idle-payment",
        earliestSeconds: 30,
        blockedBy: null,
        observedSeconds: 30,
        observedRule: "idle-payment",
        timingErrorSeconds: 0,
        agree: true,
        problem: null,
      },
      { persona, step: "payment", trigger: "idle", startSeconds: 51.001, lengthSeconds: 7.999, earliestSeconds: null, blockedBy: "caps-or-no-rule", ...quiet },
    ]);
    // The predictor consumes the widget's reports from its own copy: the observations stay as recorded.
    expect(observations.offered).toHaveLength(2);
  });
});

describe("predictInvitations' signals are the persona's own", () => {
  /** Seconds into the first payment window at which `when` (with idle ≥ 10 s) invites, or null. */
  const firesAt = (when: string, change: (observations: ReturnType<typeof observationsOf>) => void = () => {}) => {
    const observations = observationsOf([
      { step: "shipping", readyAt: 1000, endAt: 11_000 },
      { step: "payment", readyAt: 12_000, endAt: 100_000 },
    ]);
    change(observations);
    const policy: PolicyOptions = { name: "signal", rules: [{ name: "r", when: `step == payment and idleSeconds >= 10 and ${when}` }] };
    return predictInvitations(observations, resolvePolicy(policy), RULES, 1).find((window) => window.step === "payment")!.predictedSeconds;
  };

  it("page views count every page so far; time on site runs from the first widget start", () => {
    expect([firesAt("pageViews == 2"), firesAt("pageViews == 1")]).toEqual([10, null]);
    // Idle 10 s on payment is 21 s on site; 40 s on site comes 29 s into the window.
    expect(firesAt("timeOnSiteSeconds >= 40")).toBe(29);
  });

  it("cart value counts the items added before the page loaded, at catalog prices", () => {
    const addLater = (observations: ReturnType<typeof observationsOf>) => {
      observations.items.push({ key: "hat", name: "Hat", unitPrice: 100, unitPriceText: "$100.00", listPriceText: null, quantity: 1, addedAt: 12_000 });
    };
    expect([firesAt("cartValue == 249", addLater), firesAt("cartValue > 249", addLater)]).toEqual([10, null]);
  });

  it("form errors count the fields of forms that showed errors and were submitted before the page loaded", () => {
    const forms = (observations: ReturnType<typeof observationsOf>) => {
      const form = { step: "shipping", errorText: "x", advanced: false, seconds: 1 };
      const fields = (count: number) => Array.from({ length: count }, (_, index) => ({ field: `f${index}`, value: "" }));
      observations.forms = [
        { ...form, fields: fields(2), errorShown: true, submittedAt: 5000 },
        { ...form, fields: fields(3), errorShown: false, submittedAt: 5000 },
        { ...form, fields: fields(4), errorShown: true, submittedAt: 12_000 },
        { ...form, fields: fields(5), errorShown: true, submittedAt: null },
      ];
    };
    expect([firesAt("formErrors == 2", forms), firesAt("formErrors == 0")]).toEqual([10, 10]);
  });

  it("a persona with no repeated focus, edits, clicks or returns is not confused, and never a returning visitor", () => {
    expect([firesAt("confusion"), firesAt("returningVisitor")]).toEqual([null, null]);
  });

  it("queue readings recorded as page events gate the prediction like the harness's readings", () => {
    const full = { freeSlots: 0, queueLength: 2, predictedWaitSeconds: 600 };
    const gated: PolicyOptions = { ...IDLE, gating: { requireFreeSlot: true } };
    const observations = observationsOf([{ step: "payment", readyAt: 0, endAt: 60_000 }]);
    observations.events.push({ type: "queue", doc: "d0", at: 0, state: full });
    expect(predictInvitations(observations, resolvePolicy(gated), RULES, 1)[0]).toMatchObject({ predictedSeconds: null, blockedBy: "gate-free-slot" });
  });
});

describe("predictInvitations' edges", () => {
  const gated: PolicyOptions = { ...IDLE, gating: { requireFreeSlot: true } };
  const full = { freeSlots: 0, queueLength: 2, predictedWaitSeconds: 600 };
  const open = { freeSlots: 1, queueLength: 0, predictedWaitSeconds: 0 };

  it("a queue reading up to 1 ms after a re-check counts for it; readings are taken in time order", () => {
    const page = [{ step: "payment", readyAt: 0, endAt: 60_000, shown: [45_000], dismiss: 47_000 }];
    const [justAfter] = windows(page, gated, [
      { at: 0, state: full },
      { at: 45_001, state: open },
    ]);
    expect(justAfter).toMatchObject({ predicted: 45, agree: true });
    const [unordered] = windows(page, gated, [
      { at: 41_000, state: open },
      { at: 0, state: full },
    ]);
    expect(unordered).toMatchObject({ predicted: 45, agree: true });
  });

  it("quiet idle stretches shorter than 5 s are not reported; one of 5 s is", () => {
    const observations = observationsOf([{ step: "payment", readyAt: 0, endAt: 15_000, inputs: [4_000, 9_000] }]);
    const spans = predictInvitations(observations, resolvePolicy(IDLE), RULES, 1).map((window) => [window.startSeconds, window.lengthSeconds]);
    expect(spans).toEqual([
      [4, 5],
      [9, 6],
    ]);
  });

  describe("the confusion signal, measured as the widget's meter (sim/policy ConfusionMeter) measures it", () => {
    const CONFUSED: PolicyOptions = {
      name: "confused",
      rules: [{ name: "confused-payment", when: "confusion and step == payment" }],
      caps: { perPage: 1, perVisit: 2, afterDecline: false, minGapSeconds: 60 },
    };
    const STEPS = ["shipping", "payment", "review"];
    const predict = (pages: TestPage[]) => predictInvitations(observationsOf(pages), resolvePolicy(CONFUSED), RULES, 1, STEPS);

    it("a third focus of one field confuses at that moment: the rule is predicted then and agrees with the invitation seen", () => {
      const focus = [2000, 5000, 9000].map((at) => ({ at, field: "cardNumber" }));
      const result = predict([{ step: "payment", readyAt: 0, endAt: 30_000, inputs: [2000, 5000, 9000], focus, shown: [9010], dismiss: 12_000 }]);
      const fired = result.find((window) => window.predictedRule === "confused-payment")!;
      // The widget answers the confusing focus within milliseconds.
      expect(fired).toMatchObject({ startSeconds: 9, predictedSeconds: 0, observedSeconds: 0.01, agree: true });
      expect(result.filter((window) => window.startSeconds < 9).every((window) => window.predictedSeconds === null)).toBe(true);
    });

    it("focus spread over fields, a second edit and slow clicks stay calm: nothing predicted, and an invitation seen is flagged", () => {
      const focus = ["cardNumber", "expiry", "cvc", "cardNumber"].map((field, i) => ({ at: 1000 * (i + 1), field }));
      const edits = [
        { at: 6000, field: "cvc" },
        { at: 7000, field: "cvc" },
      ];
      const clicks = [0, 1, 2].map((i) => ({ at: 10_000 + 600 * i, x: 100, y: 100 }));
      const calm = predict([{ step: "payment", readyAt: 0, endAt: 30_000, focus, edits, clicks }]);
      expect(calm.every((window) => window.predictedSeconds === null && window.agree)).toBe(true);
      const seen = predict([{ step: "payment", readyAt: 0, endAt: 30_000, focus, edits, clicks, shown: [12_000], dismiss: 14_000 }]);
      expect(seen.some((window) => window.observedSeconds !== null && !window.agree)).toBe(true);
    });

    it("three clicks within 1 s and 30 px confuse; two returns to an earlier step confuse from the page where they happen", () => {
      const clicks = [0, 1, 2].map((i) => ({ at: 4000 + 300 * i, x: 200 + 5 * i, y: 300 }));
      const rapid = predict([{ step: "payment", readyAt: 0, endAt: 20_000, clicks }]);
      expect(rapid.find((window) => window.predictedRule === "confused-payment")).toMatchObject({ startSeconds: 4.6, predictedSeconds: 0 });
      // shipping → payment → shipping (one return) → payment → shipping (two) → payment: confused on the last payment page only.
      const pages = ["shipping", "payment", "shipping", "payment", "shipping", "payment"].map((step, i) => ({
        step,
        readyAt: 10_000 * i,
        endAt: 10_000 * i + 9000,
      }));
      const back = predict(pages);
      const predicted = back.filter((window) => window.predictedRule === "confused-payment");
      expect(predicted.map((window) => window.startSeconds)).toEqual([50]);
    });
  });
});
