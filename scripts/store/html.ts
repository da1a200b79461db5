// Server-side HTML with escaping by default. Everything that reaches a page from the scenario
// (product names, labels) or from shoppers and agents (form values, chat text) is untrusted, so the
// only way to put text into markup is through `html`, which escapes every interpolated value unless
// it is already SafeHtml.

/** Markup that is known to be safe: produced by `html` or explicitly marked with `trustedHtml`. */
export class SafeHtml {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML element content and quoted attribute values (both quote kinds).
 *
 * escapeHtml(`<img src=x onerror="alert(1)">`) // → "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/**
 * Tagged template that escapes every interpolated value. SafeHtml is inserted as is, arrays are
 * joined (each item escaped the same way), and null, undefined and booleans render as nothing, so
 * `${condition && html`...`}` works. Attribute values must be quoted in the template.
 *
 * html`<p title="${name}">${name}</p>` with name `a"<b>` // → <p title="a&quot;&lt;b&gt;">a&quot;&lt;b&gt;</p>
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Marks markup the program itself produced as safe. Never pass text that came from a user or a scenario. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A `<script type="application/json">` block holding `value`. JSON inside a script element is not
 * HTML-decoded, so instead of entity escaping, `<`, `>`, `&` and the JavaScript line separators are
 * written as \u escapes: the data can never close the element (`</script>`) or open a comment.
 */
export function jsonScript(id: string, value: unknown, replacer?: (key: string, value: unknown) => unknown): SafeHtml {
  const json = JSON.stringify(value, replacer as never).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return new SafeHtml(`<script type="application/json" id="${escapeHtml(id)}">${json}</script>`);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.text;
  if (value === null || value === undefined || typeof value === "boolean") return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}
