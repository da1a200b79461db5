import { parseHTML } from "linkedom";
import { createFormatter, DEFAULT_LOCALE, type Formatter } from "../experiments/format/index.ts";
import { DEFAULT_CURRENCY, type ReportBody } from "./reportDocument.ts";

/** What section builders need besides their document: a DOM for Plot, the currency, an id prefix. */
export interface RenderContext {
  /** A DOM document Plot renders into (linkedom in Node); charts are serialized, never attached. */
  readonly document: Document;
  /** ISO 4217 code for money values. */
  readonly currency: string;
  /** BCP 47 locale for numbers (the scenario's `report.locale`). */
  readonly locale: string;
  /** The scenario's formatter: locale and currency bound. */
  readonly format: Formatter;
  /** Prefix for HTML ids, so two documents in one report never clash (`"r1"`). */
  readonly idPrefix: string;
  /** The bodies of the report's other documents, for sections that set one run beside another (live desk vs simulator). */
  readonly peers: readonly ReportBody[];
}

export interface RenderContextOptions {
  currency?: string;
  locale?: string;
  idPrefix?: string;
  /** Reuse a DOM document (one per report is enough); a fresh linkedom document when absent. */
  document?: Document;
  /** The report's other documents' bodies (default none). */
  peers?: readonly ReportBody[];
}

/** A render context with defaults filled in. */
export function createRenderContext(options: RenderContextOptions = {}): RenderContext {
  const currency = options.currency ?? DEFAULT_CURRENCY;
  const locale = options.locale ?? DEFAULT_LOCALE;
  return Object.freeze({
    document: options.document ?? createPlotDocument(),
    currency,
    locale,
    format: createFormatter({ locale, currency }),
    idPrefix: options.idPrefix ?? "r1",
    peers: options.peers ?? [],
  });
}

/** An empty linkedom HTML document for Plot's `document` option. */
export function createPlotDocument(): Document {
  return parseHTML("<!doctype html><html><head></head><body></body></html>").document as unknown as Document;
}
