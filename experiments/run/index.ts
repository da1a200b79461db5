export { simulateScenario, resolveSeed, DEFAULT_SEED, type SimulateScenarioOptions } from "./simulateScenario.ts";
export { makeStamp, type RunStamp, type StampInput } from "./stamp.ts";
export { VERSION } from "./version.ts";
