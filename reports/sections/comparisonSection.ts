import * as Plot from "@observablehq/plot";
import {
  formatBounds,
  formatCount,
  formatInterval,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPp,
  formatPValue,
  formatSignedPercent,
  formatValue,
} from "../../experiments/format/index.ts";
import { labelMargin, plotChart } from "../charts/plotChart.ts";
import type { ComparisonDifference, ComparisonResults } from "../inputTypes.ts";
import { capitalize } from "../labels.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, SectionBuilder, Table } from "../reportTypes.ts";
import { numberCell, textCell } from "../table.ts";
import { chatClassTable } from "./chatClassTable.ts";

/** How a difference reads against the metric's good direction ("changed": significant on a neutral metric). */
type Effect = "better" | "worse" | "changed" | "no clear difference";

const EFFECT_COLORS: Readonly<Record<Effect, string>> = {
  better: COLORS.good,
  worse: COLORS.bad,
  changed: COLORS.primary,
  "no clear difference": COLORS.neutral,
};
const EFFECT_ORDER: readonly Effect[] = ["better", "worse", "changed", "no clear difference"];
const EFFECT_TEXT: Readonly<Record<Effect, string>> = {
  better: "✓ better",
  worse: "✗ worse",
  changed: "• changed",
  "no clear difference": "– no clear difference",
};

const CORRECTIONS: Readonly<Record<ComparisonResults["correction"], string>> = {
  holm: "Holm's step-down correction (family-wise error)",
  "benjamini-hochberg": "the Benjamini–Hochberg correction (false discovery rate)",
  none: "no correction for multiple comparisons",
};

/** Policy comparison: lift per variant with confidence intervals, guardrails, probability of being best. */
export const comparisonSection: SectionBuilder<ComparisonResults> = (comparison, context) => {
  const primary = comparison.differences.filter((difference) => difference.metric === comparison.primaryMetric);
  const best = bestDifference(primary);
  const primaryLabel = primary[0]?.label ?? comparison.primaryMetric;
  const level = formatPercent(comparison.level, 0);
  const takeaway =
    best !== null && effectOf(best) === "better"
      ? `${describeDifference(best, context)} over ${comparison.control}`
      : `No policy beats ${comparison.control} on ${primaryLabel.toLowerCase()} at ${level} confidence` +
        (best === null
          ? ""
          : ` (closest: ${best.variant}, ${formatInterval(best.difference.mean, best.difference.lower, best.difference.upper, best.unit, context.currency, true)})`);
  const topRank = [...comparison.ranking].sort((a, b) => b.probabilityBest - a.probabilityBest)[0];
  const charts: Chart[] = [];
  if (primary.length > 0) charts.push(forestChart(comparison, primary, context));
  // Every metric, guardrails included: one whose control is 0 (annoyed exits under a reactive-only
  // control) has no relative change, and is drawn at the panel's edge labelled with its absolute change.
  if (comparison.differences.length > 0) charts.push(relativeChangeChart(comparison, comparison.differences, context));
  if (comparison.ranking.length > 0) charts.push(probabilityBestChart(comparison, context));
  return {
    id: `${context.idPrefix}-comparison`,
    title: "Policy comparison",
    takeaway,
    keyFigures: [
      { label: "Control", value: comparison.control, detail: `${comparison.variants.length - 1} policies compared` },
      ...(best === null
        ? []
        : [
            {
              label: `${capitalize(primaryLabel)}, ${effectOf(best) === "better" ? "best" : "closest"} policy`,
              value: formatValue(best.difference.mean, best.unit, context.currency, { difference: true }),
              detail: `${best.variant}, ${level} CI ${formatBounds(best.difference.lower, best.difference.upper, best.unit, context.currency, true)}`,
            },
          ]),
      ...(topRank === undefined ? [] : [{ label: "Most likely best", value: formatPercent(topRank.probabilityBest, 0), detail: topRank.variant }]),
      { label: "Replications", value: formatCount(comparison.replications), detail: "common random numbers" },
    ],
    charts,
    tables: [chatClassTable(comparison, context), ...guardrailsTables(comparison, context)].filter((table): table is Table => table !== null),
    notes: [
      capitalize(comparison.verdict),
      `Intervals are ${level} confidence intervals over ${formatCount(comparison.replications)} paired replications (common random numbers). The primary metric's p-values are adjusted with ${CORRECTIONS[comparison.correction] ?? comparison.correction}; the other metrics are guardrails, shown as the comparison reports them.`,
      ...(comparison.errored ?? []).map(
        (error) =>
          `Warning: replication ${error.replication} of ${error.variant} failed (${error.error}); the statistics use the replications every variant completed.`,
      ),
    ].filter((note) => note.length > 0),
  };
};

/** better: significant and in the metric's good direction; worse: significant the other way; changed: significant, no good direction. */
export function effectOf(difference: ComparisonDifference): Effect {
  if (!difference.significant) return "no clear difference";
  if (difference.direction === "neutral") return "changed";
  const improves = difference.direction === "higher" ? difference.difference.mean > 0 : difference.difference.mean < 0;
  return improves ? "better" : "worse";
}

function bestDifference(differences: readonly ComparisonDifference[]): ComparisonDifference | null {
  let best: ComparisonDifference | null = null;
  for (const difference of differences) {
    const score = (candidate: ComparisonDifference): number => (candidate.direction === "lower" ? -1 : 1) * candidate.difference.mean;
    const rank = (candidate: ComparisonDifference): number => (effectOf(candidate) === "better" ? 1 : 0);
    if (best === null || rank(difference) > rank(best) || (rank(difference) === rank(best) && score(difference) > score(best))) best = difference;
  }
  return best;
}

function describeDifference(difference: ComparisonDifference, context: RenderContext): string {
  const { mean, lower, upper } = difference.difference;
  const verb = mean >= 0 ? (difference.direction === "higher" ? "lifts" : "raises") : difference.direction === "lower" ? "cuts" : "lowers";
  // Magnitudes: "lifts conversion by 0.41 pp [0.31, 0.51]" (a negative interval is flipped with it).
  const [from, to] = mean >= 0 ? [lower, upper] : [upper === null ? null : -upper, lower === null ? null : -lower];
  const interval = formatInterval(Math.abs(mean), from, to, difference.unit, context.currency, difference.unit === "rate").replace(/^\+/, "");
  return `${difference.variant} ${verb} ${difference.label.toLowerCase()} by ${interval}`;
}

/**
 * Axis ticks of a difference: signed and short ("+0.05" in a pp axis, "+$500", "+10 s"), with as
 * many decimals as the tick spacing of an axis spanning ±`extent` needs (about 8 ticks).
 */
function differenceTick(unit: ComparisonDifference["unit"], currency: string, extent: number): (value: number) => string {
  const step = (2 * extent * (unit === "rate" ? 100 : 1)) / 8;
  const digits = Math.min(4, Math.max(0, Math.ceil(-Math.log10(step))));
  return (value) => {
    if (Math.abs(value) < 1e-12) return "0";
    if (unit === "rate") return formatPp(value, digits).replace(/ pp$/, "");
    if (unit === "money") return formatMoney(value, currency, true, Math.min(2, digits));
    if (unit === "seconds") return formatValue(value, unit, currency, { difference: true });
    return `${value > 0 ? "+" : "−"}${formatNumber(Math.abs(value), digits)}`;
  };
}

function forestChart(comparison: ComparisonResults, primary: readonly ComparisonDifference[], context: RenderContext): Chart {
  const rows = primary.map((difference) => ({
    variant: difference.variant,
    mean: difference.difference.mean,
    lower: difference.difference.lower,
    upper: difference.difference.upper,
    effect: effectOf(difference),
    note: formatInterval(difference.difference.mean, difference.difference.lower, difference.difference.upper, difference.unit, context.currency, true),
  }));
  const label = primary[0].label;
  const unit = primary[0].unit;
  const extent = Math.max(...rows.map((row) => Math.max(Math.abs(row.lower ?? row.mean), Math.abs(row.upper ?? row.mean))), 1e-12);
  const format = differenceTick(unit, context.currency, extent * 1.1);
  return plotChart(
    {
      key: "comparison-forest",
      title: `${capitalize(label)}: difference from ${comparison.control}`,
      caption: `Dots are mean differences, lines their ${formatPercent(comparison.level, 0)} confidence intervals; an interval clear of zero is a significant change.`,
      description: `Forest plot of the difference in ${label.toLowerCase()} from ${comparison.control}: ${rows.map((row) => `${row.variant} ${row.note}, ${row.effect}`).join("; ")}`,
      legend: EFFECT_ORDER.filter((effect) => rows.some((row) => row.effect === effect)).map((effect) => ({
        label: effect,
        color: EFFECT_COLORS[effect],
        shape: "dot" as const,
      })),
      plot: {
        height: rows.length * 40 + 60,
        marginLeft: labelMargin(rows.map((row) => row.variant)),
        marginRight: 190,
        marginBottom: 44,
        y: { domain: rows.map((row) => row.variant), label: null, tickSize: 0 },
        x: {
          domain: [-extent * 1.1, extent * 1.1],
          label: `difference in ${label.toLowerCase()}${unit === "rate" ? " (pp)" : ""}`,
          tickFormat: format,
          grid: true,
          labelAnchor: "center",
          labelArrow: "none",
        },
        color: { domain: [...EFFECT_ORDER], range: EFFECT_ORDER.map((effect) => EFFECT_COLORS[effect]) },
        marks: [
          Plot.ruleX([0], { stroke: COLORS.neutral, strokeDasharray: "4,3" }),
          Plot.ruleY(rows, { y: "variant", x1: "lower", x2: "upper", stroke: "effect", strokeWidth: 2.5 }),
          Plot.dot(rows, { y: "variant", x: "mean", fill: "effect", r: 5, stroke: "white" }),
          Plot.text(rows, { y: "variant", text: "note", frameAnchor: "right", textAnchor: "start", dx: 12, fill: "#222" }),
        ],
      },
    },
    context,
  );
}

/** Widest relative change the panel shows; larger ones are pinned to the edge and labelled with their value. */
const RELATIVE_LIMIT = 1;

function relativeChangeChart(comparison: ComparisonResults, differences: readonly ComparisonDifference[], context: RenderContext): Chart {
  const raw = differences.map((difference) => {
    const fromZero = difference.relativeLift === null;
    // From a control of 0 any change is an infinite relative one: pinned to the edge below.
    const edge = Math.sign(difference.difference.mean) * Number.MAX_VALUE;
    return {
      metric: capitalize(difference.label),
      variant: difference.variant,
      mean: fromZero ? edge : difference.relativeLift!.mean,
      lower: fromZero ? null : difference.relativeLift!.lower,
      upper: fromZero ? null : difference.relativeLift!.upper,
      effect: effectOf(difference),
      fromZero: fromZero ? `${formatValue(difference.difference.mean, difference.unit, context.currency, { difference: true })} from 0` : null,
    };
  });
  const metrics = [...new Set(raw.map((row) => row.metric))];
  const variants = [...new Set(raw.map((row) => row.variant))];
  const worse = raw.filter((row) => row.effect === "worse");
  const worstRow = [...worse].sort((a, b) => Math.abs(b.mean) - Math.abs(a.mean))[0];
  const extent = Math.max(
    ...raw.filter((row) => row.fromZero === null).map((row) => Math.max(Math.abs(row.lower ?? row.mean), Math.abs(row.upper ?? row.mean))),
    1e-12,
  );
  // A huge relative change (against a near-zero control) would squeeze every other row to a dot at 0.
  const limit = Math.min(extent * 1.05, RELATIVE_LIMIT);
  const clamp = (value: number | null): number | null => (value === null ? null : Math.max(-limit, Math.min(limit, value)));
  const rows = raw.map((row) => ({
    ...row,
    shownMean: clamp(row.mean)!,
    shownLower: clamp(row.lower),
    shownUpper: clamp(row.upper),
    clipped: Math.abs(row.mean) > limit,
  }));
  const clipped = rows.filter((row) => row.clipped).map((row) => ({ ...row, note: row.fromZero ?? formatSignedPercent(row.mean, 0) }));
  return plotChart(
    {
      key: "comparison-relative",
      title: "Every metric: relative change from the control",
      caption:
        (worstRow === undefined
          ? "No policy makes any metric significantly worse."
          : `${worse.length} significant harm${worse.length === 1 ? "" : "s"} across ${new Set(worse.map((row) => row.variant)).size} of ${variants.length} policies; the largest: ${worstRow.metric.toLowerCase()} under ${worstRow.variant} (${worstRow.fromZero ?? formatSignedPercent(worstRow.mean, 0)}).`) +
        (clipped.length > 0 ? ` Changes beyond ±${formatPercent(limit, 0)} sit at the edge, labelled.` : ""),
      description: `Forest plots of relative change from ${comparison.control}, one panel per metric: ${rows.map((row) => `${row.metric}, ${row.variant}: ${row.fromZero ?? formatSignedPercent(row.mean)} (${row.effect})`).join("; ")}`,
      legend: EFFECT_ORDER.filter((effect) => rows.some((row) => row.effect === effect)).map((effect) => ({
        label: effect,
        color: EFFECT_COLORS[effect],
        shape: "dot" as const,
      })),
      plot: {
        height: rows.length * 20 + metrics.length * 14 + 60,
        marginLeft: labelMargin(variants),
        marginRight: labelMargin(metrics, 60),
        marginBottom: 44,
        fy: { domain: metrics, label: null, axis: "right", tickSize: 0 },
        y: { domain: variants, label: null, tickSize: 0 },
        x: {
          domain: [-limit * 1.12, limit * 1.12],
          label: "relative change from the control",
          tickFormat: "+.0%",
          grid: true,
          labelAnchor: "center",
          labelArrow: "none",
        },
        color: { domain: [...EFFECT_ORDER], range: EFFECT_ORDER.map((effect) => EFFECT_COLORS[effect]) },
        marks: [
          Plot.frame({ stroke: COLORS.rule }),
          Plot.ruleX([0], { stroke: COLORS.neutral, strokeDasharray: "4,3" }),
          Plot.ruleY(rows, { fy: "metric", y: "variant", x1: "shownLower", x2: "shownUpper", stroke: "effect", strokeWidth: 2 }),
          Plot.dot(rows, {
            fy: "metric",
            y: "variant",
            x: "shownMean",
            fill: "effect",
            r: 4,
            stroke: "white",
            symbol: (row: (typeof rows)[number]) => (row.clipped ? "diamond" : "circle"),
          }),
          // Text anchoring is a constant in Plot, so the two edges get one mark each.
          Plot.text(
            clipped.filter((row) => row.mean > 0),
            {
              fy: "metric",
              y: "variant",
              x: "shownMean",
              text: "note",
              textAnchor: "end",
              dx: -10,
              dy: -7,
              fill: "#222",
              stroke: "white",
              strokeWidth: 3,
              paintOrder: "stroke",
            },
          ),
          Plot.text(
            clipped.filter((row) => row.mean < 0),
            {
              fy: "metric",
              y: "variant",
              x: "shownMean",
              text: "note",
              textAnchor: "start",
              dx: 10,
              dy: -7,
              fill: "#222",
              stroke: "white",
              strokeWidth: 3,
              paintOrder: "stroke",
            },
          ),
        ],
      },
    },
    context,
  );
}

function probabilityBestChart(comparison: ComparisonResults, context: RenderContext): Chart {
  const rows = [...comparison.ranking]
    .sort((a, b) => b.probabilityBest - a.probabilityBest)
    .map((rank) => ({ ...rank, note: formatPercent(rank.probabilityBest, 0), group: rank.variant === comparison.control ? "control" : "policy" }));
  const [top] = rows;
  return plotChart(
    {
      key: "comparison-probability-best",
      title: "Probability of being best",
      caption: `${top.variant} is best on ${comparison.primaryMetric === "" ? "the primary metric" : (comparison.differences.find((d) => d.metric === comparison.primaryMetric)?.label ?? comparison.primaryMetric).toLowerCase()} with probability ${formatPercent(top.probabilityBest, 0)}.`,
      description: `Bar chart of the probability that each policy is best: ${rows.map((row) => `${row.variant} ${row.note}`).join("; ")}`,
      legend: [
        { label: "policy", color: COLORS.primary, shape: "square" },
        { label: "control", color: COLORS.neutral, shape: "square" },
      ],
      plot: {
        height: rows.length * 30 + 50,
        marginLeft: labelMargin(rows.map((row) => row.variant)),
        marginRight: 60,
        y: { domain: rows.map((row) => row.variant), label: null, tickSize: 0 },
        x: { domain: [0, 1], label: "probability of being best", tickFormat: "%", grid: true, labelAnchor: "right" },
        color: { domain: ["policy", "control"], range: [COLORS.primary, COLORS.neutral] },
        marks: [
          Plot.barX(rows, { y: "variant", x: "probabilityBest", fill: "group", insetTop: 4, insetBottom: 4 }),
          Plot.text(rows, { y: "variant", x: "probabilityBest", text: "note", textAnchor: "start", dx: 6, fill: "#222" }),
          Plot.ruleX([0]),
        ],
      },
    },
    context,
  );
}

/** One guardrails table per policy: every metric against the control. */
function guardrailsTables(comparison: ComparisonResults, context: RenderContext): Table[] {
  const kpiOf = (variant: string, metric: string): number | null => comparison.variants.find((entry) => entry.name === variant)?.kpis[metric]?.mean ?? null;
  const variants = [...new Set(comparison.differences.map((difference) => difference.variant))];
  return variants.map((variant, index) => ({
    id: `${context.idPrefix}-comparison-guardrails-${index + 1}`,
    caption: `Every metric: ${variant} against ${comparison.control} (↑ higher is better, ↓ lower is better)`,
    sortable: true,
    columns: [
      { label: "Metric", numeric: false },
      { label: "Control", numeric: true },
      { label: "Policy", numeric: true },
      { label: "Difference [CI]", numeric: true },
      { label: "Relative", numeric: true },
      { label: "p", numeric: true },
      { label: "Verdict", numeric: false, nowrap: true },
    ],
    rows: comparison.differences
      .filter((difference) => difference.variant === variant)
      .map((difference) => {
        const effect = effectOf(difference);
        const control = kpiOf(comparison.control, difference.metric);
        const value = kpiOf(difference.variant, difference.metric);
        const { mean, lower, upper } = difference.difference;
        return [
          textCell(`${capitalize(difference.label)}${difference.direction === "higher" ? " ↑" : difference.direction === "lower" ? " ↓" : ""}`),
          numberCell(control, formatValue(control, difference.unit, context.currency)),
          numberCell(value, formatValue(value, difference.unit, context.currency)),
          numberCell(mean, formatInterval(mean, lower, upper, difference.unit, context.currency, true)),
          numberCell(difference.relativeLift?.mean ?? null, formatSignedPercent(difference.relativeLift?.mean ?? null)),
          numberCell(difference.adjustedPValue, formatPValue(difference.adjustedPValue)),
          {
            text: EFFECT_TEXT[effect],
            sortValue: EFFECT_ORDER.indexOf(effect),
            tone: effect === "better" ? ("good" as const) : effect === "worse" ? ("bad" as const) : null,
          },
        ];
      }),
  }));
}
