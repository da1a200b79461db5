export { type DecisionAnalysis, type DecisionInput, decisionAnalysis, type ParameterSensitivity, type VariantDecision } from "./decisionAnalysis.ts";
export { latinHypercube } from "./latinHypercube.ts";
export { MAX_WORLDS } from "./maxWorlds.ts";
export {
  checkWorldRun,
  MAX_WORLD_RUNS,
  runWorldDecision,
  type SensitivityMethod,
  type WorldDecisionOptions,
  type WorldDecisionResults,
  type WorldOutcome,
  worldsToRun,
} from "./runWorldDecision.ts";
export { sampleSobolWorlds, sampleWorlds, WORLDS_STREAM, type World, worldSeed } from "./sampleWorlds.ts";
export { type SobolIndices, sobolDesign, sobolIndices } from "./sobolIndices.ts";
export { sharedParameters, type WorldTask, type WorldVariant, worldConfig, worldTasks } from "./worldTasks.ts";
