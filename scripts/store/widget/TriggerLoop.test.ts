import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { newVisitState, onDeclined, onInvitationShown, type PolicyOptions, type QueueState, resolvePolicy } from "../../../sim/policy/index.ts";
import { type PageSignals, TriggerLoop } from "./TriggerLoop.ts";

const page: PageSignals = {
  step: "payment",
  pageViews: 3,
  cartValue: 120,
  formErrors: 0,
  confusion: false,
  returningVisitor: false,
  device: "desktop",
  visitStartMs: 0,
};
const open: QueueState = { freeSlots: 2, queueLength: 0, predictedWaitSeconds: 0 };
const closed: QueueState = { freeSlots: 0, queueLength: 4, predictedWaitSeconds: Infinity };

/** A loop on fake timers; `invitations` logs [secondsSinceStart, rule, exitIntent]. */
function start(options: PolicyOptions, queue: () => QueueState | Error = () => open) {
  const invitations: [number, string | null, boolean][] = [];
  const queueCalls: number[] = [];
  const loop = new TriggerLoop(resolvePolicy(options), page, newVisitState(), {
    nowMs: () => Date.now(),
    setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    queueState: async () => {
      queueCalls.push(Date.now() / 1000);
      const state = queue();
      if (state instanceof Error) throw state;
      return state;
    },
    invite: (decision, signals) => invitations.push([Date.now() / 1000, decision.rule, signals.exitIntent]),
  });
  return { loop, invitations, queueCalls };
}

const idlePayment: PolicyOptions = { name: "p", rules: [{ name: "idle-payment", when: "step == payment and idleSeconds >= 30" }] };

describe("TriggerLoop", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it("invites exactly when idleSeconds reaches the threshold, not before, with one queue request", async () => {
    const { invitations, queueCalls } = start(idlePayment);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(invitations).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(invitations).toEqual([[30, "idle-payment", false]]);
    expect(queueCalls).toEqual([30]);
  });

  it("input() restarts the idle time", async () => {
    const { loop, invitations } = start(idlePayment);
    await vi.advanceTimersByTimeAsync(20_000);
    loop.input();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(invitations).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(invitations).toEqual([[50, "idle-payment", false]]);
  });

  it("restartIdle() moves the start of idle time to now (the widget's ready moment): 0.2 s of setup delays the invitation by 0.2 s", async () => {
    const { loop, invitations } = start(idlePayment);
    await vi.advanceTimersByTimeAsync(200);
    loop.restartIdle();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(invitations).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(invitations).toEqual([[30.2, "idle-payment", false]]);
  });

  it("re-checks every GATE_RECHECK_SECONDS while gating blocks, and invites once the gate opens", async () => {
    let queue = closed;
    const { invitations, queueCalls } = start({ ...idlePayment, gating: { requireFreeSlot: true } }, () => queue);
    await vi.advanceTimersByTimeAsync(42_000);
    expect(queueCalls).toEqual([30, 35, 40]);
    expect(invitations).toEqual([]);
    queue = open;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(invitations).toEqual([[45, "idle-payment", false]]);
  });

  it("an unreachable server never invites; the loop retries every GATE_RECHECK_SECONDS", async () => {
    let queue: QueueState | Error = new Error("offline");
    const { invitations, queueCalls } = start(idlePayment, () => queue);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(invitations).toEqual([]);
    expect(queueCalls).toEqual([30, 35, 40]);
    queue = open;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(invitations).toEqual([[45, "idle-payment", false]]);
  });

  it("stays suspended while an invitation is shown; after a decline with afterDecline false it never invites again", async () => {
    const { loop, invitations } = start({ ...idlePayment, caps: { perPage: 5, perVisit: 5, afterDecline: false, minGapSeconds: 0 } });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(invitations).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(invitations).toHaveLength(1);
    loop.resume(onDeclined(onInvitationShown(loop.visit, 30)));
    loop.input();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(invitations).toHaveLength(1);
  });

  it("waits out minGapSeconds before a second invitation when caps allow one", async () => {
    const { loop, invitations } = start({ ...idlePayment, caps: { perPage: 2, perVisit: 2, afterDecline: true, minGapSeconds: 60 } });
    await vi.advanceTimersByTimeAsync(30_000);
    loop.resume(onDeclined(onInvitationShown(loop.visit, 30)));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(invitations).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(invitations.map(([at]) => at)).toEqual([30, 90]);
  });

  it("exitIntent() evaluates once with exitIntent true; a pure exit-intent rule never fires on idle", async () => {
    const { loop, invitations } = start({ name: "exit", rules: [{ name: "leaving", when: "exitIntent and cartValue >= 100" }] });
    await vi.advanceTimersByTimeAsync(300_000);
    expect(invitations).toEqual([]);
    expect(await loop.exitIntent()).toBe(true);
    expect(invitations).toEqual([[300, "leaving", true]]);
  });

  it("a rule true on arrival (no idle condition) invites at once, like the simulator at delay 0", async () => {
    const { invitations } = start({ name: "pages", rules: [{ name: "many-pages", when: "pageViews >= 3" }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(invitations).toEqual([[0, "many-pages", false]]);
  });

  it("confused() fires a `confusion == true` rule at once, with the signal true, and only once per visit", async () => {
    const { loop, invitations, queueCalls } = start({ name: "p", rules: [{ name: "confused-payment", when: "confusion == true and step == payment" }] });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(invitations).toEqual([]);
    expect(loop.signals().confusion).toBe(false);
    loop.confused();
    await vi.advanceTimersByTimeAsync(0);
    expect(invitations).toEqual([[60, "confused-payment", false]]);
    expect(queueCalls).toEqual([60]);
    expect(loop.signals().confusion).toBe(true);
    loop.confused();
    await vi.advanceTimersByTimeAsync(0);
    expect(queueCalls).toEqual([60]);
  });
});
