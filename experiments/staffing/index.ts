export { type AnalyticInput, type AnalyticInterval, analyticSchedule } from "./analyticSchedule.ts";
export { evaluateSchedule, type IntervalEvaluation, type ScheduleEvaluation, summariseIntervals, withSchedule } from "./evaluateSchedule.ts";
export { coefficientOfVariation, type ExplanationInput, explainStaffing } from "./explainStaffing.ts";
export { chatWeightedPatienceSeconds, GENEROUS_MAX_PROBABILITY_OF_WAIT, type MeasuredLoads, measureLoads } from "./measureLoads.ts";
export { recommendStaffing } from "./recommendStaffing.ts";
export { DEFAULT_MAX_OCCUPANCY, DEFAULT_SERVICE_LEVEL, resolveStaffingTarget } from "./resolveStaffingTarget.ts";
export { scheduledForOnline } from "./scheduledForOnline.ts";
export {
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_MIN_CHATS_FOR_DECISION,
  type Judgement,
  judgeInterval,
  type SearchInput,
  type SearchResult,
  searchSchedule,
} from "./searchSchedule.ts";
export { shiftPlan } from "./shiftPlan.ts";
export {
  type OptimalShiftPlan,
  optimalShiftPlan,
  planShifts,
  type ResolvedRoster,
  type ResolvedShiftRules,
  readRoster,
  readShiftRules,
  resolveRoster,
  resolveShiftRules,
  type ShiftScheduling,
  type WeeklyRoster,
  weeklyRoster,
} from "./shifts/index.ts";
export { DEFAULT_SMOOTHING_HOURS, smoothPlan } from "./smoothPlan.ts";
export { chooseMostProfitable, MAX_SWEEP_LEVELS, sweepLevel, sweepLevels } from "./staffingSweep.ts";
export type {
  LoadSummary,
  ProfitChoice,
  ResolvedStaffingTarget,
  SearchRound,
  ShiftPlan,
  StaffingInterval,
  StaffingObjective,
  StaffingResults,
  StaffingTargetOptions,
  StaffingTotals,
  SweepLevel,
  VideoStaffing,
  VideoStaffingInterval,
} from "./staffingTypes.ts";
export type { StaffOptions } from "./staffOptions.ts";
