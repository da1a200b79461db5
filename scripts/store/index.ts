// The live demo store: a real web store built from a scenario file, with the chat widget running
// the simulator's trigger-policy evaluator, an agent console, and a durable event log whose funnel
// counts export in the format `calibrate` reads. See README.md for pages, API and data-test names.

export { startStore, type StoreHandle } from "./startStore.ts";
export {
  DEFAULT_BOT_DELAY_SECONDS,
  DEFAULT_BOT_HANDLE_SECONDS,
  DEFAULT_DATA_DIRECTORY,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_STORE_SCENARIO,
  EVENT_LOG_FILE,
  USERS_FILE,
  type ResolvedStoreOptions,
  type StoreOptions,
} from "./storeOptions.ts";
export { DATA_TEST, fieldErrorTest, fieldOptionTest, fieldTest, progressStepTest } from "./dataTest.ts";
export { readEventLog, type EventLogContents } from "./readEventLog.ts";
export { funnelRows } from "./funnelRows.ts";
export type { StoreEvent, StoreEventType, OrderLine, OrderPlacedEvent } from "./storeEvents.ts";
export { Warnings } from "./Warnings.ts";
export { AGENT_COOKIE, SESSION_COOKIE, VISITOR_COOKIE } from "./routes/index.ts";
export { accountProblems, addUserToFile, readUsersFile, ROLES, type Role, type UserAccount } from "./auth/UserDirectory.ts";
export { randomPassword } from "./auth/passwordHash.ts";
export type { DemoAccount } from "./auth/demoAccounts.ts";
export { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER } from "./auth/registerSecurity.ts";
export { nonFiniteReplacer, nonFiniteReviver } from "./nonFiniteJson.ts";
export { BOOTSTRAP_ELEMENT_ID, type WidgetBootstrap, type WidgetChat } from "./widget/WidgetBootstrap.ts";
