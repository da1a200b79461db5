export { latinHypercube } from "./latinHypercube.ts";
export { sampleWorlds, worldSeed, WORLDS_STREAM, type World } from "./sampleWorlds.ts";
export { decisionAnalysis, type DecisionAnalysis, type DecisionInput, type VariantDecision, type ParameterSensitivity } from "./decisionAnalysis.ts";
export { worldTasks, worldConfig, sharedParameters, type WorldVariant, type WorldTask } from "./worldTasks.ts";
export { runWorldDecision, checkWorldRun, MAX_WORLDS, MAX_WORLD_RUNS, type WorldDecisionOptions, type WorldDecisionResults, type WorldOutcome } from "./runWorldDecision.ts";
