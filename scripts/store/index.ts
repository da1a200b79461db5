// The live demo store: a real web store built from a scenario file, with the chat widget running
// the simulator's trigger-policy evaluator, an agent console, and a durable event log whose funnel
// counts export in the format `calibrate` reads. See README.md for pages, API and data-test names.

export { funnelRows } from "./analytics/funnelRows.ts";
export type { DemoAccount } from "./auth/demoAccounts.ts";
export { randomPassword } from "./auth/passwordHash.ts";
export { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER } from "./auth/registerSecurity.ts";
export { accountProblems, addUserToFile, ROLES, type Role, readUsersFile, type UserAccount } from "./auth/UserDirectory.ts";
export { DATA_TEST, fieldErrorTest, fieldOptionTest, fieldTest, progressStepTest } from "./dataTestAttributes.ts";
export type { OrderLine, OrderPlacedEvent, StoreEvent, StoreEventType } from "./events/index.ts";
export { type EventLogContents, nonFiniteReplacer, nonFiniteReviver, readEventLog } from "./events/index.ts";
export { AGENT_COOKIE, SESSION_COOKIE, VISITOR_COOKIE } from "./routes/index.ts";
export { type StoreHandle, startStore } from "./startStore.ts";
export {
  DEFAULT_BOT_DELAY_SECONDS,
  DEFAULT_BOT_HANDLE_SECONDS,
  DEFAULT_DATA_DIRECTORY,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_STORE_SCENARIO,
  EVENT_LOG_FILE,
  type ResolvedStoreOptions,
  type StoreOptions,
  USERS_FILE,
} from "./storeOptions.ts";
export { Warnings } from "./Warnings.ts";
export { BOOTSTRAP_ELEMENT_ID, type WidgetBootstrap, type WidgetChat } from "./widget/WidgetBootstrap.ts";
