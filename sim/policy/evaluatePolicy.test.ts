import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluatePolicy.ts";
import { resolvePolicy } from "./resolvePolicy.ts";
import { BASE_SIGNALS, FRESH_VISIT, OPEN_QUEUE } from "./testArbitraries.ts";
import type { PolicyOptions, QueueState, Signals, VisitState } from "./types.ts";

const options: PolicyOptions = {
  name: "test",
  rules: [
    { name: "idle-payment", when: "step == payment and idleSeconds >= 30", priority: 2 },
    { name: "exit", when: "exitIntent" },
  ],
  caps: { perPage: 1, perVisit: 2, afterDecline: false, minGapSeconds: 60 },
  gating: { requireFreeSlot: true, maxQueueLength: 2, maxPredictedWaitSeconds: 90 },
  priority: { highValueCartAbove: 200, highValueBoost: 5 },
};
const policy = resolvePolicy(options);
const idle: Signals = { ...BASE_SIGNALS, idleSeconds: 40, timeOnSiteSeconds: 300 };
// A visit that fails every cap and a desk that fails every gate, so each row shows which check comes first.
const everythingBlocked: VisitState = {
  invitationsThisVisit: 2,
  invitationsThisPage: 1,
  declined: true,
  lastInvitationAtSeconds: 290,
  inChat: true,
};
const closedQueue: QueueState = { freeSlots: 0, queueLength: 3, predictedWaitSeconds: 120 };
// Every gate closed and the desk outside its opening hours.
const shutDesk: QueueState = { ...closedQueue, closed: true };

describe("evaluatePolicy", () => {
  it("evaluatePolicy invites with the first matching rule when nothing blocks", () => {
    expect(evaluatePolicy(policy, { ...idle, exitIntent: true }, FRESH_VISIT, OPEN_QUEUE)).toEqual({
      invite: true,
      rule: "idle-payment",
      priority: 2,
      blockedBy: null,
    });
    expect(evaluatePolicy(policy, { ...idle, step: "cart", exitIntent: true }, FRESH_VISIT, OPEN_QUEUE).rule).toBe("exit");
  });

  // Each row clears the check reported by the row above, so together they prove the documented order.
  it.each([
    ["in-chat", everythingBlocked, shutDesk],
    ["declined", { ...everythingBlocked, inChat: false }, shutDesk],
    ["cap-per-visit", { ...everythingBlocked, inChat: false, declined: false }, shutDesk],
    ["cap-per-page", { ...everythingBlocked, inChat: false, declined: false, invitationsThisVisit: 1 }, shutDesk],
    ["min-gap", { ...FRESH_VISIT, invitationsThisVisit: 1, lastInvitationAtSeconds: 290 }, shutDesk],
    ["gate-closed", { ...FRESH_VISIT, invitationsThisVisit: 1, lastInvitationAtSeconds: 200 }, shutDesk],
    ["gate-free-slot", FRESH_VISIT, closedQueue],
    ["gate-queue-length", FRESH_VISIT, { ...closedQueue, freeSlots: 1 }],
    ["gate-predicted-wait", FRESH_VISIT, { ...closedQueue, freeSlots: 1, queueLength: 2 }],
  ] as Array<[string, VisitState, QueueState]>)("evaluatePolicy reports %s before every later check", (reason, visit, queue) => {
    const decision = evaluatePolicy(policy, idle, visit, queue);
    expect(decision.invite).toBe(false);
    expect(decision.blockedBy).toBe(reason);
    expect(decision.rule).toBe(reason === "in-chat" ? null : "idle-payment");
  });

  it("evaluatePolicy reports no-rule (after in-chat, before caps) when no condition holds", () => {
    const calm = { ...idle, idleSeconds: 5 };
    expect(evaluatePolicy(policy, calm, { ...everythingBlocked, inChat: false }, closedQueue)).toEqual({
      invite: false,
      rule: null,
      priority: 0,
      blockedBy: "no-rule",
    });
    expect(evaluatePolicy(policy, calm, everythingBlocked, closedQueue).blockedBy).toBe("in-chat");
  });

  it.each([
    [{ afterDecline: false }, { declined: true }, "declined"],
    [{ afterDecline: true }, { declined: true }, null],
    [{ perVisit: 0 }, {}, "cap-per-visit"],
    [{ perVisit: 3, perPage: 5 }, { invitationsThisVisit: 2, invitationsThisPage: 2 }, null],
    [{ perVisit: 3, perPage: 5 }, { invitationsThisVisit: 3 }, "cap-per-visit"],
    [{ perPage: 2, perVisit: 9 }, { invitationsThisVisit: 5, invitationsThisPage: 1 }, null],
    [{ perPage: 2, perVisit: 9 }, { invitationsThisVisit: 5, invitationsThisPage: 2 }, "cap-per-page"],
    [{ minGapSeconds: 60, perVisit: 9, perPage: 9 }, { lastInvitationAtSeconds: 241 }, "min-gap"],
    [{ minGapSeconds: 60, perVisit: 9, perPage: 9 }, { lastInvitationAtSeconds: 240 }, null],
    [{ minGapSeconds: 0, perVisit: 9, perPage: 9 }, { lastInvitationAtSeconds: 300 }, null],
  ] as Array<[PolicyOptions["caps"], Partial<VisitState>, string | null]>)(
    "evaluatePolicy with caps %j and visit %j at 300 s on site → blockedBy %s",
    (caps, visit, reason) => {
      const capped = resolvePolicy({ ...options, caps, gating: {} });
      expect(evaluatePolicy(capped, idle, { ...FRESH_VISIT, ...visit }, OPEN_QUEUE).blockedBy).toBe(reason);
    },
  );

  it.each([
    [{}, { freeSlots: 0, queueLength: 50, predictedWaitSeconds: 1e4 }, null],
    [{ requireFreeSlot: true }, { freeSlots: 0 }, "gate-free-slot"],
    [{ requireFreeSlot: true }, { freeSlots: 1 }, null],
    [{ maxQueueLength: 0 }, { queueLength: 0 }, null],
    [{ maxQueueLength: 0 }, { queueLength: 1 }, "gate-queue-length"],
    [{ maxQueueLength: 2 }, { queueLength: 2 }, null],
    [{ maxPredictedWaitSeconds: 60 }, { predictedWaitSeconds: 60 }, null],
    [{ maxPredictedWaitSeconds: 60 }, { predictedWaitSeconds: 60.5 }, "gate-predicted-wait"],
  ] as Array<[PolicyOptions["gating"], Partial<QueueState>, string | null]>)(
    "evaluatePolicy with gating %j and queue %j → blockedBy %s",
    (gating, queue, reason) => {
      const gated = resolvePolicy({ ...options, gating });
      expect(evaluatePolicy(gated, idle, FRESH_VISIT, { ...OPEN_QUEUE, ...queue }).blockedBy).toBe(reason);
    },
  );

  it("evaluatePolicy adds the high-value boost only above the threshold, also to blocked decisions", () => {
    expect(evaluatePolicy(policy, { ...idle, cartValue: 200 }, FRESH_VISIT, OPEN_QUEUE).priority).toBe(2);
    expect(evaluatePolicy(policy, { ...idle, cartValue: 200.01 }, FRESH_VISIT, OPEN_QUEUE).priority).toBe(7);
    expect(evaluatePolicy(policy, { ...idle, cartValue: 500 }, FRESH_VISIT, closedQueue)).toMatchObject({
      invite: false,
      priority: 7,
      blockedBy: "gate-free-slot",
    });
  });

  it("evaluatePolicy on a reactive-only policy always reports no-rule", () => {
    const reactiveOnly = resolvePolicy({ name: "reactive" });
    expect(evaluatePolicy(reactiveOnly, { ...idle, exitIntent: true }, FRESH_VISIT, OPEN_QUEUE).blockedBy).toBe("no-rule");
  });
  it("evaluatePolicy: the minimum gap only follows an invitation; the first may come before minGapSeconds on site", () => {
    // 30 s on site with minGapSeconds 60 and no invitation yet: there is no gap to wait for.
    const early = { ...idle, timeOnSiteSeconds: 30 };
    expect(evaluatePolicy(policy, early, FRESH_VISIT, OPEN_QUEUE)).toMatchObject({ invite: true, blockedBy: null });
  });
});
