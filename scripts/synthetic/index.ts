// Synthetic shoppers: Playwright personas drawn from a scenario's shopper model drive a live store
// (the demo store, or any store described by a YAML profile) and check its funnel, money, form
// validation, chat-policy conformance against the simulator's evaluator, and page timings.
// See README.md for the profile format and the results.

export { runSyntheticCheck } from "./runSyntheticCheck.ts";
export {
  DEFAULT_ARTIFACTS_DIRECTORY,
  DEFAULT_CONCURRENCY,
  DEFAULT_PERSONAS,
  MAX_FAILURE_IMAGE_BYTES,
  MAX_FAILURE_IMAGES,
  MAX_FAILURE_IMAGES_PER_CHECK,
  type CheckOptions,
} from "./checkOptions.ts";
export { DEMO_PROFILE_PATH, DEMO_STORE, loadProfile, parseProfile, profileFromData, type LoadProfileOptions, type MoneyRules, type StoreProfile } from "./loadProfile.ts";
export { FIXED_STEPS, GENERATORS, PROFILE_FIELD_TYPES, storeProfileSchema, type StoreProfileInput } from "./profileSchema.ts";
export {
  DEFAULT_FIELD_ERROR_PROBABILITY,
  DEFAULT_MAX_BROWSE_PAGES,
  DEFAULT_MAX_ITEMS,
  DEFAULT_MAX_PAUSE_SECONDS,
  personaId,
  resolvePersonaModelOptions,
  samplePersona,
  SECOND_UNIT_PROBABILITY,
  type PersonaModelOptions,
  type ResolvedPersonaModelOptions,
} from "./samplePersona.ts";
export type { PersonaFormError, PersonaItem, PersonaLeave, PersonaPause, PersonaSpec } from "./PersonaSpec.ts";
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
export { predictInvitations, MIN_REPORTED_WINDOW_SECONDS } from "./predictInvitations.ts";
export { policyConformance } from "./policyConformance.ts";
export { assessItemPrices, assessMoneyReading, expectedMoney, moneyCheck } from "./moneyCheck.ts";
export { decimalPlaces, moneyTextProblem, parseMoney, parseQuantity, roundCents, separatorsOf, type DecimalSeparator } from "./parseMoney.ts";
export { layoutCheck } from "./layoutCheck.ts";
export { ENVIRONMENT_LAG_SECONDS, failureCause, type FailureCause } from "./failureCause.ts";
export { WRONG_VALUES, generateValue, wrongValueFor } from "./formValues.ts";
export { junitXml, escapeXml } from "./junitXml.ts";
export { checkSummary } from "./checkSummary.ts";
export { CHROMIUM_ARGS, CHROMIUM_ENV, DEFAULT_CHROMIUM_PATH, chromiumPath, deviceContextOptions, launchChromium } from "../browser/index.ts";
