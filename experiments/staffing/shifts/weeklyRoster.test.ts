import { describe, expect, it } from "vitest";
import type { OptimalShiftPlan } from "./optimalShiftPlan.ts";
import { optimalShiftPlan } from "./optimalShiftPlan.ts";
import { resolveRoster, WEEKDAYS } from "./rosterInput.ts";
import { resolveShiftRules } from "./shiftRules.ts";
import { type WeeklyRoster, weeklyDemand, weeklyRoster } from "./weeklyRoster.ts";

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

  // Plans written by hand (no solve): each shift as the plan lists it, seconds from the start of the horizon.
  const shift = (startHour: number, endHour: number, agents: number, breakHours: [number, number] | null = null) => ({
    startSeconds: startHour * HOUR,
    endSeconds: endHour * HOUR,
    breakStartSeconds: breakHours === null ? null : breakHours[0] * HOUR,
    breakEndSeconds: breakHours === null ? null : breakHours[1] * HOUR,
    agents,
    paidHours: endHour - startHour - (breakHours === null ? 0 : breakHours[1] - breakHours[0]),
  });
  const planOf = (...shifts: ReturnType<typeof shift>[]) => ({ shifts }) as unknown as OptimalShiftPlan;
  const dayShift = { startSeconds: 8 * HOUR, endSeconds: 16 * HOUR, breakStartSeconds: null, breakEndSeconds: null, paidHours: 8 };

  it("weeklyDemand: a 1-day plan repeats every day; a 7-day plan gives each shift to the day it starts on, past midnight included", () => {
    // 08–16 twice and a night 20–04 with a break 23–24: the same two daily shifts every day.
    expect(weeklyDemand(planOf(shift(8, 16, 2), shift(20, 28, 1, [23, 24])), 1)).toEqual({
      shifts: [dayShift, { startSeconds: 20 * HOUR, endSeconds: 28 * HOUR, breakStartSeconds: 23 * HOUR, breakEndSeconds: 24 * HOUR, paidHours: 7 }],
      demand: new Array(7).fill([2, 1]),
    });
    // A week: Monday 08–16 once, Wednesday 08–16 twice (the same daily shift), Sunday night 20–04.
    const week = weeklyDemand(planOf(shift(8, 16, 1), shift(48 + 8, 48 + 16, 2), shift(144 + 20, 144 + 28, 1, [144 + 23, 144 + 24])), 7);
    expect(week.shifts).toEqual([
      dayShift,
      { startSeconds: 20 * HOUR, endSeconds: 28 * HOUR, breakStartSeconds: 23 * HOUR, breakEndSeconds: 24 * HOUR, paidHours: 7 },
    ]);
    expect(week.demand).toEqual([
      [1, 0],
      [0, 0],
      [2, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 1],
    ]);
    // The same hours with another break are another daily shift.
    expect(weeklyDemand(planOf(shift(8, 16, 1, [11, 12]), shift(8, 16, 1, [12, 13])), 1).shifts).toHaveLength(2);
    expect(() => weeklyDemand(planOf(), 3)).toThrow("invalid horizon for a roster: 3 days (must be 1 or 7)");
  });

  it("counts prove the binding limit: a day needing more agents than the team has, or than are available that day", async () => {
    // Three agents a day, a team of two working every day: one shift a day unstaffed, the team's size binds.
    const small = resolveRoster({ rules: { maxShiftsPerWeek: 7, maxConsecutiveDays: 7 }, agents: [{ name: "Ana" }, { name: "Ben" }] });
    const short = await weeklyRoster(planOf(shift(8, 16, 3)), 1, small);
    expect(short.unstaffed).toEqual(WEEKDAYS.map((day) => ({ day, ...dayShift, count: 1 })));
    expect(short.binding).toEqual(["teamSize"]);
    expect(short.agents.map((agent) => [agent.agent, agent.shifts, agent.paidHours, agent.daysOff])).toEqual([
      ["Ana", 7, 56, []],
      ["Ben", 7, 56, []],
    ]);
    // Two a day; Ana and Ben cannot work Wednesdays: 15 shifts of capacity (5 each) for 14, but Wednesday has one agent.
    const team = resolveRoster({ agents: [{ name: "Ana", unavailable: ["wed"] }, { name: "Ben", unavailable: ["wed"] }, { name: "Cho" }] });
    const roster = await weeklyRoster(planOf(shift(8, 16, 2)), 1, team);
    expect(roster.unstaffed).toEqual([{ day: "wed", ...dayShift, count: 1 }]);
    expect(roster.binding).toEqual(["unavailable"]);
    expect(violations(roster, team)).toEqual([]);
  });

  it("a rest of 48 h allows every other day only: no count shows it, re-solving without the rest rule does", async () => {
    // One shift a day, two agents who may work daily; 48 h rest: at most 3 of 7 days each (the week repeats), 1 shift unstaffed.
    const team = resolveRoster({ rules: { maxShiftsPerWeek: 7, maxConsecutiveDays: 7, minRestHours: 48 }, agents: [{ name: "Ana" }, { name: "Ben" }] });
    const roster = await weeklyRoster(planOf(shift(8, 16, 1)), 1, team);
    expect(roster.unstaffed.reduce((sum, entry) => sum + entry.count, 0)).toBe(1);
    expect(roster.binding).toEqual(["minRestHours"]);
    expect(violations(roster, team)).toEqual([]);
    const undiagnosed = await weeklyRoster(planOf(shift(8, 16, 1)), 1, team, { diagnose: false });
    expect(undiagnosed.binding).toEqual([]);
  });

  it("a minimum the plan cannot give is reported; the preferred start window decides who works, its ends included", async () => {
    // A week with one Monday shift: Ana, wanting at least 3, gets the one shift.
    const monday = planOf(shift(8, 16, 1));
    const alone = await weeklyRoster(monday, 7, resolveRoster({ agents: [{ name: "Ana", minShiftsPerWeek: 3 }] }));
    expect(alone.belowMinimum).toEqual(["Ana"]);
    expect(alone.assignments).toEqual([{ agent: "Ana", day: "mon", ...dayShift }]);
    expect(alone.agents).toEqual([{ agent: "Ana", shifts: 1, paidHours: 8, daysOff: ["tue", "wed", "thu", "fri", "sat", "sun"], unmetPreferences: 0 }]);
    expect(alone.binding).toEqual([]);
    // 08:00 is outside 06:00–07:00 but at the end of 07:00–08:00 and at the start of 08:00–09:00.
    const early = { name: "Ana", prefersStartBetween: ["06:00", "07:00"] as [string, string] };
    for (const window of [
      ["07:00", "08:00"],
      ["08:00", "09:00"],
    ] as [string, string][]) {
      const roster = await weeklyRoster(monday, 7, resolveRoster({ agents: [early, { name: "Ben", prefersStartBetween: window }] }));
      expect(roster.assignments.map((assignment) => assignment.agent)).toEqual(["Ben"]);
      expect(roster.agents.map((agent) => agent.unmetPreferences)).toEqual([0, 0]);
    }
    // Only Ana: she works it, one preference unmet.
    const unmet = await weeklyRoster(monday, 7, resolveRoster({ agents: [early] }));
    expect(unmet.agents[0]!.unmetPreferences).toBe(1);
  });
});
