import { formatMoney, formatNumber, formatPercent } from "../../experiments/format/index.ts";
import type { ComparisonResults } from "../inputTypes.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Table, TableCell } from "../reportTypes.ts";
import { numberCell, textCell } from "../table.ts";

const CLASSES = [
  { key: "highValue", label: "high-value" },
  { key: "standard", label: "standard" },
] as const;

/**
 * A comparison of desk reservations, class by class: each variant's high-value and standard chats
 * with their mean wait, queue abandonment, service level and rescued orders and revenue (means over
 * the replications), and, beside each variant other than the control, the paired change of that
 * figure against the control: what the reservation costs the standard chats and saves the high-value
 * ones. Null when the comparison has no per-class figures (no variant has a reservation).
 */
export function chatClassTable(comparison: ComparisonResults, context: RenderContext): Table | null {
  const hasClasses = comparison.variants.some((variant) => variant.kpis.highValueMeanWaitSeconds !== undefined);
  if (!hasClasses) return null;
  const change = (variant: string, metric: string): number | null =>
    comparison.differences.find((difference) => difference.variant === variant && difference.metric === metric)?.difference.mean ?? null;
  const cell = (variant: string, metric: string, format: (value: number) => string, signed: (value: number) => string): TableCell => {
    const mean = comparison.variants.find((candidate) => candidate.name === variant)?.kpis[metric]?.mean ?? null;
    const delta = variant === comparison.control ? null : change(variant, metric);
    const text = mean === null ? "–" : `${format(mean)}${delta === null ? "" : ` (${signed(delta)})`}`;
    return numberCell(mean, text);
  };
  const seconds = (value: number) => `${formatNumber(value, 1)} s`;
  const signedSeconds = (value: number) => `${value >= 0 ? "+" : "−"}${formatNumber(Math.abs(value), 1)} s`;
  const percent = (value: number) => formatPercent(value);
  const signedPoints = (value: number) => `${value >= 0 ? "+" : "−"}${formatNumber(Math.abs(value) * 100, 1)} pp`;
  const count = (value: number) => formatNumber(value, 1);
  const signedCount = (value: number) => `${value >= 0 ? "+" : "−"}${formatNumber(Math.abs(value), 1)}`;
  const money = (value: number) => formatMoney(value, context.currency);
  const signedMoney = (value: number) => `${value >= 0 ? "+" : "−"}${formatMoney(Math.abs(value), context.currency)}`;
  const rows = comparison.variants.flatMap((variant) =>
    CLASSES.map(({ key, label }) => [
      textCell(variant.name),
      textCell(label),
      cell(variant.name, `${key}MeanWaitSeconds`, seconds, signedSeconds),
      cell(variant.name, `${key}QueueAbandonmentRate`, percent, signedPoints),
      cell(variant.name, `${key}ServiceLevel`, percent, signedPoints),
      cell(variant.name, `${key}RescuedOrders`, count, signedCount),
      cell(variant.name, `${key}RescuedRevenue`, money, signedMoney),
    ]),
  );
  return {
    id: `${context.idPrefix}-chat-classes`,
    caption: `Chats by class (high-value chats hold the reservation): means per replication; in brackets the paired change against ${comparison.control}, what the reservation costs the standard chats and saves the high-value ones`,
    columns: [
      { label: "Variant", numeric: false },
      { label: "Class", numeric: false },
      { label: "Mean wait", numeric: true },
      { label: "Queue abandonment", numeric: true },
      { label: "Service level", numeric: true },
      { label: "Rescued orders", numeric: true },
      { label: "Rescued revenue", numeric: true },
    ],
    rows,
    sortable: true,
  };
}
