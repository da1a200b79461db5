import type { KpiUnit } from "../kpis/index.ts";
import type { Estimate } from "../stats/index.ts";

/** A value of a KPI in words: rates in %, money with the currency, seconds in s. */
export function formatValue(value: number, unit: KpiUnit, currency = "USD"): string {
  if (unit === "rate") return `${(value * 100).toFixed(2)}%`;
  if (unit === "money") {
    const digits = Math.abs(value) < 10 ? 3 : Math.abs(value) < 1000 ? 2 : 0;
    return value.toLocaleString("en-US", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  if (unit === "seconds") return `${value.toFixed(1)} s`;
  return value.toLocaleString("en-US", { maximumFractionDigits: 1 });
}

/** A difference with its interval: rates in percentage points, e.g. "0.41 pp [0.22, 0.60]". */
export function formatDifference(estimate: Estimate, unit: KpiUnit, currency = "USD"): string {
  const scale = unit === "rate" ? 100 : 1;
  const largest = Math.max(Math.abs(estimate.mean), Math.abs(estimate.lower ?? 0), Math.abs(estimate.upper ?? 0));
  const digits = unit === "rate" ? 2 : unit === "money" ? (largest >= 100 ? 0 : largest >= 1 ? 2 : 3) : 1;
  const suffix = unit === "rate" ? " pp" : unit === "seconds" ? " s" : unit === "money" ? ` ${currency}` : "";
  const show = (value: number): string => (value * scale).toFixed(digits);
  const interval = estimate.lower === null || estimate.upper === null ? "" : ` [${show(estimate.lower)}, ${show(estimate.upper)}]`;
  return `${estimate.mean * scale >= 0 ? "+" : ""}${show(estimate.mean)}${suffix}${interval}`;
}
