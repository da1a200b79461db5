/**
 * A money amount for display in the scenario's currency (no simulator imports, so the browser
 * bundles can use it too).
 *
 * formatMoney(1234.5, "USD") // → "$1,234.50"
 */
export function formatMoney(amount: number, currency: string): string {
  try {
    return amount.toLocaleString("en-US", { style: "currency", currency });
  } catch {
    // An unknown currency code: plain number plus code rather than a crash.
    return `${amount.toFixed(2)} ${currency}`;
  }
}
