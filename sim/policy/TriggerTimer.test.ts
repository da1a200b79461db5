import { describe, expect, it } from "vitest";
import { GATE_RECHECK_SECONDS } from "./defaults.ts";
import { evaluatePolicy } from "./evaluatePolicy.ts";
import { resolvePolicy } from "./resolvePolicy.ts";
import { evaluateExitIntent, TriggerTimer } from "./TriggerTimer.ts";
import { BASE_SIGNALS, FRESH_VISIT, OPEN_QUEUE } from "./testArbitraries.ts";
import type { QueueState, Signals } from "./types.ts";

const idlePolicy = resolvePolicy({ name: "idle", rules: [{ name: "idle30", when: "idleSeconds >= 30" }], gating: { maxQueueLength: 0 } });
const FULL_QUEUE: QueueState = { freeSlots: 0, queueLength: 3, predictedWaitSeconds: 120 };
const at = (idleSeconds: number): Signals => ({ ...BASE_SIGNALS, idleSeconds, timeOnSiteSeconds: 100 + idleSeconds });

describe("TriggerTimer", () => {
  it("nextWakeSeconds is the moment the rule starts to hold, null beyond the look-ahead", () => {
    const timer = new TriggerTimer();
    expect(timer.nextWakeSeconds(idlePolicy, at(10), FRESH_VISIT, 0, 600)).toBe(20);
    expect(timer.nextWakeSeconds(idlePolicy, at(10), FRESH_VISIT, 0, 19)).toBeNull();
  });

  it("a wake-up that gating turns down is looked at again GATE_RECHECK_SECONDS later, until input drops it", () => {
    const timer = new TriggerTimer();
    const decision = evaluatePolicy(idlePolicy, at(30), FRESH_VISIT, FULL_QUEUE);
    expect(decision.invite).toBe(false);
    expect(decision.blockedBy).toMatch(/^gate-/);
    timer.evaluated(decision, 50);
    expect(timer.rechecking).toBe(true);
    expect(timer.nextWakeSeconds(idlePolicy, at(30), FRESH_VISIT, 50, 600)).toBe(GATE_RECHECK_SECONDS);
    expect(timer.nextWakeSeconds(idlePolicy, at(32), FRESH_VISIT, 52, 600)).toBe(GATE_RECHECK_SECONDS - 2);
    timer.input();
    expect(timer.rechecking).toBe(false);
    expect(timer.nextWakeSeconds(idlePolicy, at(0), FRESH_VISIT, 53, 600)).toBe(30);
  });

  it("never allows two invitations at one moment: a wake-up due then waits GATE_RECHECK_SECONDS", () => {
    // No caps at all: after an invitation the rule still holds at once.
    const loose = resolvePolicy({
      name: "loose",
      rules: [{ name: "always", when: "idleSeconds >= 0" }],
      caps: { perPage: 10, perVisit: 10, minGapSeconds: 0 },
    });
    const timer = new TriggerTimer();
    const decision = evaluatePolicy(loose, at(0), FRESH_VISIT, OPEN_QUEUE);
    expect(decision.invite).toBe(true);
    timer.evaluated(decision, 7);
    expect(timer.nextWakeSeconds(loose, at(0), FRESH_VISIT, 7, 600)).toBe(GATE_RECHECK_SECONDS);
    expect(timer.nextWakeSeconds(loose, at(1), FRESH_VISIT, 8, 600)).toBe(0);
  });

  it("an exit-intent invitation counts for one-per-moment; an exit-intent 'no' schedules no re-check", () => {
    const exit = resolvePolicy({ name: "exit", rules: [{ name: "leaving", when: "exitIntent" }], caps: { perPage: 10, perVisit: 10, minGapSeconds: 0 } });
    const timer = new TriggerTimer();
    timer.evaluated(evaluateExitIntent(exit, at(3), FRESH_VISIT, FULL_QUEUE), 9, false);
    expect(timer.rechecking).toBe(false);
    const yes = evaluateExitIntent(exit, at(3), FRESH_VISIT, OPEN_QUEUE);
    expect(yes).toMatchObject({ invite: true, rule: "leaving" });
    timer.evaluated(yes, 9, false);
    expect(
      timer.nextWakeSeconds(
        resolvePolicy({ name: "any", rules: [{ name: "r", when: "idleSeconds >= 0" }], caps: { perPage: 10, perVisit: 10, minGapSeconds: 0 } }),
        at(3),
        FRESH_VISIT,
        9,
        600,
      ),
    ).toBe(GATE_RECHECK_SECONDS);
  });

  it("evaluateExitIntent evaluates with exitIntent true and leaves the caller's signals alone", () => {
    const exit = resolvePolicy({ name: "exit", rules: [{ name: "leaving", when: "exitIntent" }] });
    const signals = Object.freeze(at(3));
    expect(evaluatePolicy(exit, signals, FRESH_VISIT, OPEN_QUEUE).invite).toBe(false);
    expect(evaluateExitIntent(exit, signals, FRESH_VISIT, OPEN_QUEUE).invite).toBe(true);
    expect(signals.exitIntent).toBe(false);
  });

  it("a re-check due now wakes at once; one already past is dropped and the next wake-up computed afresh", () => {
    const timer = new TriggerTimer();
    timer.evaluated(evaluatePolicy(idlePolicy, at(30), FRESH_VISIT, FULL_QUEUE), 50); // re-check at 50 + 5
    expect(timer.nextWakeSeconds(idlePolicy, at(0), FRESH_VISIT, 50 + GATE_RECHECK_SECONDS, 600)).toBe(0);
    // Past the re-check (the caller was late): the rule's own threshold, idle 0 → 30, decides.
    expect(timer.nextWakeSeconds(idlePolicy, at(0), FRESH_VISIT, 50 + GATE_RECHECK_SECONDS + 1, 600)).toBe(30);
  });

  it("a pending re-check beyond the look-ahead is null; one exactly at the look-ahead is kept", () => {
    const timer = new TriggerTimer();
    timer.evaluated(evaluatePolicy(idlePolicy, at(30), FRESH_VISIT, FULL_QUEUE), 50);
    expect(timer.nextWakeSeconds(idlePolicy, at(30), FRESH_VISIT, 50, GATE_RECHECK_SECONDS - 1)).toBeNull();
    expect(timer.nextWakeSeconds(idlePolicy, at(30), FRESH_VISIT, 50, GATE_RECHECK_SECONDS)).toBe(GATE_RECHECK_SECONDS);
  });

  it("right after an invitation only a wake-up due at that very moment is pushed back; a later one keeps its time", () => {
    const loose = resolvePolicy({
      name: "loose",
      rules: [{ name: "idle10", when: "idleSeconds >= 10" }],
      caps: { perPage: 10, perVisit: 10, minGapSeconds: 0 },
    });
    const timer = new TriggerTimer();
    timer.evaluated({ ...evaluatePolicy(loose, at(10), FRESH_VISIT, OPEN_QUEUE), invite: true }, 7);
    expect(timer.nextWakeSeconds(loose, at(0), FRESH_VISIT, 7, 600)).toBe(10);
  });

  it("unreachable(now) treats the desk as closed: a re-check GATE_RECHECK_SECONDS later", () => {
    const timer = new TriggerTimer();
    timer.unreachable(40);
    expect(timer.rechecking).toBe(true);
    expect(timer.nextWakeSeconds(idlePolicy, at(0), FRESH_VISIT, 40, 600)).toBe(GATE_RECHECK_SECONDS);
  });

  it("a 'no' outside a wake-up (exit intent turned down by gating) schedules no re-check", () => {
    const timer = new TriggerTimer();
    const no = evaluatePolicy(idlePolicy, at(30), FRESH_VISIT, FULL_QUEUE);
    expect(no.invite).toBe(false);
    timer.evaluated(no, 9, false);
    expect(timer.rechecking).toBe(false);
  });
});
