import { describe, expect, it } from "vitest";
import { optimalShiftPlan } from "./optimalShiftPlan.ts";
import { resolveRoster, WEEKDAYS } from "./rosterInput.ts";
import { resolveShiftRules } from "./shiftRules.ts";
import { type WeeklyRoster, weeklyRoster } from "./weeklyRoster.ts";

const HOUR = 3600;
const dayOf = (...blocks: [from: number, to: number, agents: number][]) => {
  const requirement = new Array<number>(24).fill(0);
  for (const [from, to, agents] of blocks) for (let hour = from; hour < to; hour++) requirement[hour] = agents;
  return requirement;
};

/** Checks a roster against the rules from scratch (independent of the program's rows). */
function violations(roster: WeeklyRoster, team: ReturnType<typeof resolveRoster>): string[] {
  const found: string[] = [];
  for (const agent of team.agents) {
    const mine = roster.assignments.filter((assignment) => assignment.agent === agent.name);
    const days = mine.map((assignment) => WEEKDAYS.indexOf(assignment.day));
    if (new Set(days).size !== days.length) found.push(`${agent.name}: two shifts a day`);
    if (mine.length > agent.maxShifts) found.push(`${agent.name}: ${mine.length} shifts > ${agent.maxShifts}`);
    for (const day of days) if (agent.unavailable.includes(day)) found.push(`${agent.name}: works on unavailable ${WEEKDAYS[day]}`);
    for (let start = 0; start < 7; start++) {
      let run = 0;
      while (run < 7 && days.includes((start + run) % 7)) run++;
      if (run > team.maxConsecutiveDays) found.push(`${agent.name}: ${run} consecutive days from ${WEEKDAYS[start]}`);
    }
    for (const shift of mine) {
      const next = mine.find((other) => WEEKDAYS.indexOf(other.day) === (WEEKDAYS.indexOf(shift.day) + 1) % 7);
      if (next !== undefined && next.startSeconds + 86_400 - shift.endSeconds < team.minRestSeconds) found.push(`${agent.name}: short rest after ${shift.day}`);
    }
  }
  return found;
}

describe("weeklyRoster", () => {
  it("staffs every shift of a one-day plan repeated over the week within every rule", async () => {
    const plan = await optimalShiftPlan(dayOf([8, 16, 2]), resolveShiftRules({ lengthsHours: [8], startTimes: ["08:00"] }, HOUR), 20);
    const team = resolveRoster({ agents: [{ name: "Ana", unavailable: ["sun"] }, { name: "Ben", prefersOff: ["sat", "sun"] }, { name: "Cho" }] });
    const roster = await weeklyRoster(plan, 1, team);
    expect(roster.status).toBe("optimal");
    expect(roster.assignments).toHaveLength(14);
    expect(roster.unstaffed).toEqual([]);
    expect(violations(roster, team)).toEqual([]);
    // Sunday needs two agents and Ana cannot work it, so Ben and Cho work Sunday; Saturday can be
    // Ana and Cho, so the optimum misses exactly one of Ben's two preferred days off.
    expect(roster.agents.find((agent) => agent.agent === "Ben")!.unmetPreferences).toBe(1);
    expect(
      roster.assignments
        .filter((assignment) => assignment.day === "sun")
        .map((assignment) => assignment.agent)
        .sort(),
    ).toEqual(["Ben", "Cho"]);
  });

  it("keeps the minimum rest between a late shift and the next day's early one", async () => {
    // Early 06–14 and late 16–24 every day, one agent each; 11 h rest forbids late → early (6 h).
    const plan = await optimalShiftPlan(dayOf([6, 14, 1], [16, 24, 1]), resolveShiftRules({ lengthsHours: [8], startTimes: ["06:00", "16:00"] }, HOUR), 20);
    const team = resolveRoster({ rules: { maxConsecutiveDays: 7, maxShiftsPerWeek: 7 }, agents: [{ name: "Ana" }, { name: "Ben" }] });
    const roster = await weeklyRoster(plan, 1, team);
    expect(roster.unstaffed).toEqual([]);
    expect(violations(roster, team)).toEqual([]);
  });

  it("names the constraint that leaves shifts unstaffed: too few shifts per week for the plan", async () => {
    // 14 shifts a week; two agents may work 5 each: 4 stay unstaffed, and only maxShiftsPerWeek binds
    // (consecutive days are allowed up to 7 here).
    const plan = await optimalShiftPlan(dayOf([8, 16, 2]), resolveShiftRules({ lengthsHours: [8], startTimes: ["08:00"] }, HOUR), 20);
    const team = resolveRoster({ rules: { maxConsecutiveDays: 7 }, agents: [{ name: "Ana" }, { name: "Ben" }] });
    const roster = await weeklyRoster(plan, 1, team);
    expect(roster.unstaffed.reduce((sum, shift) => sum + shift.count, 0)).toBe(4);
    expect(roster.binding).toEqual(["maxShiftsPerWeek"]);
    expect(violations(roster, team)).toEqual([]);
  });

  it("names limits that bind only together: five shifts a week and five consecutive days", async () => {
    // With maxShiftsPerWeek relaxed, five consecutive days in a repeating week still allow only five
    // (every 6-day window has at most 5), so neither alone explains the shortfall; both together do.
    const plan = await optimalShiftPlan(dayOf([8, 16, 2]), resolveShiftRules({ lengthsHours: [8], startTimes: ["08:00"] }, HOUR), 20);
    const team = resolveRoster({ agents: [{ name: "Ana" }, { name: "Ben" }] });
    const roster = await weeklyRoster(plan, 1, team);
    expect(roster.binding).toEqual(["maxShiftsPerWeek", "maxConsecutiveDays"]);
  });
});
