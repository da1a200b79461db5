export { FUNNEL_CSV_HEADER, FUNNEL_KINDS, formatFunnelCsv, parseFunnelCsv, type FunnelKind, type FunnelRow } from "./funnelCsv.ts";
export { funnelRowsFromResults, type FunnelRowsOptions } from "./funnelRowsFromResults.ts";
export { observedFunnel, type ObservedFunnel, type ObservedStep } from "./observedFunnel.ts";
export { planParameters, type CalibrationParameter, type ParameterPlan, type ParameterValue, type TargetCell } from "./calibrationParameters.ts";
export { fitStatistics, simulatedFunnel, targetShares, type CalibrationStepRow, type FitStatistics, type SimulatedStep } from "./funnelFit.ts";
export { calibrateScenario, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, type CalibrateOptions, type CalibrationResults, type CalibrationOutcome, type CalibratedValue } from "./calibrateScenario.ts";
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from "./nelderMead.ts";
export { chiSquareCdf, chiSquarePValue, regularizedGammaP } from "./chiSquareCdf.ts";
export { calibratedScenarioText, type CalibratedTextOptions } from "./calibratedScenarioText.ts";
