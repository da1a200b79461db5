import { describe, expect, it } from "vitest";
import { optimalShiftPlan } from "./optimalShiftPlan.ts";
import { resolveShiftRules } from "./shiftRules.ts";

const HOUR = 3600;
/** A day of 1-hour intervals: `agents` from `from` to `to` (hours), 0 elsewhere. */
const day = (...blocks: [from: number, to: number, agents: number][]) => {
  const requirement = new Array<number>(24).fill(0);
  for (const [from, to, agents] of blocks) for (let hour = from; hour < to; hour++) requirement[hour] = agents;
  return requirement;
};

describe("optimalShiftPlan", () => {
  it("two agents 08–16 with 8 h shifts: two shifts 08:00–16:00, 16 paid hours (solved by hand)", async () => {
    const plan = await optimalShiftPlan(day([8, 16, 2]), resolveShiftRules({ lengthsHours: [8] }, HOUR), 25);
    expect(plan.status).toBe("optimal");
    expect(plan.shifts).toEqual([{ startSeconds: 8 * HOUR, endSeconds: 16 * HOUR, breakStartSeconds: null, breakEndSeconds: null, agents: 2, paidHours: 8 }]);
    expect(plan.paidAgentHours).toBe(16);
    expect(plan.cost).toBe(400);
    expect(plan.excessAgentHours).toBe(0);
  });

  it("one agent 06–16 with 4 h or 6 h shifts: a 6 h and a 4 h shift (10 h), where one length alone needs 12 h", async () => {
    // By hand: 10 hours must be covered; 4 + 6 = 10 is the only exact split, and with a single length
    // the cover needs 3 × 4 h or 2 × 6 h = 12 h.
    const plan = await optimalShiftPlan(day([6, 16, 1]), resolveShiftRules({ lengthsHours: [4, 6] }, HOUR), 20);
    expect(plan.paidAgentHours).toBe(10);
    expect(plan.shifts.map((shift) => shift.paidHours).sort()).toEqual([4, 6]);
    expect(plan.greedy).toEqual({ shiftHours: 4, paidAgentHours: 12, cost: 240 });
  });

  it("an unpaid break inside its window: 06–16 with 8 h shifts and a 1 h break needs two shifts of 7 paid hours", async () => {
    // By hand: one 8 h shift covers 7 hours; 10 hours need two shifts (14 paid h); the breaks must be
    // staggered so that every hour 06–16 has someone: each break falls where the other shift works.
    const rules = resolveShiftRules({ lengthsHours: [8], break: { minutes: 60, earliestAfterHours: 2, latestBeforeEndHours: 2, fromShiftHours: 6 } }, HOUR);
    const requirement = day([6, 16, 1]);
    const plan = await optimalShiftPlan(requirement, rules, 20);
    expect(plan.paidAgentHours).toBe(14);
    plan.coverage.forEach((agents, hour) => {
      expect(agents, `hour ${hour}`).toBeGreaterThanOrEqual(requirement[hour]!);
    });
    for (const shift of plan.shifts) {
      expect(shift.breakStartSeconds! - shift.startSeconds).toBeGreaterThanOrEqual(2 * HOUR);
      expect(shift.endSeconds - shift.breakEndSeconds!).toBeGreaterThanOrEqual(2 * HOUR);
    }
  });

  it("objective absDifference leaves an hour short when covering it costs more mismatch (pyworkforce's MinAbsDifference)", async () => {
    // 10 required hours with 8 h shifts: one shift misses 2 hours (mismatch 2); two shifts overshoot by 6.
    const plan = await optimalShiftPlan(day([6, 16, 1]), resolveShiftRules({ lengthsHours: [8], objective: "absDifference" }, HOUR), 20);
    expect(plan.paidAgentHours).toBe(8);
    expect(plan.shortAgentHours).toBe(2);
    expect(plan.excessAgentHours).toBe(0);
  });

  it("a requirement no allowed start can reach is refused with the interval named", async () => {
    await expect(optimalShiftPlan(day([2, 3, 1]), resolveShiftRules({ lengthsHours: [4], startTimes: ["08:00"] }, HOUR), 20)).rejects.toThrow(
      /no allowed shift covers interval 02:00 \(required 1\)/,
    );
  });

  it("half-hour intervals count half an hour each; a negative requirement counts as 0; absDifference never refuses a gap", async () => {
    // 4 h shifts from 08:00 only; 1 agent 08:00–11:00 (intervals 16-21) and −2 at 15:00. One shift overshoots by 1 h
    // (mismatch 2 half hours), none misses 3 h (6): one shift, 4 paid hours, 1 h above the requirement, nothing short.
    const requirement = new Array<number>(48).fill(0);
    for (let i = 16; i < 22; i++) requirement[i] = 1;
    requirement[30] = -2;
    const rules = resolveShiftRules({ lengthsHours: [4], startTimes: ["08:00"], objective: "absDifference" }, 1800);
    const plan = await optimalShiftPlan(requirement, rules, 30);
    expect(plan).toMatchObject({ method: "milp", objective: "absDifference", status: "optimal", gap: 0, paidAgentHours: 4, cost: 120 });
    expect(plan.shifts).toEqual([{ startSeconds: 8 * HOUR, endSeconds: 12 * HOUR, breakStartSeconds: null, breakEndSeconds: null, agents: 1, paidHours: 4 }]);
    expect(plan.excessAgentHours).toBe(1);
    expect(plan.shortAgentHours).toBe(0);
    expect(plan.coverage.reduce((sum, agents) => sum + agents, 0)).toBe(8);
    // The greedy cover with the one length: the same single shift.
    expect(plan.greedy).toEqual({ shiftHours: 4, paidAgentHours: 4, cost: 120 });
    // Nobody may start before 08:00, so 02:00 stays short: absDifference reports it instead of refusing.
    const gap = await optimalShiftPlan(day([2, 3, 1]), resolveShiftRules({ lengthsHours: [4], startTimes: ["08:00"], objective: "absDifference" }, HOUR), 20);
    expect(gap).toMatchObject({ paidAgentHours: 0, shortAgentHours: 1, excessAgentHours: 0, shifts: [] });
  });

  it("a requirement of nothing needs no shift; an uncoverable hour is refused with the whole message", async () => {
    const none = await optimalShiftPlan(new Array<number>(24).fill(0), resolveShiftRules({ lengthsHours: [8] }, HOUR), 20);
    expect(none).toMatchObject({
      shifts: [],
      paidAgentHours: 0,
      cost: 0,
      excessAgentHours: 0,
      shortAgentHours: 0,
      greedy: { shiftHours: 8, paidAgentHours: 0, cost: 0 },
    });
    expect(none.coverage).toEqual(new Array(24).fill(0));
    await expect(optimalShiftPlan(day([2, 3, 1]), resolveShiftRules({ lengthsHours: [4], startTimes: ["08:00"] }, HOUR), 20)).rejects.toThrow(
      "no allowed shift covers interval 02:00 (required 1): allow more start times or longer shifts",
    );
  });
});
