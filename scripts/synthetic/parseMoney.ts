/**
 * The amount in a price text as a store shows it: currency symbols, codes and grouping are
 * ignored; `decimalSeparator` says which of "." and "," separates cents; a text matching `freeText`
 * (case-insensitive, e.g. "Free") is 0. Null when the text holds no number.
 *
 * parseMoney("$1,234.50", ".")  // → 1234.5
 * parseMoney("1.234,50 €", ",") // → 1234.5
 * parseMoney("Free", ".", "free") // → 0
 * parseMoney("−$3.00", ".")     // → -3
 */
export function parseMoney(text: string, decimalSeparator: "." | ",", freeText = "free"): number | null {
  const trimmed = text.trim();
  if (freeText !== "" && trimmed.toLowerCase() === freeText.toLowerCase()) return 0;
  const first = trimmed.search(/\d/);
  if (first < 0) return null;
  const negative = /[-−–]/.test(trimmed.slice(0, first));
  const number = /^\d[\d.,\s\u00a0\u202f']*/.exec(trimmed.slice(first))![0].replace(/[.,\s\u00a0\u202f']+$/, "");
  const grouping = decimalSeparator === "." ? /[,\s\u00a0\u202f']/g : /[.\s\u00a0\u202f']/g;
  const digits = number.replace(grouping, "").replace(decimalSeparator, ".");
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  const value = Number(digits);
  return negative ? -value : value;
}

/** The first whole number in a text ("× 2" → 2, "Qty: 3" → 3), or null. */
export function parseQuantity(text: string): number | null {
  const match = /\d+/.exec(text);
  return match ? Number(match[0]) : null;
}

/** Rounds money to cents, half away from zero, robust to binary fractions (1.005 → 1.01). */
export function roundCents(amount: number): number {
  return (Math.sign(amount) * Math.round(Math.abs(amount) * 100 + 1e-9)) / 100;
}
