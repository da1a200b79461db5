// Synthetic shoppers: Playwright personas drawn from a scenario's shopper model drive a live store
// (the demo store, or any store described by a YAML profile) and check its funnel, money, form
// validation, chat-policy conformance against the simulator's evaluator, and page timings.
// See README.md for the profile format and the results.

export { CHROMIUM_ARGS, CHROMIUM_ENV, chromiumPath, DEFAULT_CHROMIUM_PATH, deviceContextOptions, launchChromium } from "../browser/index.ts";
export {
  type CheckOptions,
  DEFAULT_ARTIFACTS_DIRECTORY,
  DEFAULT_CONCURRENCY,
  DEFAULT_PERSONAS,
  MAX_FAILURE_IMAGE_BYTES,
  MAX_FAILURE_IMAGES,
  MAX_FAILURE_IMAGES_PER_CHECK,
} from "./checkOptions.ts";
export {
  CHECK_NAMES,
  type CheckName,
  type CheckRecord,
  type CheckStatus,
  type CheckSummary,
  type ConformanceRow,
  type FailureImage,
  type InvitationWindow,
  type PersonaResult,
  type StepTiming,
  type SyntheticCheckResults,
} from "./checkResults.ts";
export { checkSummary } from "./checkSummary.ts";
export { ENVIRONMENT_LAG_SECONDS, type FailureCause, failureCause } from "./failureCause.ts";
export { generateValue, WRONG_VALUES, wrongValueFor } from "./formValues.ts";
export { escapeXml, junitXml } from "./junitXml.ts";
export { layoutCheck } from "./layoutCheck.ts";
export {
  DEMO_PROFILE_PATH,
  DEMO_STORE,
  type LoadProfileOptions,
  loadProfile,
  type MoneyRules,
  parseProfile,
  profileFromData,
  type StoreProfile,
} from "./loadProfile.ts";
export { assessItemPrices, assessMoneyReading, expectedMoney, moneyCheck } from "./moneyCheck.ts";
export type { PersonaFormError, PersonaItem, PersonaLeave, PersonaPause, PersonaSpec } from "./PersonaSpec.ts";
export { type DecimalSeparator, decimalPlaces, moneyTextProblem, parseMoney, parseQuantity, separatorsOf } from "./parseMoney.ts";
export { policyConformance } from "./policyConformance.ts";
export { MIN_REPORTED_WINDOW_SECONDS, predictInvitations } from "./predictInvitations.ts";
export { FIXED_STEPS, GENERATORS, PROFILE_FIELD_TYPES, type StoreProfileInput, storeProfileSchema } from "./profileSchema.ts";
export { runSyntheticCheck } from "./runSyntheticCheck.ts";
export {
  DEFAULT_FIELD_ERROR_PROBABILITY,
  DEFAULT_MAX_BROWSE_PAGES,
  DEFAULT_MAX_ITEMS,
  DEFAULT_MAX_PAUSE_SECONDS,
  type PersonaModelOptions,
  personaId,
  type ResolvedPersonaModelOptions,
  resolvePersonaModelOptions,
  SECOND_UNIT_PROBABILITY,
  samplePersona,
} from "./samplePersona.ts";
