// Reading amounts as stores write them: `$1,234.56`, `1.234,56 €`, `CHF 1'234.50`, `12,50 €`,
// `Free`. Separators come from the profile (`decimalSeparator`), from a locale through Intl, or are
// told apart from the text itself ("auto"); a text that is not one plain amount is not guessed at.

/** How amounts are written: "." or "," separates the minor unit, or "auto" tells them apart per text. */
export type DecimalSeparator = "." | "," | "auto";

/** Characters stores group thousands with (besides "." and ","): spaces, thin spaces, apostrophes. */
const GROUPING = "\\s\\u00a0\\u202f'’";

/**
 * The amount in a price text as a store shows it: currency symbols, codes and labels around it are
 * ignored; `decimalSeparator` says which of "." and "," separates cents ("auto": the last separator
 * followed by other than exactly three digits); a text matching `freeText` (case-insensitive, e.g.
 * "Free") is 0. Null when the text holds no amount, or more than one number ("12.99 / 3 items"),
 * or a number that is not well formed ("12.9.9"), so an unreadable price is never read as another.
 *
 * parseMoney("$1,234.50", ".")  // → 1234.5
 * parseMoney("1.234,50 €", ",") // → 1234.5
 * parseMoney("CHF 1'234.50", "auto") // → 1234.5
 * parseMoney("Free", ".", "free") // → 0
 * parseMoney("−$3.00", ".")     // → -3
 * parseMoney("$NaN", ".")       // → null
 */
export function parseMoney(text: string, decimalSeparator: DecimalSeparator, freeText = "free"): number | null {
  const trimmed = text.trim();
  if (freeText !== "" && trimmed.toLowerCase() === freeText.toLowerCase()) return 0;
  const numbers = trimmed.match(new RegExp(`\\d[\\d.,${GROUPING}]*`, "g")) ?? [];
  // Exactly one number, its trailing separators (a sentence's full stop) aside.
  const groups = numbers.map((number) => number.replace(new RegExp(`[.,${GROUPING}]+$`), ""));
  if (groups.length !== 1) return null;
  const number = groups[0];
  const first = trimmed.indexOf(number);
  const before = trimmed.slice(0, first);
  // Letters glued to the number ("12a", "x12") or "NaN"-like words make it no amount.
  if (/[A-Za-z]$/.test(before) && !/(?:^|[^A-Za-z])[A-Z]{3}$/.test(before)) return null;
  if (/^[A-Za-z]/.test(trimmed.slice(first + number.length)) && !/^[A-Z]{3}\b/.test(trimmed.slice(first + number.length))) return null;
  const negative = /[-−–]\s*\D{0,4}$/.test(before);
  const separator = decimalSeparator === "auto" ? guessSeparator(number) : decimalSeparator;
  const grouping = new RegExp(`[${separator === "." ? "," : "."}${GROUPING}]`, "g");
  const digits = number.replace(grouping, "").replace(separator, ".");
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  const value = Number(digits);
  return negative ? -value : value;
}

/** The decimal separator of a number written either way: the last "." or ",", unless exactly three digits follow it (grouping). */
function guessSeparator(number: string): "." | "," {
  const last = Math.max(number.lastIndexOf("."), number.lastIndexOf(","));
  if (last < 0) return ".";
  const mark = number[last] as "." | ",";
  const after = number.length - last - 1;
  // "1,234" and "1.234" group thousands; "1.234,5" and "1,234.56" cannot.
  const bothUsed = number.includes(".") && number.includes(",");
  if (after === 3 && !bothUsed) return mark === "." ? "," : ".";
  return mark;
}

/** The digits after the decimal separator of a price text (0 for "12", 13 for "3090.9799999999996"). */
export function decimalPlaces(text: string, decimalSeparator: DecimalSeparator): number {
  const number = text.match(new RegExp(`\\d[\\d.,${GROUPING}]*`))?.[0].replace(new RegExp(`[.,${GROUPING}]+$`), "") ?? "";
  const separator = decimalSeparator === "auto" ? guessSeparator(number) : decimalSeparator;
  const at = number.lastIndexOf(separator);
  if (at < 0) return 0;
  const tail = number.slice(at + 1);
  return /^\d+$/.test(tail) ? tail.length : 0;
}

/**
 * What is wrong with a price text a shopper would notice, or null: not an amount (quoting the
 * text), more decimals than the currency has (`3090.9799999999996`), or an impossible value for
 * `kind` ("price": a product price must be > 0; "amount": any total must be >= 0, a discount line
 * aside).
 */
export function moneyTextProblem(
  text: string,
  value: number | null,
  decimalSeparator: DecimalSeparator,
  currencyDecimals: number,
  kind: "price" | "amount",
): string | null {
  if (value === null) return `${JSON.stringify(text)} is not an amount`;
  const places = decimalPlaces(text, decimalSeparator);
  if (places > currencyDecimals) return `${JSON.stringify(text)} has ${places} decimals (the currency has ${currencyDecimals})`;
  if (kind === "price" && value <= 0) return `${JSON.stringify(text)} is not a possible price (must be > 0)`;
  if (kind === "amount" && value < 0) return `${JSON.stringify(text)} is not a possible amount (must be >= 0)`;
  return null;
}

/**
 * The decimal separator and minor-unit digits of a locale and currency, from Intl (the data every
 * browser formats prices with): `separatorsOf("de-DE", "EUR")` → `{decimalSeparator: ",", currencyDecimals: 2}`.
 */
export function separatorsOf(locale: string, currency: string | null): { decimalSeparator: "." | ","; currencyDecimals: number } {
  const format = new Intl.NumberFormat(locale, currency === null ? { minimumFractionDigits: 1 } : { style: "currency", currency });
  const decimal = format.formatToParts(1234.5).find((part) => part.type === "decimal")?.value;
  return { decimalSeparator: decimal === "," ? "," : ".", currencyDecimals: currency === null ? 2 : (format.resolvedOptions().maximumFractionDigits ?? 2) };
}

/** The first whole number in a text ("× 2" → 2, "Qty: 3" → 3), or null. */
export function parseQuantity(text: string): number | null {
  const match = /\d+/.exec(text);
  return match ? Number(match[0]) : null;
}
