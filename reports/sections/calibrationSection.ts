import * as Plot from "@observablehq/plot";
import { formatCount, formatNumber, formatPercent, formatPp, formatPValue, formatSignedPercent, percentDigits } from "../../experiments/format/index.ts";
import { labelMargin, plotChart } from "../charts/plotChart.ts";
import type { CalibrationResults } from "../inputTypes.ts";
import { reasonLabel, stepLabel } from "../labels.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, SectionBuilder, Table } from "../reportTypes.ts";
import { numberCell, textCell } from "../table.ts";

/** Significance level for reading the goodness-of-fit test. */
const FIT_ALPHA = 0.05;

type CalibrationRow = CalibrationResults["steps"][number];

/** Rows about going on to the next step (a row without an outcome is one). */
function isContinuation(row: CalibrationRow): boolean {
  return row.outcome === undefined || row.outcome === "continued";
}

/** Calibration: observed vs simulated step rates, the fitted parameters, and the goodness of fit. */
export const calibrationSection: SectionBuilder<CalibrationResults> = (calibration, context) => {
  const { goodnessOfFit: fit, steps } = calibration;
  const continuation = steps.filter(isContinuation);
  const largest = [...continuation].sort((a, b) => Math.abs(b.simulatedRate - b.observedRate) - Math.abs(a.simulatedRate - a.observedRate))[0];
  const verdict =
    fit.pValue === null
      ? "no degrees of freedom left to test the fit"
      : fit.pValue >= FIT_ALPHA
        ? "no evidence of misfit"
        : `the fit is rejected at ${formatPercent(FIT_ALPHA, 0)}`;
  const takeaway =
    (largest === undefined
      ? ""
      : `Simulated continuation rates are within ${formatPp(Math.abs(largest.simulatedRate - largest.observedRate), 2, false)} of observed (RMSE ${formatPp(fit.rmse, 2, false)}); `) +
    `χ² = ${formatNumber(fit.chiSquare, 2)} on ${fit.degreesOfFreedom} df, p = ${formatPValue(fit.pValue)}: ${verdict}`;
  return {
    id: `${context.idPrefix}-calibration`,
    title: "Calibration",
    takeaway,
    keyFigures: [
      ...liftFigures(calibration),
      { label: "RMSE", value: formatPp(fit.rmse, 2, false), detail: "observed vs simulated shares" },
      { label: "χ²", value: formatNumber(fit.chiSquare, 2), detail: `${fit.degreesOfFreedom} degrees of freedom` },
      { label: "p-value", value: formatPValue(fit.pValue), detail: verdict },
      { label: "Parameters fitted", value: formatCount(calibration.parameters.length), detail: "see the table below" },
    ],
    charts: continuation.length > 0 ? [observedVsSimulatedChart(continuation, context)] : [],
    tables: [stepsTable(calibration, context), parametersTable(calibration, context), ...identifiabilityTable(calibration, context)],
    notes: [
      ...(calibration.chat?.identifiability ?? []).map((entry) => `Chat, ${entry.note}.`),
      `Method: ${calibration.method}.`,
      `Objective: ${calibration.objective}.`,
    ],
  };
};

function observedVsSimulatedChart(continuation: readonly CalibrationRow[], context: RenderContext): Chart {
  const rows = continuation.map((step) => ({
    label: stepLabel(step.step),
    observed: step.observedRate,
    simulated: step.simulatedRate,
    note: formatPp(step.simulatedRate - step.observedRate, 2),
  }));
  const labels = rows.map((row) => row.label);
  const values = rows.flatMap((row) => [row.observed, row.simulated]);
  const low = Math.max(0, Math.min(...values) - 0.05);
  const high = Math.min(1, Math.max(...values) + 0.05);
  return plotChart(
    {
      key: "calibration-steps",
      title: "Step continuation: observed and simulated",
      caption: "Rings: observed share of shoppers going on to the next step; dots: the calibrated simulation; labels: simulated − observed.",
      description: `Dot plot of continuation rate per step, observed vs simulated: ${rows.map((row) => `${row.label} observed ${formatPercent(row.observed)}, simulated ${formatPercent(row.simulated)}`).join("; ")}`,
      legend: [
        { label: "observed", color: COLORS.secondary, shape: "ring" },
        { label: "simulated", color: COLORS.primary, shape: "dot" },
      ],
      plot: {
        height: rows.length * 34 + 50,
        marginLeft: labelMargin(labels),
        marginRight: 90,
        marginBottom: 44,
        y: { domain: labels, label: null, tickSize: 0, grid: true },
        x: { domain: [low, high], label: "continue to the next step", tickFormat: "%", grid: true, labelAnchor: "center", labelArrow: "none" },
        marks: [
          Plot.ruleY(rows, { y: "label", x1: "observed", x2: "simulated", stroke: COLORS.neutral, strokeWidth: 1.5 }),
          Plot.dot(rows, { y: "label", x: "observed", r: 6, stroke: COLORS.secondary, strokeWidth: 2.5, fill: "white" }),
          Plot.dot(rows, { y: "label", x: "simulated", r: 4, fill: COLORS.primary }),
          Plot.text(rows, { y: "label", text: "note", frameAnchor: "right", textAnchor: "start", dx: 10, fill: "#222" }),
        ],
      },
    },
    context,
  );
}

/** Two decimals, a true minus sign: `fixed(-3.371)` → `"−3.37"`. */
function fixed(value: number): string {
  return `${value < 0 ? "−" : ""}${Math.abs(value).toFixed(2)}`;
}

function outcomeLabel(row: CalibrationRow): string {
  if (isContinuation(row)) return "continued";
  if (row.outcome === "other") return "other reasons";
  if (row.outcome === "abandoned") return "abandoned (all reasons)";
  return reasonLabel(row.outcome ?? "").toLowerCase();
}

function stepsTable(calibration: CalibrationResults, context: RenderContext): Table {
  // Observed and simulated shares side by side: one precision for both columns.
  const shareDigits = percentDigits(calibration.steps.flatMap((row) => [row.observedRate, row.simulatedRate]));
  return {
    id: `${context.idPrefix}-calibration-steps-table`,
    caption: "Observed and simulated shares per step and outcome (standardised residual: (observed − expected) ÷ its standard deviation)",
    sortable: true,
    columns: [
      { label: "Step", numeric: false },
      { label: "Outcome", numeric: false },
      { label: "Observed", numeric: true },
      { label: "Observed share", numeric: true },
      { label: "Simulated share", numeric: true },
      { label: "Sim. − obs.", numeric: true },
      { label: "Std. residual", numeric: true },
    ],
    rows: calibration.steps.map((row, index) => [
      { text: stepLabel(row.step), sortValue: index },
      textCell(outcomeLabel(row)),
      numberCell(row.observedCount, formatCount(row.observedCount)),
      numberCell(row.observedRate, formatPercent(row.observedRate, shareDigits)),
      numberCell(row.simulatedRate, formatPercent(row.simulatedRate, shareDigits)),
      numberCell(row.simulatedRate - row.observedRate, formatPp(row.simulatedRate - row.observedRate)),
      // |z| > 2 is flagged in words as well as colour.
      Math.abs(row.residual) > 2 ? numberCell(row.residual, `${fixed(row.residual)} (large)`, "bad") : numberCell(row.residual, fixed(row.residual)),
    ]),
  };
}

function parametersTable(calibration: CalibrationResults, context: RenderContext): Table {
  return {
    id: `${context.idPrefix}-calibration-parameters`,
    caption: "Fitted parameters",
    sortable: true,
    columns: [
      { label: "Parameter", numeric: false },
      { label: "Before", numeric: true },
      { label: "After", numeric: true },
      { label: "Change", numeric: true },
    ],
    rows: calibration.parameters.map((parameter) => {
      const change = parameter.before !== 0 ? (parameter.after - parameter.before) / Math.abs(parameter.before) : null;
      return [
        textCell(parameter.path),
        numberCell(parameter.before, formatNumber(parameter.before, 4)),
        numberCell(parameter.after, formatNumber(parameter.after, 4)),
        numberCell(change, formatSignedPercent(change)),
      ];
    }),
  };
}

/** The holdout's lift for chat users, when the data had a holdout: the data's and the fitted model's. */
function liftFigures(calibration: CalibrationResults): { label: string; value: string; detail: string }[] {
  const lift = calibration.chat?.causalLift;
  if (!lift?.data) return [];
  const model = lift.model ? `; the fitted model: ${formatNumber(lift.model.points, 1)} points` : "";
  return [
    {
      label: "Chat's causal lift (holdout)",
      value: `${formatNumber(lift.data.points, 1)} points`,
      detail: `for chat users, 95% CI ${formatNumber(lift.data.lower, 1)} to ${formatNumber(lift.data.upper, 1)}${model}`,
    },
  ];
}

/** One row per chat parameter: fitted or kept, and what the data can or cannot say about it. */
function identifiabilityTable(calibration: CalibrationResults, context: RenderContext): Table[] {
  const entries = calibration.chat?.identifiability ?? [];
  if (entries.length === 0) return [];
  return [
    {
      id: `${context.idPrefix}-calibration-identifiability`,
      caption: "What the chat data can and cannot identify",
      sortable: false,
      columns: [
        { label: "Chat parameter", numeric: false },
        { label: "Fitted", numeric: false },
        { label: "Why", numeric: false },
      ],
      rows: entries.map((entry) => [
        textCell(entry.parameter),
        textCell(entry.identified ? "yes" : "no, kept"),
        textCell(entry.note.slice(entry.parameter.length + 2)),
      ]),
    },
  ];
}
