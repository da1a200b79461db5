import { greedyRoster } from "./greedyRoster.ts";
import type { LinearRow, LinearVariable } from "./linearProgram.ts";
import type { OptimalShiftPlan } from "./optimalShiftPlan.ts";
import { type ResolvedRoster, WEEKDAYS } from "./rosterInput.ts";
import { type MilpStatus, solveMilp } from "./solveMilp.ts";
import { weeklyCapacity } from "./weeklyCapacity.ts";

/** A shift of the plan as it recurs within a day: the roster fills these, day by day. */
export interface DailyShift {
  /** Start, seconds after midnight of its day. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly breakStartSeconds: number | null;
  readonly breakEndSeconds: number | null;
  readonly paidHours: number;
}

/** One agent working one shift on one day. */
export interface RosterAssignment extends DailyShift {
  readonly agent: string;
  readonly day: (typeof WEEKDAYS)[number];
}

/** What the roster gives each agent. */
export interface AgentWeek {
  readonly agent: string;
  readonly shifts: number;
  readonly paidHours: number;
  readonly daysOff: readonly string[];
  /** Shifts on a day the agent preferred off, or starting outside the preferred window. */
  readonly unmetPreferences: number;
}

/** Shifts of the plan nobody could be given. */
export interface UnstaffedShift extends DailyShift {
  readonly day: (typeof WEEKDAYS)[number];
  readonly count: number;
}

/** The constraint groups a diagnosis can relax, as the roster file names them. */
export type RosterConstraint = "teamSize" | "unavailable" | "maxShiftsPerWeek" | "minShiftsPerWeek" | "maxConsecutiveDays" | "minRestHours";

/** A weekly roster of named agents filling a shift plan. */
export interface WeeklyRoster {
  readonly status: MilpStatus;
  readonly gap: number;
  readonly assignments: readonly RosterAssignment[];
  readonly agents: readonly AgentWeek[];
  readonly unstaffed: readonly UnstaffedShift[];
  /** Agents given fewer shifts than their minimum (the plan had too few). */
  readonly belowMinimum: readonly string[];
  /** When shifts are unstaffed: the smallest set of constraints whose joint relaxation would staff more of them. */
  readonly binding: readonly RosterConstraint[];
}

/** Options for building a roster. */
export interface RosterOptions {
  readonly timeLimitSeconds?: number;
  /** Skip the diagnosis re-solves (used by the diagnosis itself). */
  readonly relax?: ReadonlySet<RosterConstraint>;
  readonly diagnose?: boolean;
}

// Objective weights: an unstaffed shift outweighs any number of preference misses (at most 7 per
// agent), and an agent below minimum outweighs a preference miss but not an unstaffed shift.
const UNSTAFFED_WEIGHT = 100_000;
const BELOW_MINIMUM_WEIGHT = 100;

/**
 * The plan's shifts by day of the week and daily shift: a 1-day plan repeats every day; a 7-day plan
 * gives each day its own shifts (a shift belongs to the day it starts).
 */
export function weeklyDemand(plan: OptimalShiftPlan, horizonDays: number): { shifts: DailyShift[]; demand: number[][] } {
  if (horizonDays !== 1 && horizonDays !== 7) throw new RangeError(`invalid horizon for a roster: ${horizonDays} days (must be 1 or 7)`);
  const keys = new Map<string, number>();
  const shifts: DailyShift[] = [];
  const demand: number[][] = Array.from({ length: 7 }, () => []);
  for (const shift of plan.shifts) {
    const day = Math.floor(shift.startSeconds / 86_400);
    const offset = day * 86_400;
    const daily: DailyShift = {
      startSeconds: shift.startSeconds - offset,
      endSeconds: shift.endSeconds - offset,
      breakStartSeconds: shift.breakStartSeconds === null ? null : shift.breakStartSeconds - offset,
      breakEndSeconds: shift.breakEndSeconds === null ? null : shift.breakEndSeconds - offset,
      paidHours: shift.paidHours,
    };
    const key = `${daily.startSeconds}/${daily.endSeconds}/${daily.breakStartSeconds}`;
    let k = keys.get(key);
    if (k === undefined) {
      k = shifts.length;
      keys.set(key, k);
      shifts.push(daily);
    }
    for (const weekday of horizonDays === 1 ? [0, 1, 2, 3, 4, 5, 6] : [day]) demand[weekday]![k] = (demand[weekday]![k] ?? 0) + shift.agents;
  }
  for (const row of demand) for (let k = 0; k < shifts.length; k++) row[k] ??= 0;
  return { shifts, demand };
}

/**
 * Assigns named agents to the plan's shifts for a repeating week (pyworkforce's MinHoursRoster is the
 * model): binary y[a,d,k] = agent a works daily shift k on day d, with
 *   Σ_a y[a,d,k] + unstaffed[d,k] = demand[d,k]      every shift of the plan is staffed or counted
 *   Σ_k y[a,d,k] ≤ 1                                  one shift a day
 *   min_a ≤ Σ_{d,k} y[a,d,k] ≤ max_a                  shifts per week (the minimum is soft)
 *   Σ_{j=0..C} work[a,d+j] ≤ C                        at most C consecutive days (the week repeats)
 *   y[a,d,k] + Σ y[a,d+1,k'] ≤ 1 over the k' starting less than the minimum rest after k ends
 * and no variable on an agent's unavailable days; minimising unstaffed shifts first, then agents
 * below minimum, then unmet preferences. When shifts remain unstaffed, each constraint group is
 * relaxed in turn to name the ones that bind.
 */
export async function weeklyRoster(plan: OptimalShiftPlan, horizonDays: number, team: ResolvedRoster, options: RosterOptions = {}): Promise<WeeklyRoster> {
  const relax = options.relax ?? new Set<RosterConstraint>();
  const { shifts, demand } = weeklyDemand(plan, horizonDays);
  const { variables, declared } = assignmentVariables(shifts, demand, team, relax);
  const rows = demandRows(shifts, demand, team, declared, variables);
  team.agents.forEach((agent, a) => {
    rows.push(...agentRows(a, agent, shifts, team, declared, relax, variables));
  });
  // Relaxed constraints are not in the program, but the greedy start keeps them: still feasible.
  const solution = await solveMilp({ variables, rows }, { timeLimitSeconds: options.timeLimitSeconds, start: greedyRoster(shifts, demand, team) });
  const value = (name: string) => solution.values.get(name) ?? 0;
  const { assignments, agents } = readAssignments(shifts, team, declared, value);
  const unstaffed: UnstaffedShift[] = [];
  for (let d = 0; d < 7; d++) {
    for (let k = 0; k < shifts.length; k++) {
      const count = demand[d]![k] === 0 ? 0 : value(`unstaffed${d}_${k}`);
      if (count > 0) unstaffed.push({ day: WEEKDAYS[d]!, ...shifts[k]!, count });
    }
  }
  const belowMinimum = team.agents.filter((_, a) => value(`belowMin${a}`) > 0).map((agent) => agent.name);
  const missing = unstaffed.reduce((sum, shift) => sum + shift.count, 0);
  let binding: RosterConstraint[] = [];
  if (missing > 0 && options.diagnose !== false) {
    const counted = countingBinding(demand, team);
    binding = counted.length > 0 ? counted : await bindingConstraints(plan, horizonDays, team, options, missing);
  }
  return { status: solution.status, gap: solution.gap, assignments, agents, unstaffed, belowMinimum, binding };
}

type RosterAgent = ResolvedRoster["agents"][number];

/** The binary y[a,d,k]: agent a works daily shift k on day d. */
function y(a: number, d: number, k: number): string {
  return `y${a}_${d}_${k}`;
}

function term(variable: string): LinearRow["terms"][number] {
  return { variable, coefficient: 1 };
}

/** Preference misses of a shift: a day the agent preferred off, a start outside the preferred window. */
function unmetPreferences(agent: RosterAgent, day: number, shift: DailyShift): number {
  const outsideWindow = agent.prefersStart !== null && (shift.startSeconds < agent.prefersStart[0] || shift.startSeconds > agent.prefersStart[1]);
  return (agent.prefersOff.includes(day) ? 1 : 0) + (outsideWindow ? 1 : 0);
}

/** One y per agent, available day and shift the plan needs that day, costing its preference misses. */
function assignmentVariables(
  shifts: readonly DailyShift[],
  demand: readonly (readonly number[])[],
  team: ResolvedRoster,
  relax: ReadonlySet<RosterConstraint>,
): { variables: LinearVariable[]; declared: Set<string> } {
  const variables: LinearVariable[] = [];
  team.agents.forEach((agent, a) => {
    for (let d = 0; d < 7; d++) {
      if (agent.unavailable.includes(d) && !relax.has("unavailable")) continue;
      for (let k = 0; k < shifts.length; k++) {
        if (demand[d]![k] === 0) continue;
        variables.push({ name: y(a, d, k), cost: unmetPreferences(agent, d, shifts[k]!), kind: "binary" });
      }
    }
  });
  return { variables, declared: new Set(variables.map((variable) => variable.name)) };
}

/** Every shift of the plan is staffed or counted unstaffed (adds the unstaffed counts to `variables`). */
function demandRows(
  shifts: readonly DailyShift[],
  demand: readonly (readonly number[])[],
  team: ResolvedRoster,
  declared: ReadonlySet<string>,
  variables: LinearVariable[],
): LinearRow[] {
  const rows: LinearRow[] = [];
  for (let d = 0; d < 7; d++) {
    for (let k = 0; k < shifts.length; k++) {
      if (demand[d]![k] === 0) continue;
      variables.push({ name: `unstaffed${d}_${k}`, cost: UNSTAFFED_WEIGHT, kind: "integer" });
      const staffed = team.agents.flatMap((_, a) => (declared.has(y(a, d, k)) ? [term(y(a, d, k))] : []));
      rows.push({ name: `demand${d}_${k}`, terms: [...staffed, term(`unstaffed${d}_${k}`)], lower: demand[d]![k], upper: demand[d]![k] });
    }
  }
  return rows;
}

/** One agent's week: one shift a day, shifts per week, consecutive days and rest (adds the below-minimum count to `variables`). */
function agentRows(
  a: number,
  agent: RosterAgent,
  shifts: readonly DailyShift[],
  team: ResolvedRoster,
  declared: ReadonlySet<string>,
  relax: ReadonlySet<RosterConstraint>,
  variables: LinearVariable[],
): LinearRow[] {
  const rows: LinearRow[] = [];
  const week = Array.from({ length: 7 }, (_, d) => shifts.flatMap((_, k) => (declared.has(y(a, d, k)) ? [term(y(a, d, k))] : [])));
  for (let d = 0; d < 7; d++) if (week[d]!.length > 1) rows.push({ name: `oneShift${a}_${d}`, terms: week[d]!, upper: 1 });
  const all = week.flat();
  if (!relax.has("maxShiftsPerWeek") && all.length > 0) rows.push({ name: `maxShifts${a}`, terms: all, upper: agent.maxShifts });
  if (!relax.has("minShiftsPerWeek") && agent.minShifts > 0) {
    variables.push({ name: `belowMin${a}`, cost: BELOW_MINIMUM_WEIGHT, kind: "integer" });
    rows.push({ name: `minShifts${a}`, terms: [...all, term(`belowMin${a}`)], lower: agent.minShifts });
  }
  const limit = team.maxConsecutiveDays;
  if (!relax.has("maxConsecutiveDays") && limit < 7) {
    for (let d = 0; d < 7; d++) {
      const window = Array.from({ length: limit + 1 }, (_, j) => week[(d + j) % 7]!).flat();
      if (window.length > limit) rows.push({ name: `consecutive${a}_${d}`, terms: window, upper: limit });
    }
  }
  if (relax.has("minRestHours")) return rows;
  // One row per shift: y[a,d,k] + Σ_{k' too soon after k} y[a,d+1,k'] ≤ 1. As an agent works at most
  // one shift a day, this is the same set of rosters as one row per conflicting pair, in far fewer rows.
  for (let d = 0; d < 7; d++) {
    const nextDay = (d + 1) % 7;
    for (let k = 0; k < shifts.length; k++) {
      if (!declared.has(y(a, d, k))) continue;
      const tooSoon = shifts.flatMap((next, index) =>
        declared.has(y(a, nextDay, index)) && next.startSeconds + 86_400 - shifts[k]!.endSeconds < team.minRestSeconds ? [term(y(a, nextDay, index))] : [],
      );
      if (tooSoon.length > 0) rows.push({ name: `rest${a}_${d}_${k}`, terms: [term(y(a, d, k)), ...tooSoon], upper: 1 });
    }
  }
  return rows;
}

/** The solved shifts, by agent and day, and each agent's week. */
function readAssignments(
  shifts: readonly DailyShift[],
  team: ResolvedRoster,
  declared: ReadonlySet<string>,
  value: (name: string) => number,
): { assignments: RosterAssignment[]; agents: AgentWeek[] } {
  const assignments: RosterAssignment[] = [];
  const agents: AgentWeek[] = team.agents.map((agent, a) => {
    let count = 0;
    let hours = 0;
    let unmet = 0;
    const daysOff: string[] = [];
    for (let d = 0; d < 7; d++) {
      const k = shifts.findIndex((_, index) => declared.has(y(a, d, index)) && value(y(a, d, index)) === 1);
      if (k < 0) {
        daysOff.push(WEEKDAYS[d]!);
        continue;
      }
      const shift = shifts[k]!;
      assignments.push({ agent: agent.name, day: WEEKDAYS[d]!, ...shift });
      count++;
      hours += shift.paidHours;
      unmet += unmetPreferences(agent, d, shift);
    }
    return { agent: agent.name, shifts: count, paidHours: hours, daysOff, unmetPreferences: unmet };
  });
  return { assignments, agents };
}

/**
 * The limits that a count alone proves binding, without solving: a day needing more shifts than the
 * team has agents (teamSize: one shift a day each) or than agents available that day (unavailable),
 * or a week needing more shifts than the agents can work (each limit whose removal would raise that
 * capacity). Empty when counting proves nothing.
 */
function countingBinding(demand: readonly (readonly number[])[], team: ResolvedRoster): RosterConstraint[] {
  const binding = new Set<RosterConstraint>();
  for (let d = 0; d < 7; d++) {
    const needed = demand[d]!.reduce((sum, count) => sum + count, 0);
    if (team.agents.length < needed) binding.add("teamSize");
    else if (team.agents.filter((agent) => !agent.unavailable.includes(d)).length < needed) binding.add("unavailable");
  }
  const weekly = demand.flat().reduce((sum, count) => sum + count, 0);
  const capacity = (relax: ReadonlySet<RosterConstraint>) => team.agents.reduce((sum, agent) => sum + weeklyCapacity(agent, team.maxConsecutiveDays, relax), 0);
  if (capacity(new Set()) < weekly) {
    const limits: RosterConstraint[] = ["maxShiftsPerWeek", "unavailable", "maxConsecutiveDays"];
    const single = limits.filter((limit) => capacity(new Set([limit])) > capacity(new Set()));
    // Limits that bind only together (five shifts and five consecutive days) show up in pairs.
    const found =
      single.length > 0 ? single : limits.filter((limit) => limits.some((other) => other !== limit && capacity(new Set([limit, other])) > capacity(new Set())));
    for (const limit of found) binding.add(limit);
  }
  return [...binding];
}

const RELAXABLE: readonly RosterConstraint[] = ["unavailable", "maxShiftsPerWeek", "maxConsecutiveDays", "minRestHours"];

/**
 * The smallest set of constraint groups (one, else two) whose relaxation staffs more of the plan:
 * limits often bind together (five shifts a week and five consecutive days allow the same five), so
 * pairs are tried when no single group explains the shortfall.
 */
async function bindingConstraints(
  plan: OptimalShiftPlan,
  horizonDays: number,
  team: ResolvedRoster,
  options: RosterOptions,
  missing: number,
): Promise<RosterConstraint[]> {
  const candidates: RosterConstraint[][] = [
    ...RELAXABLE.map((one) => [one]),
    ...RELAXABLE.flatMap((one, i) => RELAXABLE.slice(i + 1).map((two) => [one, two])),
  ];
  let found: RosterConstraint[][] = [];
  for (const set of candidates) {
    if (found.length > 0 && set.length > found[0]!.length) break;
    const relaxed = await weeklyRoster(plan, horizonDays, team, { ...options, relax: new Set([...(options.relax ?? []), ...set]), diagnose: false });
    if (relaxed.unstaffed.reduce((sum, shift) => sum + shift.count, 0) < missing) found = [...found, set];
  }
  return [...new Set(found.flat())];
}
