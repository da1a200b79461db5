// Profiles for tests: the built-in demo profile pointed at a test store, with short timeouts.

import { type LoadedScenario, readDataFile } from "../../../experiments/index.ts";
import { DEMO_PROFILE_PATH, parseProfile, type StoreProfile } from "../profiles/loadProfile.ts";

/** Short waits: a missing selector fails in seconds, not the production 5/15 s. */
export const TEST_TIMEOUTS = { navigationSeconds: 8, selectorSeconds: 2, personaSeconds: 90 };
/** A generous page budget: a test machine busy with other work must not fail the step-timing check. */
export const TEST_PAGE_BUDGET_SECONDS = 15;

/** The demo profile at `baseUrl`, with test timeouts and `changes` merged at the top level. */
export function demoProfileAt(baseUrl: string, scenario: LoadedScenario, changes: Record<string, unknown> = {}): StoreProfile {
  const data = readDataFile(DEMO_PROFILE_PATH, "store profile") as Record<string, unknown>;
  return parseProfile({ ...data, timeouts: TEST_TIMEOUTS, pageBudgetSeconds: TEST_PAGE_BUDGET_SECONDS, ...changes, baseUrl }, "test profile", { scenario });
}
