// The check's results: their types, the summary, failure causes and the JUnit file.
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
export { escapeXml, junitXml } from "./junitXml.ts";
