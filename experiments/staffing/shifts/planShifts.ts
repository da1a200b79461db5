import { type OptimalShiftPlan, optimalShiftPlan } from "./optimalShiftPlan.ts";
import type { ResolvedRoster } from "./rosterInput.ts";
import type { ResolvedShiftRules } from "./shiftRules.ts";
import { type WeeklyRoster, weeklyRoster } from "./weeklyRoster.ts";

/** The optimal shift plan for a staffing requirement and, given a team, its weekly roster. */
export interface ShiftScheduling {
  readonly plan: OptimalShiftPlan;
  readonly roster: WeeklyRoster | null;
}

/** What planShifts needs: the per-interval requirement (scheduled agents) and the rules. */
export interface PlanShiftsInput {
  readonly requirement: readonly number[];
  readonly rules: ResolvedShiftRules;
  readonly costPerHour: number;
  readonly horizonDays: number;
  readonly team?: ResolvedRoster;
}

/**
 * Solves the shift plan for `requirement` and, when a team is given, the roster that staffs it.
 * A roster needs a plan that repeats daily (1-day horizon) or weekly (7 days).
 */
export async function planShifts(input: PlanShiftsInput): Promise<ShiftScheduling> {
  const plan = await optimalShiftPlan(input.requirement, input.rules, input.costPerHour);
  const roster = input.team === undefined ? null : await weeklyRoster(plan, input.horizonDays, input.team, { timeLimitSeconds: input.rules.timeLimitSeconds });
  return { plan, roster };
}
