export { type GreedyComparison, type OptimalShiftPlan, optimalShiftPlan, type PlannedShift } from "./optimalShiftPlan.ts";
export { type PlanShiftsInput, planShifts, type ShiftScheduling } from "./planShifts.ts";
export { type ResolvedRoster, type RosterAgent, type RosterOptions, readRoster, resolveRoster, rosterSchema, WEEKDAYS, type Weekday } from "./rosterInput.ts";
export { type ResolvedShiftRules, readShiftRules, resolveShiftRules, type ShiftRulesOptions, shiftRulesSchema } from "./shiftRules.ts";
export { DEFAULT_MILP_TIME_LIMIT_SECONDS, MilpError, type MilpOptions, type MilpSolution, type MilpStatus, solveMilp } from "./solveMilp.ts";
export {
  type AgentWeek,
  type DailyShift,
  type RosterAssignment,
  type RosterConstraint,
  type UnstaffedShift,
  type WeeklyRoster,
  weeklyDemand,
  weeklyRoster,
} from "./weeklyRoster.ts";
