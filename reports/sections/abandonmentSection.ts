import * as Plot from "@observablehq/plot";
import { formatCount, formatPercent, percentDigits } from "../../experiments/format/index.ts";
import type { StoreResults } from "../../sim/model/index.ts";
import { colorOptions, colorRampLegend, countColorScale } from "../charts/countColorScale.ts";
import { labelMargin, plotChart } from "../charts/plotChart.ts";
import { NON_CHECKOUT_REASONS, reasonLabel, stepLabel } from "../labels.ts";
import { COLORS, DARK_TEXT_FROM } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, SectionBuilder, Table } from "../reportTypes.ts";
import { numberCell, textCell } from "../table.ts";

interface ReasonCount {
  reason: string;
  label: string;
  count: number;
  /** Share of all abandonments. */
  share: number;
  /** Share among checkout-reason abandonments, or null for the non-checkout reasons. */
  checkoutShare: number | null;
  group: "checkout problem" | "not a checkout problem";
}

/** Abandonment: where shoppers leave (by step) and why (by reason), and the two together. */
export const abandonmentSection: SectionBuilder<StoreResults> = (results, context) => {
  const reasons = reasonCounts(results);
  const total = reasons.reduce((sum, reason) => sum + reason.count, 0);
  if (total === 0) return null;
  const steps = results.funnel.steps.filter((step) => step.abandoned > 0);
  const topCheckout = reasons.find((reason) => reason.checkoutShare !== null);
  const topStep = [...steps].sort((a, b) => b.abandoned - a.abandoned)[0];
  const takeaway = [
    topCheckout === undefined
      ? null
      : `${topCheckout.label} is the top checkout reason: ${formatPercent(topCheckout.checkoutShare)} of checkout abandonments (${formatCount(topCheckout.count)})`,
    topStep === undefined ? null : `most shoppers leave at the ${topStep.step} step (${formatCount(topStep.abandoned)})`,
  ]
    .filter((part): part is string => part !== null)
    .join("; ");
  return {
    id: `${context.idPrefix}-abandonment`,
    title: "Abandonment",
    takeaway: takeaway.length > 0 ? takeaway[0].toUpperCase() + takeaway.slice(1) : takeaway,
    keyFigures: [],
    charts: [byStepChart(results, context), byReasonChart(reasons, context), reasonByStepChart(results, context)],
    tables: [reasonTable(reasons, context)],
    notes: [],
  };
};

function reasonCounts(results: StoreResults): ReasonCount[] {
  const entries = Object.entries(results.abandonment.byReason).filter(([, count]) => count > 0);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const checkoutTotal = entries.filter(([reason]) => !NON_CHECKOUT_REASONS.has(reason)).reduce((sum, [, count]) => sum + count, 0);
  return entries
    .map(([reason, count]) => {
      const checkout = !NON_CHECKOUT_REASONS.has(reason);
      return {
        reason,
        label: reasonLabel(reason),
        count,
        share: total > 0 ? count / total : 0,
        checkoutShare: checkout && checkoutTotal > 0 ? count / checkoutTotal : null,
        group: checkout ? ("checkout problem" as const) : ("not a checkout problem" as const),
      };
    })
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function byStepChart(results: StoreResults, context: RenderContext): Chart {
  const rows = results.funnel.steps
    .filter((step) => step.reached > 0 && (step.abandoned > 0 || step.step !== "browse"))
    .map((step) => {
      const rate = step.abandoned / step.reached;
      return {
        label: stepLabel(step.step),
        abandoned: step.abandoned,
        rate,
        note: `${formatCount(step.abandoned)} · ${formatPercent(rate)} of those reaching it`,
      };
    });
  const worst = [...rows].sort((a, b) => b.rate - a.rate)[0];
  return plotChart(
    {
      key: "abandonment-by-step",
      title: "Abandonment by step",
      caption:
        worst === undefined
          ? "No abandonments."
          : `${worst.label} has the highest abandonment rate: ${formatPercent(worst.rate)} of shoppers reaching it leave there.`,
      description: `Bar chart of abandonments per step: ${rows.map((row) => `${row.label} ${row.note}`).join("; ")}`,
      plot: {
        height: rows.length * 30 + 50,
        marginLeft: labelMargin(rows.map((row) => row.label)),
        marginRight: 240,
        y: { domain: rows.map((row) => row.label), label: null, tickSize: 0 },
        x: { label: "abandonments", grid: true, labelAnchor: "right" },
        marks: [
          Plot.barX(rows, { y: "label", x: "abandoned", fill: COLORS.bad, insetTop: 4, insetBottom: 4 }),
          Plot.text(rows, { y: "label", x: "abandoned", text: "note", textAnchor: "start", dx: 6, fill: "#222" }),
          Plot.ruleX([0]),
        ],
      },
    },
    context,
  );
}

function byReasonChart(reasons: readonly ReasonCount[], context: RenderContext): Chart {
  const labels = reasons.map((reason) => reason.label);
  const rows = reasons.map((reason) => ({ ...reason, note: `${formatCount(reason.count)} · ${formatPercent(reason.share)}` }));
  return plotChart(
    {
      key: "abandonment-by-reason",
      title: "Abandonment by reason",
      caption: "Share of all abandonments; grey reasons are not checkout problems (the shopper only browsed, or a chat invitation annoyed them).",
      description: `Bar chart of abandonments by reason: ${rows.map((row) => `${row.label} ${row.note}`).join("; ")}`,
      legend: [
        { label: "checkout problem", color: COLORS.bad, shape: "square" },
        { label: "not a checkout problem", color: COLORS.neutral, shape: "square" },
      ],
      plot: {
        height: rows.length * 26 + 50,
        marginLeft: labelMargin(labels),
        marginRight: 120,
        y: { domain: labels, label: null, tickSize: 0 },
        x: { label: "abandonments", grid: true, labelAnchor: "right" },
        color: { domain: ["checkout problem", "not a checkout problem"], range: [COLORS.bad, COLORS.neutral] },
        marks: [
          Plot.barX(rows, { y: "label", x: "count", fill: "group", insetTop: 3, insetBottom: 3 }),
          Plot.text(rows, { y: "label", x: "count", text: "note", textAnchor: "start", dx: 6, fill: "#222" }),
          Plot.ruleX([0]),
        ],
      },
    },
    context,
  );
}

function reasonByStepChart(results: StoreResults, context: RenderContext): Chart {
  const steps = results.funnel.steps.filter((step) => step.abandoned > 0);
  const cells = steps.flatMap((step) =>
    Object.entries(step.byReason)
      .filter(([, count]) => (count ?? 0) > 0)
      .map(([reason, count]) => ({ step: stepLabel(step.step), reason: reasonLabel(reason), count: count ?? 0 })),
  );
  const reasonOrder = reasonCounts(results).map((reason) => reason.label);
  const reasons = reasonOrder.filter((label) => cells.some((cell) => cell.reason === label));
  // Counts are skewed (just browsing at the cart dwarfs the rest): a log scale once they span orders of magnitude.
  const scale = countColorScale(cells.map((cell) => cell.count));
  const largest = [...cells].sort((a, b) => b.count - a.count)[0];
  return plotChart(
    {
      key: "abandonment-reason-by-step",
      title: "Reasons by step",
      caption:
        largest === undefined
          ? "No abandonments with a reason."
          : `The largest single cause: ${largest.reason.toLowerCase()} at ${largest.step.toLowerCase()} (${formatCount(largest.count)}).`,
      description: `Heatmap of abandonments by step and reason: ${cells.map((cell) => `${cell.step}, ${cell.reason}: ${formatCount(cell.count)}`).join("; ")}`,
      legendPlot: colorRampLegend(scale, { label: "abandonments", format: context.format.compact }),
      data: cells.map((cell) => ({ step: cell.step, reason: cell.reason, abandonments: cell.count })),
      plot: {
        height: reasons.length * 28 + 90,
        marginLeft: labelMargin(reasons),
        marginTop: 30,
        padding: 0.04,
        x: { domain: steps.map((step) => stepLabel(step.step)), label: null, axis: "top", tickSize: 0 },
        y: { domain: reasons, label: null, tickSize: 0 },
        color: colorOptions(scale),
        marks: [
          Plot.cell(cells, {
            x: "step",
            y: "reason",
            fill: "count",
            inset: 1,
            title: (cell: (typeof cells)[number]) => `${cell.reason} at ${cell.step}: ${context.format.count(cell.count)}`,
          }),
          Plot.text(cells, {
            x: "step",
            y: "reason",
            text: (cell: (typeof cells)[number]) => formatCount(cell.count),
            // The darker part of the ramp gets white text (contrast ≥ 4.5:1 there).
            fill: (cell: (typeof cells)[number]) => (scale.position(cell.count) >= DARK_TEXT_FROM ? "white" : "#111"),
          }),
        ],
      },
    },
    context,
  );
}

function reasonTable(reasons: readonly ReasonCount[], context: RenderContext): Table {
  // One precision per column, so shares line up on the decimal point.
  const shareDigits = percentDigits(reasons.map((reason) => reason.share));
  const checkoutDigits = percentDigits(reasons.map((reason) => reason.checkoutShare));
  return {
    id: `${context.idPrefix}-abandonment-reasons`,
    caption: "Abandonments by reason, with shares of all abandonments and of checkout-problem abandonments",
    sortable: true,
    columns: [
      { label: "Reason", numeric: false },
      { label: "Abandonments", numeric: true },
      { label: "Share of all", numeric: true },
      { label: "Share of checkout problems", numeric: true },
    ],
    rows: reasons.map((reason) => [
      textCell(reason.label),
      numberCell(reason.count, context.format.count(reason.count)),
      numberCell(reason.share, context.format.percent(reason.share, shareDigits)),
      numberCell(reason.checkoutShare, context.format.percent(reason.checkoutShare, checkoutDigits)),
    ]),
  };
}
