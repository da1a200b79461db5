import * as Plot from "@observablehq/plot";
import { formatCount, formatInterval, formatNumber, formatPercent, formatValue } from "../../experiments/format/index.ts";
import { labelMargin, plotChart } from "../charts/plotChart.ts";
import type { DecisionResults } from "../inputTypes.ts";
import { capitalize } from "../labels.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, LegendItem, SectionBuilder, Table } from "../reportTypes.ts";
import { numberCell, textCell } from "../table.ts";

type Analysis = NonNullable<DecisionResults["analysis"]>;

const TORNADO_LEGEND: readonly LegendItem[] = [
  { label: "beyond noise", color: COLORS.primary, shape: "square" },
  { label: "within noise", color: COLORS.neutral, shape: "square" },
];

/**
 * A decision under parameter uncertainty: which variant to choose, how likely it is best across the
 * parameter worlds, what choosing each costs in expectation, what perfect information would be worth,
 * and a tornado chart of the parameters the decision hinges on.
 */
export const decisionSection: SectionBuilder<DecisionResults> = (decision, context) => {
  const analysis = decision.analysis;
  if (analysis === null) return null;
  const label = decision.metricLabel;
  const unit = decision.metricUnit;
  const amount = (value: number): string => formatValue(value, unit, context.currency, { difference: true }).replace(/^\+/, "");
  const chosen = analysis.variants.find((entry) => entry.variant === analysis.choice)!;
  const top = analysis.sensitivity.find((row) => row.rankCorrelation !== null);
  const many = analysis.runnerUp !== null;
  const takeaway = many
    ? `Choose ${analysis.choice}: best in ${formatPercent(chosen.probabilityBest, 0)} of ${formatCount(analysis.worlds)} parameter worlds; knowing the uncertain parameters exactly would add ${amount(analysis.evpi)} of ${label}` +
      (top === undefined ? "" : `; the choice hinges most on ${top.parameter}`)
    : `Across ${formatCount(analysis.worlds)} parameter worlds, ${label} averages ${formatValue(chosen.expected.mean, unit, context.currency)}` +
      (top === undefined ? "" : `; ${top.parameter} moves it most`);
  const charts: Chart[] = analysis.sensitivity.length > 0 ? [tornadoChart(decision, analysis, context)] : [];
  return {
    id: `${context.idPrefix}-decision`,
    title: "Decision under parameter uncertainty",
    takeaway,
    keyFigures: [
      { label: many ? "Choice" : "Variant", value: analysis.choice, detail: many ? `runner-up ${analysis.runnerUp}` : undefined },
      ...(many ? [{ label: "Probability best", value: formatPercent(chosen.probabilityBest, 0), detail: `of ${formatCount(analysis.worlds)} worlds` }] : []),
      ...(many ? [{ label: "Value of perfect information", value: amount(analysis.evpi), detail: `of ${label}` }] : []),
      {
        label: "Worlds × replications",
        value: `${formatCount(analysis.worlds)} × ${formatCount(decision.replications)}`,
        detail: `Latin hypercube over ${decision.parameters.length} parameter${decision.parameters.length === 1 ? "" : "s"}`,
      },
    ],
    charts,
    tables: [variantsTable(decision, analysis, context)],
    notes: [
      `Each world draws every uncertain parameter once (a Latin hypercube: each parameter's range cut into ${formatCount(analysis.worlds)} equal-probability slices, one world per slice) and runs every variant for the same ${formatCount(decision.replications)} replication seeds. Expected values are means over worlds with ${formatPercent(analysis.level, 0)} intervals that hold both the parameter uncertainty and the simulation noise (worlds have independent seeds).`,
      ...(many
        ? [
            `Expected loss is the mean shortfall of a variant against the best variant of each world; the value of perfect information is the choice's expected loss. Simulation noise inflates both a little (the best of noisy values is biased up); more replications per world shrink that.`,
          ]
        : []),
      ...(decision.errored ?? []).map(
        (error) =>
          `Warning: replication ${error.replication} of ${error.variant} in world ${error.world} failed (${error.error}); that world keeps the replications every variant completed.`,
      ),
    ],
  };
};

function tornadoChart(decision: DecisionResults, analysis: Analysis, context: RenderContext): Chart {
  if (analysis.sensitivityMeasure === "sobolFirstOrder") return sobolTornado(decision, analysis, context);
  const rows = analysis.sensitivity.map((row) => ({
    parameter: row.parameter,
    rho: row.rankCorrelation ?? 0,
    beyondNoise: row.rankCorrelation !== null && analysis.noiseThreshold !== null && Math.abs(row.rankCorrelation) >= analysis.noiseThreshold,
  }));
  const threshold = analysis.noiseThreshold ?? 0;
  const target = analysis.runnerUp === null ? decision.metricLabel : `${analysis.sensitivityOf} (${decision.metricLabel})`;
  const strong = rows.filter((row) => row.beyondNoise);
  return plotChart(
    {
      key: "decision-tornado",
      title: `What the ${analysis.runnerUp === null ? "result" : "decision"} hinges on`,
      caption:
        strong.length === 0
          ? `No parameter's rank correlation with ${target} exceeds the noise bound ±${formatNumber(threshold, 2)}.`
          : `${strong.length} of ${rows.length} parameters move ${target} beyond the noise bound ±${formatNumber(threshold, 2)}; the largest: ${strong[0].parameter} (ρ = ${formatNumber(strong[0].rho, 2)}).`,
      description: `Tornado chart of Spearman rank correlations with ${target} across worlds: ${rows.map((row) => `${row.parameter} ${formatNumber(row.rho, 2)}`).join("; ")}`,
      legend: TORNADO_LEGEND,
      plot: {
        height: rows.length * 28 + 60,
        marginLeft: labelMargin(rows.map((row) => row.parameter)),
        marginBottom: 44,
        y: { domain: rows.map((row) => row.parameter), label: null, tickSize: 0 },
        x: { domain: [-1, 1], label: `rank correlation with ${target}`, grid: true, labelAnchor: "center", labelArrow: "none" },
        marks: [
          Plot.rectX([{ x1: -threshold, x2: threshold }], { x1: "x1", x2: "x2", fill: COLORS.rule, fillOpacity: 0.5 }),
          Plot.barX(rows, { y: "parameter", x: "rho", fill: (row: (typeof rows)[number]) => (row.beyondNoise ? COLORS.primary : COLORS.neutral) }),
          Plot.ruleX([0], { stroke: "#222" }),
        ],
      },
    },
    context,
  );
}

/** The tornado of first-order Sobol indices (share of the decisive quantity's variance each parameter explains alone). */
function sobolTornado(decision: DecisionResults, analysis: Analysis, context: RenderContext): Chart {
  const rows = analysis.sensitivity.map((row) => ({ parameter: row.parameter, index: row.firstOrder ?? 0, total: row.totalOrder ?? 0 }));
  const target = analysis.runnerUp === null ? decision.metricLabel : `${analysis.sensitivityOf} (${decision.metricLabel})`;
  return plotChart(
    {
      key: "decision-tornado",
      title: `What the ${analysis.runnerUp === null ? "result" : "decision"} hinges on`,
      caption: `First-order Sobol indices: the share of the variance of ${target} across worlds each parameter explains alone; the largest: ${rows[0].parameter} (S = ${formatNumber(rows[0].index, 2)}, total effect ${formatNumber(rows[0].total, 2)}).`,
      description: `Tornado chart of first-order Sobol indices of ${target}: ${rows.map((row) => `${row.parameter} ${formatNumber(row.index, 2)} (total ${formatNumber(row.total, 2)})`).join("; ")}`,
      plot: {
        height: rows.length * 28 + 60,
        marginLeft: labelMargin(rows.map((row) => row.parameter)),
        marginBottom: 44,
        y: { domain: rows.map((row) => row.parameter), label: null, tickSize: 0 },
        x: {
          domain: [Math.min(0, ...rows.map((row) => row.index)), 1],
          label: `first-order Sobol index of ${target}`,
          grid: true,
          labelAnchor: "center",
          labelArrow: "none",
        },
        marks: [Plot.barX(rows, { y: "parameter", x: "index", fill: COLORS.primary }), Plot.ruleX([0], { stroke: "#222" })],
      },
    },
    context,
  );
}

function variantsTable(decision: DecisionResults, analysis: Analysis, context: RenderContext): Table {
  const unit = decision.metricUnit;
  const level = formatPercent(analysis.level, 0);
  return {
    id: `${context.idPrefix}-decision-variants`,
    caption: `${capitalize(decision.metricLabel)} across parameter worlds, by variant`,
    columns: [
      { label: "Variant", numeric: false },
      { label: `Expected ${decision.metricLabel} [${level} CI]`, numeric: true },
      { label: "90% of worlds", numeric: true },
      { label: "Probability best", numeric: true },
      { label: "Expected loss", numeric: true },
    ],
    rows: analysis.variants.map((entry) => [
      textCell(entry.variant === analysis.choice ? `${entry.variant} (choice)` : entry.variant),
      numberCell(entry.expected.mean, formatInterval(entry.expected.mean, entry.expected.lower, entry.expected.upper, unit, context.currency)),
      numberCell(
        entry.worldRange.p05,
        `${formatValue(entry.worldRange.p05, unit, context.currency)} – ${formatValue(entry.worldRange.p95, unit, context.currency)}`,
      ),
      numberCell(entry.probabilityBest, formatPercent(entry.probabilityBest, 0)),
      numberCell(entry.expectedLoss, formatValue(entry.expectedLoss, unit, context.currency, { difference: true }).replace(/^\+/, "")),
    ]),
    sortable: true,
  };
}
