export { loadScenario, parseScenario, type LoadedScenario, type ScenarioOverrides } from "./loadScenario.ts";
export { ScenarioError } from "./ScenarioError.ts";
export { readDataFile, parseDataText } from "./readDataFile.ts";
export { canonicalHash, canonicalJson } from "./canonicalHash.ts";
export { scenarioJsonSchema } from "./jsonSchema.ts";
export { formatIssues, formatPath, describeValue } from "./formatIssues.ts";
export { storeScenarioSchema, DEFAULT_CATALOG, FIELD_TYPES, DEFAULT_THRESHOLD_PADDING, DEFAULT_PAYMENT_FEE_RATE, DEFAULT_PAYMENT_FEE_PER_ORDER, DEFAULT_RETURNING_ADD_TO_CART_RATIO, type StoreScenario } from "./storeSchema.ts";
export { chatOnlyScenarioSchema, type ChatOnlyScenario } from "./chatOnlySchema.ts";
export { BROWSING_PAGES } from "./resolveStoreScenario.ts";
