// Test support for report tests and benchmarks (not part of the report API).

export { type BrowserCheck, CHROMIUM_ARGS, CHROMIUM_PATH, type ChartBox, checkReportInBrowser, chromiumAvailable, launchChromium } from "./browserCheck.ts";
export { calibrationFixture, comparisonFixture, estimate, staffingFixture, withAbTestPlan, worldDecisionFixture } from "./experimentFixtures.ts";
export { chatOnlyResultsFixture, intervalsFixture, noise, stampFixture, storeResultsFixture } from "./fixtures.ts";
export { normalizeSvg } from "./normalizeSvg.ts";
export { FAILURE_SCREENSHOT, solidPngDataUri, syntheticCheckFixture } from "./syntheticCheckFixture.ts";
