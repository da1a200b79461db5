// Persona observations built by hand for the pure checks' tests: pages with their timeline in
// virtual milliseconds, as the page recorder and the flow would have recorded them.

import type { QueueState } from "../../../sim/policy/index.ts";
import type { RecordedEvent } from "../browser/pageRecorder.ts";
import type { AddedItem, ChatAction, PersonaObservations } from "../persona/observations.ts";
import type { PersonaSpec } from "../persona/PersonaSpec.ts";
import { testPersona } from "./personas.ts";

/** One page of a hand-written visit, in virtual milliseconds. */
export interface TestPage {
  step: string;
  /** The widget starts (idle time starts) here. */
  readyAt: number;
  /** Last moment on the page (the persona left or the next page came). */
  endAt: number;
  inputs?: number[];
  shown?: number[];
  accept?: number;
  dismiss?: number;
  exitIntent?: { at: number; via: "mouse" | "back" };
  /** Focus and committed edits of form fields, and clicks at a position (what the confusion meter counts). */
  focus?: Array<{ at: number; field: string }>;
  edits?: Array<{ at: number; field: string }>;
  clicks?: Array<{ at: number; x: number; y: number }>;
}

/** Observations of `pages` visited in order; `items` in the cart from the start. */
export function observationsOf(
  pages: readonly TestPage[],
  options: { spec?: PersonaSpec; items?: AddedItem[]; queue?: Array<{ at: number; state: QueueState }> } = {},
): PersonaObservations {
  const events: RecordedEvent[] = [];
  const actions: ChatAction[] = [];
  pages.forEach((page, index) => {
    const doc = `d${index}`;
    events.push({ type: "document", doc, at: page.readyAt, url: `http://shop.test/${page.step}` }, { type: "widgetReady", doc, at: page.readyAt });
    for (const at of page.inputs ?? []) events.push({ type: "input", doc, at, event: "mousemove" });
    for (const { at, field } of page.focus ?? []) events.push({ type: "confusionInput", doc, at, kind: "focus", field });
    for (const { at, field } of page.edits ?? []) events.push({ type: "confusionInput", doc, at, kind: "edit", field });
    for (const { at, x, y } of page.clicks ?? []) events.push({ type: "confusionInput", doc, at, kind: "click", x, y });
    for (const at of page.shown ?? []) events.push({ type: "invitationShown", doc, at });
    if (page.accept !== undefined)
      actions.push({ kind: "accept", at: page.accept, doc, step: page.step }, { kind: "idleEnd", at: page.accept, doc, step: page.step });
    if (page.dismiss !== undefined) actions.push({ kind: "dismiss", at: page.dismiss, doc, step: page.step });
    // The click that answers an invitation is input.
    for (const at of [page.accept, page.dismiss]) if (at !== undefined) events.push({ type: "input", doc, at: at + 1, event: "mousedown" });
    if (page.exitIntent) actions.push({ kind: "exitIntent", at: page.exitIntent.at, doc, step: page.step, via: page.exitIntent.via });
    actions.push({ kind: "idleEnd", at: page.endAt, doc, step: page.step });
  });
  return {
    spec: options.spec ?? testPersona(0),
    outcome: "finished",
    failure: null,
    visits: pages.map((page, index) => ({
      step: page.step,
      url: `http://shop.test/${page.step}`,
      doc: `d${index}`,
      requestedAt: null,
      loadedAt: page.readyAt,
      loadSeconds: null,
      attempts: 1,
      retryReasons: [],
    })),
    items: options.items ?? [{ key: "bag", name: "Bag", unitPrice: 249, unitPriceText: "$249.00", listPriceText: null, quantity: 1, addedAt: -1 }],
    money: [],
    forms: [],
    problems: [],
    blocked: [],
    events: events.sort((a, b) => a.at - b.at),
    actions,
    queue: options.queue ?? [],
    offered: [],
    chatProblems: [],
    layout: [],
    orderId: null,
    wallSeconds: 1,
    shots: [],
    shotIndex: {},
  };
}
