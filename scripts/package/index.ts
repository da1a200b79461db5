// The library a project gets with `import { simulate, loadScenario } from "convsim"`: the public
// entry points of each layer, re-exported in one place (package.json `exports`).

export { simulate, type ModelConfig, type RunOptions, type SimulationResults, type StoreResults, type ChatOnlyResults } from "../../sim/model/index.ts";
export { erlangA, erlangB, erlangC, erlangCMetrics, requiredAgents } from "../../sim/analytic/index.ts";
export {
  loadScenario,
  parseScenario,
  simulateScenario,
  ScenarioError,
  estimateWork,
  DEFAULT_MAX_SESSIONS,
  VERSION,
  type LoadedScenario,
  type ScenarioOverrides,
  type WorkEstimate,
} from "../../experiments/index.ts";
