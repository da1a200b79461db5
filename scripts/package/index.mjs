// The package's JavaScript entry: the sources are TypeScript run as they are, so this loads them
// through tsx's scoped loader (tsImport: no global hooks are left in the importing program) and
// re-exports the public API of index.ts.
import { tsImport } from "tsx/esm/api";

const library = await tsImport("./index.ts", import.meta.url);

export const {
  simulate,
  erlangA,
  erlangB,
  erlangC,
  erlangCMetrics,
  requiredAgents,
  loadScenario,
  parseScenario,
  simulateScenario,
  ScenarioError,
  estimateWork,
  DEFAULT_MAX_SESSIONS,
  VERSION,
} = library;
