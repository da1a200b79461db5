import { parseHTML } from "linkedom";
import { DEFAULT_CURRENCY } from "./reportDocument.ts";

/** What section builders need besides their document: a DOM for Plot, the currency, an id prefix. */
export interface RenderContext {
  /** A DOM document Plot renders into (linkedom in Node); charts are serialized, never attached. */
  readonly document: Document;
  /** ISO 4217 code for money values. */
  readonly currency: string;
  /** Prefix for HTML ids, so two documents in one report never clash (`"r1"`). */
  readonly idPrefix: string;
}

export interface RenderContextOptions {
  currency?: string;
  idPrefix?: string;
  /** Reuse a DOM document (one per report is enough); a fresh linkedom document when absent. */
  document?: Document;
}

/** A render context with defaults filled in. */
export function createRenderContext(options: RenderContextOptions = {}): RenderContext {
  return Object.freeze({
    document: options.document ?? createPlotDocument(),
    currency: options.currency ?? DEFAULT_CURRENCY,
    idPrefix: options.idPrefix ?? "r1",
  });
}

/** An empty linkedom HTML document for Plot's `document` option. */
export function createPlotDocument(): Document {
  return parseHTML("<!doctype html><html><head></head><body></body></html>").document as unknown as Document;
}
