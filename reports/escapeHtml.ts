/**
 * HTML that is safe to insert as is: built by `html` (which escapes every interpolated string) or
 * marked with `trustedHtml` (markup this package produced itself, such as a serialized Plot SVG,
 * whose text nodes the DOM serializer already escaped). The symbol key cannot come from JSON, so
 * data read from a results file can never pose as SafeHtml.
 */
export interface SafeHtml {
  readonly [SAFE_HTML]: string;
}

const SAFE_HTML: unique symbol = Symbol("safeHtml");

/** A value `html` accepts: markup, text to escape, a number, nothing, or a list of these. */
export type HtmlValue = SafeHtml | string | number | null | undefined | boolean | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for an HTML text node or a quoted attribute: `escapeHtml("<b>")` → `"&lt;b&gt;"`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

/** Marks markup produced by this package (never user text) as safe. */
export function trustedHtml(markup: string): SafeHtml {
  return { [SAFE_HTML]: markup };
}

/** True for values made by `html` or `trustedHtml`. */
export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === "object" && value !== null && SAFE_HTML in value;
}

/** The markup string of SafeHtml. */
export function htmlString(value: SafeHtml): string {
  return value[SAFE_HTML];
}

/**
 * Template tag that escapes every interpolated value unless it is SafeHtml; arrays are joined,
 * and null, undefined and booleans render as nothing (so `${condition && html`...`}` works):
 * html`<p>${"<script>"}</p>` → `<p>&lt;script&gt;</p>`.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0];
  for (let index = 0; index < values.length; index++) markup += renderValue(values[index]) + strings[index + 1];
  return trustedHtml(markup);
}

function renderValue(value: HtmlValue): string {
  if (value === null || value === undefined || typeof value === "boolean") return "";
  if (typeof value === "number") return escapeHtml(String(value));
  if (typeof value === "string") return escapeHtml(value);
  if (Array.isArray(value)) return value.map(renderValue).join("");
  if (isSafeHtml(value)) return htmlString(value);
  // Anything else (an object smuggled in from JSON) is shown as text, never as markup.
  return escapeHtml(String(value));
}
