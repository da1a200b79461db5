export { optimalShiftPlan, type OptimalShiftPlan, type PlannedShift, type GreedyComparison } from "./optimalShiftPlan.ts";
export { resolveShiftRules, readShiftRules, shiftRulesSchema, type ShiftRulesOptions, type ResolvedShiftRules } from "./shiftRules.ts";
export { resolveRoster, readRoster, rosterSchema, WEEKDAYS, type RosterOptions, type ResolvedRoster, type RosterAgent, type Weekday } from "./rosterInput.ts";
export { weeklyRoster, weeklyDemand, type WeeklyRoster, type RosterAssignment, type AgentWeek, type UnstaffedShift, type RosterConstraint, type DailyShift } from "./weeklyRoster.ts";
export { planShifts, type ShiftScheduling, type PlanShiftsInput } from "./planShifts.ts";
export { solveMilp, MilpError, DEFAULT_MILP_TIME_LIMIT_SECONDS, type MilpSolution, type MilpStatus, type MilpOptions } from "./solveMilp.ts";
