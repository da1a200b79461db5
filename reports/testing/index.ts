// Test support for report tests and benchmarks (not part of the report API).
export {
  stampFixture,
  intervalsFixture,
  storeResultsFixture,
  chatOnlyResultsFixture,
  comparisonFixture,
  withAbTestPlan,
  staffingFixture,
  calibrationFixture,
  worldDecisionFixture,
  estimate,
  noise,
} from "./fixtures.ts";
export { syntheticCheckFixture, solidPngDataUri, FAILURE_SCREENSHOT } from "./syntheticCheckFixture.ts";
export { normalizeSvg } from "./normalizeSvg.ts";
export { checkReportInBrowser, chromiumAvailable, launchChromium, CHROMIUM_PATH, CHROMIUM_ARGS, type BrowserCheck, type ChartBox } from "./browserCheck.ts";
