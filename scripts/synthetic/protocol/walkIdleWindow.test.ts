import { describe, expect, it } from "vitest";
import { GATE_RECHECK_SECONDS, newVisitState, onDeclined, type QueueState, resolvePolicy } from "../../../sim/policy/index.ts";
import { type IdleWindow, walkIdleWindow } from "./walkIdleWindow.ts";

const OPEN: QueueState = { freeSlots: 1, queueLength: 0, predictedWaitSeconds: 0 };
const FULL: QueueState = { freeSlots: 0, queueLength: 3, predictedWaitSeconds: 600 };
const idle30 = resolvePolicy({
  name: "idle30",
  rules: [{ name: "idle-payment", when: "step == payment and idleSeconds >= 30" }],
  caps: { perPage: 2, perVisit: 5, minGapSeconds: 0, afterDecline: true },
  gating: { maxQueueLength: 0 },
});
const window = (changes: Partial<IdleWindow> = {}): IdleWindow => ({
  policy: idle30,
  signals: { step: "payment", pageViews: 5, cartValue: 80, formErrors: 0, confusion: false, returningVisitor: false, device: "desktop" },
  visit: newVisitState(),
  startSeconds: 100,
  lengthSeconds: 100,
  exitIntent: null,
  reactionSeconds: 2,
  ...changes,
});

/** Runs a window and logs [what, virtual seconds] pairs: wake-ups asking the queue, and invitations. */
async function log(idle: IdleWindow, queue: (at: number) => QueueState, answer: "accept" | "dismiss") {
  const entries: Array<[string, number]> = [];
  const outcome = await walkIdleWindow(idle, {
    queue: (at) => {
      entries.push(["queue", at]);
      return queue(at);
    },
    invited: async (decision, signals, visit) => {
      entries.push([`invite ${decision.rule} idle ${signals.idleSeconds}`, signals.timeOnSiteSeconds]);
      return answer === "accept" ? { visit, goOn: false } : { visit: onDeclined(visit), goOn: true };
    },
  });
  return { entries, outcome };
}

describe("walkIdleWindow", () => {
  it("walkIdleWindow invites when the rule starts to hold (30 s idle), and after a dismissal idle time restarts at the click", async () => {
    const { entries, outcome } = await log(window(), () => OPEN, "dismiss");
    // 100 + 30 = 130; the click at 132 restarts idle time, so the second (perPage 2) comes at 162.
    expect(entries).toEqual([
      ["queue", 130],
      ["invite idle-payment idle 30", 130],
      ["queue", 162],
      ["invite idle-payment idle 30", 162],
    ]);
    expect(outcome).toMatchObject({ invitations: 2, chatted: false });
  });

  it("walkIdleWindow re-checks a closed gate every GATE_RECHECK_SECONDS and invites once the queue opens", async () => {
    const { entries } = await log(window(), (at) => (at < 141 ? FULL : OPEN), "accept");
    expect(entries).toEqual([
      ["queue", 130],
      ["queue", 130 + GATE_RECHECK_SECONDS],
      ["queue", 130 + 2 * GATE_RECHECK_SECONDS],
      ["queue", 130 + 3 * GATE_RECHECK_SECONDS],
      ["invite idle-payment idle 45", 145],
    ]);
  });

  it("walkIdleWindow ends at an accepted invitation and asks nothing in a window too short for the rule", async () => {
    expect((await log(window(), () => OPEN, "accept")).outcome).toMatchObject({ invitations: 1, chatted: true });
    expect((await log(window({ lengthSeconds: 29 }), () => OPEN, "accept")).entries).toEqual([]);
  });

  it("walkIdleWindow evaluates exit intent once at the window's end: the mouse always, the back button only for a policy that reads exitIntent", async () => {
    const exit = resolvePolicy({ name: "exit", rules: [{ name: "leaving", when: "exitIntent" }] });
    expect((await log(window({ policy: exit, lengthSeconds: 10, exitIntent: "mouse" }), () => OPEN, "dismiss")).entries).toEqual([
      ["queue", 110],
      ["invite leaving idle 10", 110],
    ]);
    expect((await log(window({ policy: exit, lengthSeconds: 10, exitIntent: "back" }), () => OPEN, "dismiss")).entries).toEqual([
      ["queue", 110],
      ["invite leaving idle 10", 110],
    ]);
    expect((await log(window({ lengthSeconds: 10, exitIntent: "back" }), () => OPEN, "dismiss")).entries).toEqual([]);
  });
});
