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
  assessItemPrices,
  assessMoneyReading,
  type DecimalSeparator,
  decimalPlaces,
  expectedMoney,
  layoutCheck,
  MIN_REPORTED_WINDOW_SECONDS,
  moneyCheck,
  moneyTextProblem,
  parseMoney,
  parseQuantity,
  policyConformance,
  predictInvitations,
  separatorsOf,
} from "./checks/index.ts";
export type { PersonaFormError, PersonaItem, PersonaLeave, PersonaPause, PersonaSpec } from "./persona/index.ts";
export {
  DEFAULT_FIELD_ERROR_PROBABILITY,
  DEFAULT_MAX_BROWSE_PAGES,
  DEFAULT_MAX_ITEMS,
  DEFAULT_MAX_PAUSE_SECONDS,
  generateValue,
  type PersonaModelOptions,
  personaId,
  type ResolvedPersonaModelOptions,
  resolvePersonaModelOptions,
  SECOND_UNIT_PROBABILITY,
  samplePersona,
  WRONG_VALUES,
  wrongValueFor,
} from "./persona/index.ts";
export {
  DEMO_PROFILE_PATH,
  DEMO_STORE,
  FIXED_STEPS,
  GENERATORS,
  type LoadProfileOptions,
  loadProfile,
  type MoneyRules,
  PROFILE_FIELD_TYPES,
  parseProfile,
  profileFromData,
  type StoreProfile,
  type StoreProfileInput,
  storeProfileSchema,
} from "./profiles/index.ts";
export {
  CHECK_NAMES,
  type CheckName,
  type CheckRecord,
  type CheckStatus,
  type CheckSummary,
  type ConformanceRow,
  checkSummary,
  ENVIRONMENT_LAG_SECONDS,
  escapeXml,
  type FailureCause,
  type FailureImage,
  failureCause,
  type InvitationWindow,
  junitXml,
  type PersonaResult,
  type StepTiming,
  type SyntheticCheckResults,
} from "./results/index.ts";
export { runSyntheticCheck } from "./runSyntheticCheck.ts";
