// The chat widget's testable parts. `widget.ts` is the browser entry point (bundled by
// bundleAssets), not a module to import.

export { detectDevice } from "./detectDevice.ts";
export { formatWait } from "./formatWait.ts";
export { MAX_LOOKAHEAD_SECONDS, type PageSignals, type TriggerHost, TriggerLoop } from "./TriggerLoop.ts";
export { BOOTSTRAP_ELEMENT_ID, WIDGET_ELEMENT_ID, type WidgetBootstrap, type WidgetChat, type WidgetChatMessage } from "./WidgetBootstrap.ts";
