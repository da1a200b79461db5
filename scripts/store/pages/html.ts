// Server-side HTML with escaping by default. Everything that reaches a page from the scenario
// (product names, labels) or from shoppers and agents (form values, chat text) is untrusted, so the
// only way to put text into markup is through `html`, which escapes every interpolated value unless
// it is already SafeHtml. The escaper is the reports' one: one implementation for one security job.
import { escapeHtml, type SafeHtml, trustedHtml } from "../../../reports/index.ts";

export { escapeHtml, html, htmlString, type SafeHtml, trustedHtml } from "../../../reports/index.ts";

/**
 * A `<script type="application/json">` block holding `value`. JSON inside a script element is not
 * HTML-decoded, so instead of entity escaping, `<`, `>`, `&` and the JavaScript line separators are
 * written as \u escapes: the data can never close the element (`</script>`) or open a comment. Kept
 * here: only the store embeds data for its scripts this way.
 */
export function jsonScript(id: string, value: unknown, replacer?: (key: string, value: unknown) => unknown): SafeHtml {
  const json = JSON.stringify(value, replacer as never).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return trustedHtml(`<script type="application/json" id="${escapeHtml(id)}">${json}</script>`);
}
