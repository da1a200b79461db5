/** Terminal number formatting shared by the command summaries. */
export const integer = (value: number): string => Math.round(value).toLocaleString("en-US");
export const percent = (value: number | null, digits = 1): string => (value === null ? "–" : `${(value * 100).toFixed(digits)}%`);
export const seconds = (value: number | null): string => (value === null ? "–" : value < 120 ? `${value.toFixed(1)} s` : `${(value / 60).toFixed(1)} min`);
export const money = (value: number | null, currency = "USD"): string =>
  value === null ? "–" : value.toLocaleString("en-US", { style: "currency", currency, maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2 });
/** A left-aligned label column and a right-aligned value column. */
export function rows(entries: readonly [string, string][], indent = "  "): string {
  const width = Math.max(...entries.map(([label]) => label.length));
  return entries.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`).join("\n");
}
