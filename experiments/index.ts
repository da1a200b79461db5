export {
  loadScenario,
  parseScenario,
  worldScenario,
  ScenarioError,
  readDataFile,
  parseDataText,
  canonicalHash,
  canonicalJson,
  scenarioJsonSchema,
  formatIssues,
  formatPath,
  describeValue,
  storeScenarioSchema,
  DEFAULT_CATALOG,
  FIELD_TYPES,
  chatOnlyScenarioSchema,
  BROWSING_PAGES,
  type LoadedScenario,
  type ScenarioOverrides,
  type StoreScenario,
  type ChatOnlyScenario,
} from "./scenario/index.ts";
export { simulateScenario, resolveSeed, DEFAULT_SEED, makeStamp, VERSION, type SimulateScenarioOptions, type RunStamp, type StampInput } from "./run/index.ts";
export { FUNNEL_CSV_HEADER, FUNNEL_KINDS, formatFunnelCsv, parseFunnelCsv, type FunnelKind, type FunnelRow } from "./calibration/index.ts";
export { runWorldDecision, sampleWorlds, decisionAnalysis, type WorldDecisionResults, type WorldVariant, type World } from "./worlds/index.ts";
