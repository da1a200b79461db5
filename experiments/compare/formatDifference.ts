import { formatInterval } from "../format/index.ts";
import type { KpiUnit } from "../kpis/index.ts";
import type { Estimate } from "../stats/index.ts";

/** A difference with its interval, as every output shows it: rates in percentage points, e.g. "+0.41 pp [+0.22 pp, +0.60 pp]". */
export function formatDifference(estimate: Estimate, unit: KpiUnit, currency = "USD", locale?: string): string {
  return formatInterval(estimate.mean, estimate.lower, estimate.upper, unit, currency, true, locale);
}
