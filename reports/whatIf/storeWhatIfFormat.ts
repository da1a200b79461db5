import type { Formatter } from "../../experiments/format/index.ts";
import type { StoreWhatIfFigures } from "./storeWhatIfLevers.ts";

/** How a figure is written. */
export type StoreFigureFormat = "percent2" | "percent1" | "count" | "money" | "seconds";

/** The store panel's rows, in order: the decision figures first, then the desk's. */
export const STORE_WHAT_IF_ROWS: readonly { readonly key: keyof StoreWhatIfFigures; readonly label: string; readonly format: StoreFigureFormat }[] = [
  { key: "conversionRate", label: "Conversion", format: "percent2" },
  { key: "orders", label: "Orders", format: "count" },
  { key: "revenue", label: "Revenue", format: "money" },
  { key: "contributionProfit", label: "Contribution profit", format: "money" },
  { key: "sessions", label: "Sessions", format: "count" },
  { key: "chatRequests", label: "Chat requests", format: "count" },
  { key: "serviceLevel", label: "Service level", format: "percent1" },
  { key: "meanWaitOfServedSeconds", label: "Mean wait (answered)", format: "seconds" },
  { key: "agentCost", label: "Agent cost", format: "money" },
];

/**
 * One figure as the panel writes it, with the report's formatter; the Web Worker formats its
 * figures with this same function, so the published and what-if columns read alike, and like the
 * CLI summary (conversion with two decimals, money whole): `"2.31%"`, `"$44,678"`, `"5.8 s"`.
 */
export function formatStoreFigure(value: number | null, format: StoreFigureFormat, formatter: Formatter): string {
  if (value === null) return "–";
  switch (format) {
    case "percent2":
      return formatter.percent(value, 2);
    case "percent1":
      return formatter.percent(value, 1);
    case "count":
      return formatter.count(value);
    case "money":
      return formatter.money(value, false, 0);
    case "seconds":
      return formatter.seconds(value);
  }
}

/** What-if minus published, signed, in the figure's unit (shares in percentage points): `"+0.41 pp"`, `"+$812"`, `"−3"`, `"±0"`. */
export function formatStoreChange(whatIf: number | null, published: number | null, format: StoreFigureFormat, formatter: Formatter): string {
  if (whatIf === null || published === null) return "–";
  const change = whatIf - published;
  switch (format) {
    case "percent2":
      return formatter.pp(change, 2, true);
    case "percent1":
      return formatter.pp(change, 1, true);
    case "count":
      return `${change > 0 ? "+" : change === 0 ? "±" : ""}${formatter.count(change)}`;
    case "money":
      return formatter.money(change, true, 0);
    case "seconds":
      return formatter.seconds(change, true);
  }
}
