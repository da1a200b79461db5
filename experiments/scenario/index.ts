export { canonicalHash, canonicalJson } from "./canonicalHash.ts";
export { type ChatOnlyScenario, chatOnlyScenarioSchema } from "./chatOnlySchema.ts";
export { BROWSING_PAGES } from "./checkStoreScenario.ts";
export { fileErrorReason } from "./fileErrorReason.ts";
export { describeValue, formatIssues, formatPath } from "./formatIssues.ts";
export { scenarioJsonSchema } from "./jsonSchema.ts";
export { type LoadedScenario, loadScenario, parseScenario, type ScenarioOverrides, worldScenario } from "./loadScenario.ts";
export type { ConcreteScenario, ParseOptions } from "./parseConcreteScenario.ts";
export { MAX_ALIAS_EXPANSIONS, MAX_DATA_FILE_BYTES, MAX_DATA_KEYS, parseDataText, readDataFile } from "./readDataFile.ts";
export { ScenarioError } from "./ScenarioError.ts";
export {
  DEFAULT_AUTO_SAVE,
  DEFAULT_CATALOG,
  DEFAULT_CONFUSION,
  DEFAULT_INLINE_HELP,
  DEFAULT_PAYMENT_FEE_PER_ORDER,
  DEFAULT_PAYMENT_FEE_RATE,
  DEFAULT_RETURNING_ADD_TO_CART_RATIO,
  DEFAULT_THRESHOLD_PADDING,
  DEFAULT_TYPING_SECONDS,
  FIELD_TYPES,
  type StoreScenario,
  storeScenarioSchema,
} from "./storeSchema.ts";
export { centralValues, findUncertainParameters, type ParameterValues, type UncertainParameter } from "./uncertainParameters.ts";
export { centralValue, specQuantile, supportBounds, type UncertainSpec } from "./uncertainSpec.ts";
export { BYTES_PER_LIVE_ARRIVAL, DEFAULT_MAX_SESSIONS, estimateWork, type WorkEstimate, workLimitProblem } from "./workLimit.ts";
