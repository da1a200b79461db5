// The library a project gets with `import { simulate, loadScenario } from "convsim"`: the public
// entry points of each layer, re-exported in one place (package.json `exports`).

export {
  DEFAULT_MAX_SESSIONS,
  estimateWork,
  type LoadedScenario,
  loadScenario,
  parseScenario,
  ScenarioError,
  type ScenarioOverrides,
  simulateScenario,
  VERSION,
  type WorkEstimate,
} from "../../experiments/index.ts";
export { erlangA, erlangB, erlangC, erlangCMetrics, requiredAgents } from "../../sim/analytic/index.ts";
export { type ChatOnlyResults, type ModelConfig, type RunOptions, type SimulationResults, type StoreResults, simulate } from "../../sim/model/index.ts";
