import { describe, expect, it } from "vitest";
import { planShifts } from "./planShifts.ts";
import { resolveRoster } from "./rosterInput.ts";
import { resolveShiftRules } from "./shiftRules.ts";

const HOUR = 3600;
// Two agents 08–16 with 8 h shifts: one shift 08:00–16:00 with 2 agents, 16 paid hours (by hand).
const requirement = Array.from({ length: 24 }, (_, hour) => (hour >= 8 && hour < 16 ? 2 : 0));
const rules = resolveShiftRules({ lengthsHours: [8] }, HOUR);

describe("planShifts", () => {
  it("planShifts(requirement, rules) without a team: the optimal plan at the given hourly cost, no roster", async () => {
    const { plan, roster } = await planShifts({ requirement, rules, costPerHour: 25, horizonDays: 1 });
    expect(plan.shifts).toEqual([{ startSeconds: 8 * HOUR, endSeconds: 16 * HOUR, breakStartSeconds: null, breakEndSeconds: null, agents: 2, paidHours: 8 }]);
    expect(plan.cost).toBe(400);
    expect(roster).toBeNull();
  });

  it("planShifts(..., team) rosters the plan for a repeating week: two agents a day, 14 shifts, within 5 a week each", async () => {
    // A 1-day plan repeats daily: 7 days × 2 shifts = 14 weekly shifts, and at most 5 shifts a week each
    // (the default) needs at least 3 agents; the team of 4 can staff it.
    const team = resolveRoster({ agents: [{ name: "Ana" }, { name: "Ben" }, { name: "Cho" }, { name: "Dee" }] });
    const { plan, roster } = await planShifts({ requirement, rules, costPerHour: 25, horizonDays: 1, team });
    expect(plan.paidAgentHours).toBe(16);
    expect(roster?.status).toBe("optimal");
    expect(roster?.assignments).toHaveLength(14);
    expect(roster?.unstaffed).toEqual([]);
    for (const agent of roster?.agents ?? []) expect(agent.shifts).toBeLessThanOrEqual(5);
    expect((roster?.agents ?? []).reduce((sum, agent) => sum + agent.shifts, 0)).toBe(14);
  });
});
