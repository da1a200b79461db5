/**
 * Number formatters by currency code. Building an Intl.NumberFormat is far dearer than using one
 * (`toLocaleString` with options builds one per call: it was a seventh of the store's CPU under the
 * protocol personas), so each is built once. Formatters are immutable and the key set is the few
 * currencies in use, so sharing them across stores and runs changes no result.
 */
const formatters = new Map<string, Intl.NumberFormat | null>();

/**
 * A money amount for display in the scenario's currency (no simulator imports, so the browser
 * bundles can use it too).
 *
 * formatMoney(1234.5, "USD") // → "$1,234.50"
 */
export function formatMoney(amount: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (formatter === undefined) {
    formatter = currencyFormatter(currency);
    formatters.set(currency, formatter);
  }
  // An unknown currency code: plain number plus code rather than a crash.
  return formatter === null ? `${amount.toFixed(2)} ${currency}` : formatter.format(amount);
}

function currencyFormatter(currency: string): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency });
  } catch {
    return null;
  }
}
