export { recommendStaffing, resolveStaffingTarget, DEFAULT_MAX_OCCUPANCY, DEFAULT_SERVICE_LEVEL, type StaffOptions } from "./recommendStaffing.ts";
export { smoothPlan, DEFAULT_SMOOTHING_HOURS } from "./smoothPlan.ts";
export { analyticSchedule, type AnalyticInterval, type AnalyticInput } from "./analyticSchedule.ts";
export { evaluateSchedule, summariseIntervals, withSchedule, type IntervalEvaluation, type ScheduleEvaluation } from "./evaluateSchedule.ts";
export { measureLoads, chatWeightedPatienceSeconds, GENEROUS_MAX_PROBABILITY_OF_WAIT, type MeasuredLoads } from "./measureLoads.ts";
export { searchSchedule, judgeInterval, DEFAULT_MAX_ITERATIONS, DEFAULT_MIN_CHATS_FOR_DECISION, type Judgement, type SearchInput, type SearchResult } from "./searchSchedule.ts";
export { sweepLevels, sweepLevel, chooseMostProfitable, MAX_SWEEP_LEVELS } from "./staffingSweep.ts";
export { shiftPlan } from "./shiftPlan.ts";
export {
  planShifts,
  optimalShiftPlan,
  weeklyRoster,
  readShiftRules,
  resolveShiftRules,
  readRoster,
  resolveRoster,
  type ShiftScheduling,
  type OptimalShiftPlan,
  type WeeklyRoster,
  type ResolvedShiftRules,
  type ResolvedRoster,
} from "./shifts/index.ts";
export { explainStaffing, coefficientOfVariation, type ExplanationInput } from "./explainStaffing.ts";
export { scheduledForOnline } from "./scheduledForOnline.ts";
export type {
  StaffingResults,
  StaffingInterval,
  StaffingTargetOptions,
  ResolvedStaffingTarget,
  StaffingObjective,
  StaffingTotals,
  SweepLevel,
  ProfitChoice,
  ShiftPlan,
  LoadSummary,
  SearchRound,
} from "./staffingTypes.ts";
