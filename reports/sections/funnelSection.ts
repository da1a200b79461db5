import * as Plot from "@observablehq/plot";
import { formatCount, formatPercent, percentDigits } from "../../experiments/format/index.ts";
import type { StepResult, StoreResults } from "../../sim/model/index.ts";
import { labelMargin, plotChart } from "../charts/plotChart.ts";
import { reasonLabel, stepLabel } from "../labels.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, Section, SectionBuilder, Table } from "../reportTypes.ts";
import { numberCell, textCell } from "../table.ts";

/** The step whose `reached` is all sessions: shown in the caption, not as a bar (it would dwarf the checkout). */
const ENTRY_STEP = "browse";

/** Funnel: shoppers reaching each step from the cart to the order, with step-to-step continuation. */
export const funnelSection: SectionBuilder<StoreResults> = (results, context) => {
  const { funnel } = results;
  const steps = funnel.steps.filter((step, index) => !(index === 0 && step.step === ENTRY_STEP));
  if (steps.length === 0) return null;
  const worst = lowestContinuation(steps);
  const takeaway =
    `${formatPercent(funnel.conversionRate)} of sessions convert (${formatCount(funnel.orders)} orders from ${formatCount(funnel.sessions)} sessions)` +
    (worst === null ? "" : `; the biggest leak is the ${worst.step} step, where ${formatPercent(1 - (worst.continueRate ?? 0))} leave`);
  const section: Section = {
    id: `${context.idPrefix}-funnel`,
    title: "Funnel",
    takeaway,
    keyFigures: [
      { label: "Sessions", value: formatCount(funnel.sessions) },
      { label: "Add to cart", value: formatPercent(funnel.addToCartRate), detail: `${formatCount(funnel.carts)} carts` },
      { label: "Conversion", value: formatPercent(funnel.conversionRate), detail: `${formatCount(funnel.orders)} orders` },
      { label: "Cart abandonment", value: formatPercent(funnel.cartAbandonmentRate), detail: "1 − orders ÷ carts" },
      { label: "Checkout abandonment", value: formatPercent(funnel.checkoutAbandonmentRate), detail: `${formatCount(funnel.checkoutStarts)} checkout starts` },
    ],
    charts: [funnelChart(results, steps, context)],
    tables: [stepTable(funnel.steps, context)],
    notes: [],
  };
  return section;
};

function lowestContinuation(steps: readonly StepResult[]): StepResult | null {
  let worst: StepResult | null = null;
  for (const step of steps) {
    if (step.continueRate === null) continue;
    if (worst === null || step.continueRate < (worst.continueRate ?? Infinity)) worst = step;
  }
  return worst;
}

interface FunnelBar {
  label: string;
  reached: number;
  continued: number;
  note: string;
}

function funnelChart(results: StoreResults, steps: readonly StepResult[], context: RenderContext): Chart {
  const { funnel } = results;
  const bars: FunnelBar[] = steps.map((step) => ({
    label: stepLabel(step.step),
    reached: step.reached,
    continued: step.continued,
    note: `${formatCount(step.reached)} · ${formatPercent(step.continueRate)} continue`,
  }));
  bars.push({
    label: "Order",
    reached: funnel.orders,
    continued: funnel.orders,
    note: `${formatCount(funnel.orders)} · ${formatPercent(funnel.conversionRate)} of sessions`,
  });
  const entry = funnel.steps[0]?.step === ENTRY_STEP ? funnel.steps[0] : null;
  const labels = bars.map((bar) => bar.label);
  const rowHeight = 34;
  return plotChart(
    {
      key: "funnel-chart",
      title: "Shoppers reaching each step",
      caption:
        (entry === null ? "" : `${formatCount(entry.reached)} sessions → ${formatCount(entry.continued)} carts (${formatPercent(entry.continueRate)}). `) +
        `Dark bars: shoppers who went on to the next step.`,
      description: `Funnel bar chart: ${bars.map((bar) => `${bar.label} ${bar.note}`).join("; ")}`,
      legend: [
        { label: "reached the step", color: COLORS.primaryLight, shape: "square" },
        { label: "went on to the next step", color: COLORS.primary, shape: "square" },
      ],
      plot: {
        height: bars.length * rowHeight + 50,
        marginLeft: labelMargin(labels),
        marginRight: 200,
        y: { domain: labels, label: null, tickSize: 0 },
        x: { label: "shoppers", grid: true, tickFormat: context.format.compact, labelAnchor: "right" },
        marks: [
          Plot.barX(bars, { y: "label", x: "reached", fill: COLORS.primaryLight, insetTop: 3, insetBottom: 3 }),
          Plot.barX(bars, { y: "label", x: "continued", fill: COLORS.primary, insetTop: 3, insetBottom: 3 }),
          Plot.text(bars, { y: "label", x: "reached", text: "note", textAnchor: "start", dx: 6, fill: "#222" }),
          Plot.ruleX([0]),
        ],
      },
    },
    context,
  );
}

function stepTable(steps: readonly StepResult[], context: RenderContext): Table {
  // One percent precision per column, so rates line up on the decimal point.
  const continueDigits = percentDigits(steps.map((step) => step.continueRate));
  const abandonDigits = percentDigits(steps.map((step) => (step.reached > 0 ? step.abandoned / step.reached : null)));
  return {
    id: `${context.idPrefix}-funnel-steps`,
    caption: "Funnel steps: shoppers reaching each step, going on, and leaving with a reason",
    sortable: true,
    columns: [
      { label: "Step", numeric: false },
      { label: "Reached", numeric: true },
      { label: "Continued", numeric: true },
      { label: "Continue rate", numeric: true },
      { label: "Abandoned", numeric: true },
      { label: "Abandonment rate", numeric: true },
      { label: "Top reason", numeric: false },
    ],
    rows: steps.map((step, index) => {
      const abandonmentRate = step.reached > 0 ? step.abandoned / step.reached : null;
      const top = Object.entries(step.byReason)
        .filter(([, count]) => (count ?? 0) > 0)
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
      return [
        { text: stepLabel(step.step), sortValue: index },
        numberCell(step.reached, formatCount(step.reached)),
        numberCell(step.continued, formatCount(step.continued)),
        numberCell(step.continueRate, formatPercent(step.continueRate, continueDigits)),
        numberCell(step.abandoned, formatCount(step.abandoned)),
        numberCell(abandonmentRate, formatPercent(abandonmentRate, abandonDigits)),
        textCell(top === undefined ? "–" : `${reasonLabel(top[0])} (${formatCount(top[1] ?? 0)})`),
      ];
    }),
  };
}
