// Renders a value for an error message: strings quoted, numbers as written, long structures cut.

const MAX_CHARS = 60;

/** `describeValue("a")` → `"a"`, `describeValue(NaN)` → `NaN`, `describeValue({a: 1})` → `{"a":1}`. */
export function describeValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean" || value === undefined) return String(value);
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return typeof value;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 3)}...` : text;
}
