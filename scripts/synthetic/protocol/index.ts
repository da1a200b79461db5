// Protocol-level personas: the browser check's personas walking the demo store over HTTP, with no
// browser, thousands a minute, and the simulator-vs-live table comparing the store's record with the
// model's prediction for the same personas and policy. See ../README.md#protocol-personas.

export { type ChatRecord, chatRecord, IMMEDIATE_SERVICE_SECONDS } from "./chatRecord.ts";
export { type PersonaPrediction, predictPersona } from "./predictProtocolRun.ts";
export { protocolSummary } from "./protocolSummary.ts";
export {
  DEFAULT_ARRIVALS_PER_SECOND,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_PROTOCOL_BOTS,
  DEFAULT_PROTOCOL_CHAT_SECONDS,
  DEFAULT_PROTOCOL_PATIENCE_SECONDS,
  DEFAULT_PROTOCOL_SESSIONS,
  type ProtocolCheckOptions,
  type ProtocolCheckResults,
  runProtocolCheck,
} from "./runProtocolCheck.ts";
export {
  type DeskSetup,
  FAMILY_CONFIDENCE_LEVEL,
  type SimLiveRow,
  simLiveTable,
  WAIT_RESOLUTION_SECONDS,
  WAITED_METRIC,
} from "./simLiveTable.ts";
export { type SteadyChatWindow, steadyChatWindow, WARM_UP_QUANTILE } from "./steadyChatWindow.ts";
export { ACTION_SECONDS, type CatalogProduct, type PlannedPage, visitPlan } from "./visitPlan.ts";
export { type IdleWindow, type IdleWindowHandlers, type IdleWindowOutcome, walkIdleWindow } from "./walkIdleWindow.ts";
