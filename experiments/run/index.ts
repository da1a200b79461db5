export { DEFAULT_SEED, resolveSeed, type SimulateScenarioOptions, simulateScenario } from "./simulateScenario.ts";
export { makeStamp, type RunStamp, type StampInput } from "./stamp.ts";
export { VERSION } from "./version.ts";
