export { type CalibratedTextOptions, calibratedScenarioText } from "./calibratedScenarioText.ts";
export {
  type CalibratedValue,
  type CalibrateOptions,
  type CalibrationOutcome,
  type CalibrationResults,
  calibrateScenario,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_TOLERANCE,
  type IntervalScope,
  type ValueInterval,
} from "./calibrateScenario.ts";
export { type CalibrationParameter, type ParameterPlan, type ParameterValue, planParameters, type TargetCell } from "./calibrationParameters.ts";
export { CAUSAL_LIFT_LABEL, CAUSAL_LIFT_TARGET, causalLiftStatistics, causalLiftTarget, type FitTarget } from "./causalLiftTarget.ts";
export { CHAT_ROW_STEP, chatFitStatistics, chatTargetShares, combineStatistics, simulatedChat } from "./chatFit.ts";
export { type ChatIdentifiability, type ChatParameterPlan, planChatParameters } from "./chatParameters.ts";
export { chiSquareCdf, chiSquarePValue, regularizedGammaP } from "./chiSquareCdf.ts";
export {
  DEFAULT_INTERVAL_LIMIT,
  type FactorInterval,
  type FactorIntervalOptions,
  factorInterval,
  scoreStatistic,
  type TargetCounts,
} from "./factorInterval.ts";
export { FUNNEL_CSV_HEADER, FUNNEL_KINDS, type FunnelKind, type FunnelRow, formatFunnelCsv, parseFunnelCsv } from "./funnelCsv.ts";
export {
  type CalibrationStepRow,
  type FitStatistics,
  fitStatistics,
  type SimulatedStep,
  simulatedFunnel,
  type TargetShares,
  targetShares,
} from "./funnelFit.ts";
export { type FunnelRowsOptions, funnelRowsFromResults } from "./funnelRowsFromResults.ts";
export { HOLDOUT_LIFT_LEVEL, type HoldoutLift, holdoutLift } from "./holdoutLift.ts";
export { type NelderMeadOptions, type NelderMeadResult, nelderMead } from "./nelderMead.ts";
export {
  CHAT_TARGET_LABELS,
  CHAT_TARGETS,
  type ChatCounts,
  type ChatTarget,
  chatTargetCounts,
  emptyChatCounts,
  observedChat,
  sumChatCounts,
} from "./observedChat.ts";
export { type ObservedFunnel, type ObservedStep, observedFunnel } from "./observedFunnel.ts";
export { type Dispersion, pearsonDispersion } from "./pearsonDispersion.ts";
