// The store's durable event log: the events, the state they replay into, and reading the log back.
export { nonFiniteReplacer, nonFiniteReviver } from "./nonFiniteJson.ts";
export { type EventLogContents, readEventLog } from "./readEventLog.ts";
export type { OrderLine, OrderPlacedEvent, StoreEvent, StoreEventType } from "./storeEvents.ts";
