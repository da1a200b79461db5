// Protocol-level personas: the browser check's personas walking the demo store over HTTP, with no
// browser, thousands a minute, and the simulator-vs-live table comparing the store's record with the
// model's prediction for the same personas and policy. See ../README.md#protocol-personas.

export {
  DEFAULT_ARRIVALS_PER_SECOND,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_PROTOCOL_BOTS,
  DEFAULT_PROTOCOL_CHAT_SECONDS,
  DEFAULT_PROTOCOL_PATIENCE_SECONDS,
  DEFAULT_PROTOCOL_SESSIONS,
  runProtocolCheck,
  type ProtocolCheckOptions,
  type ProtocolCheckResults,
} from "./runProtocolCheck.ts";
export { FAMILY_CONFIDENCE_LEVEL, IMMEDIATE_SERVICE_SECONDS, simLiveTable, WAIT_RESOLUTION_SECONDS, type DeskSetup, type SimLiveRow } from "./simLiveTable.ts";
export { predictPersona, type PersonaPrediction } from "./predictProtocolRun.ts";
export { ACTION_SECONDS, visitPlan, type CatalogProduct, type PlannedPage } from "./visitPlan.ts";
export { walkIdleWindow, type IdleWindow, type IdleWindowHandlers, type IdleWindowOutcome } from "./walkIdleWindow.ts";
export { protocolSummary } from "./protocolSummary.ts";
