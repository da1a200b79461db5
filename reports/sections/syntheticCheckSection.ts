import * as Plot from "@observablehq/plot";
import { formatCount, formatNumber, formatPercent, MISSING, percentDigits } from "../../experiments/format/index.ts";
import { labelMargin, plotChart } from "../charts/plotChart.ts";
import { html } from "../escapeHtml.ts";
import type { CheckName, CheckStatus, SyntheticCheckResults } from "../inputTypes.ts";
import { stepLabel } from "../labels.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, SectionBuilder, Table, TableCell } from "../reportTypes.ts";
import { numberCell, textCell } from "../table.ts";

/** The chat check's reason on a store without a chat widget (scripts/synthetic evaluatePersona). */
const NO_CHAT = "no chat on this store";
const CHECKS: readonly CheckName[] = ["funnel", "money", "formValidation", "chatPolicy", "stepTimings", "layout"];
const CHECK_LABELS: Readonly<Record<CheckName, string>> = {
  funnel: "Funnel",
  money: "Money",
  formValidation: "Form validation",
  chatPolicy: "Chat policy",
  stepTimings: "Step timings",
  layout: "Layout",
};
/** Status as a symbol and a word, so it reads without colour. */
const STATUS_TEXT: Readonly<Record<CheckStatus, string>> = { passed: "✓ passed", failed: "✗ failed", flaky: "~ flaky", skipped: "– skipped" };
/** Invitation windows in the fire-time chart, at most (the table has them all by step). */
const MAX_CHARTED_WINDOWS = 40;
/** Only embedded images of these kinds reach the page (the report's CSP allows data: images only). */
const IMAGE_URI = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/;

/**
 * Synthetic shoppers against a live store: every check per persona, the step timings, the
 * simulator's predicted invitation times against what the store did, and screenshots of failures
 * embedded as data: URIs (the report stays one self-contained file).
 */
export const syntheticCheckSection: SectionBuilder<SyntheticCheckResults> = (check, context) => {
  const { summary } = check;
  const failedBy = CHECKS.map((name) => [name, check.checks.filter((record) => record.check === name && record.status === "failed").length] as const).filter(
    ([, count]) => count > 0,
  );
  const takeaway = !check.store.reachable
    ? `The store could not be reached: ${check.store.problem ?? "unknown reason"}`
    : summary.failed === 0
      ? `All ${formatCount(summary.checks - summary.skipped)} applicable checks passed for ${formatCount(summary.personas)} persona${summary.personas === 1 ? "" : "s"} against ${check.profile.name}${summary.flaky > 0 ? `, ${summary.flaky} only after a retry (flaky)` : ""}`
      : `${formatCount(summary.failed)} of ${formatCount(summary.checks - summary.skipped)} applicable checks failed against ${check.profile.name} (${formatCount(summary.skipped)} skipped: did not apply): ${failedBy.map(([name, count]) => `${CHECK_LABELS[name].toLowerCase()} (${count})`).join(", ")}`;
  const rows = check.policyConformance.rows;
  const chatChecks = check.checks.filter((record) => record.check === "chatPolicy");
  const noChat = chatChecks.length > 0 && chatChecks.every((record) => record.reason === NO_CHAT);
  const environmentSuspected = check.checks.filter((record) => record.status === "failed" && record.cause === "environment suspected").length;
  const charts: Chart[] = [];
  if (Object.keys(check.stepTimings).length > 0) charts.push(stepTimingsChart(check, context));
  const fired = check.policyConformance.windows.filter((window) => window.predictedSeconds !== null || window.observedSeconds !== null);
  if (fired.length > 0) charts.push(fireTimesChart(fired, check.policyConformance.toleranceSeconds, context));
  check.failureImages.forEach((image, index) => {
    if (!IMAGE_URI.test(image.dataUri)) return;
    charts.push({
      id: `${context.idPrefix}-synthetic-failure-${index}`,
      title: `${image.persona} · ${CHECK_LABELS[image.check] ?? image.check}`,
      caption: image.caption,
      description: `Screenshot of the failure: ${image.caption}`,
      svg: html`<img src="${image.dataUri}" alt="${`Screenshot: ${image.caption}`}" style="max-width:100%;height:auto;border:1px solid #d0d0d0">`,
      legend: [],
      size: "half",
      data: [],
    });
  });
  return {
    id: `${context.idPrefix}-synthetic-check`,
    title: `Synthetic check: ${check.profile.name}`,
    takeaway,
    keyFigures: [
      { label: "Personas", value: formatCount(summary.personas), detail: `seed ${check.seed}` },
      {
        label: "Passed",
        value: formatCount(summary.passed),
        detail: `of ${formatCount(summary.checks - summary.skipped)} applicable checks${summary.flaky > 0 ? `; ${summary.flaky} more only after a retry (flaky)` : ""}`,
      },
      {
        label: "Failed",
        value: formatCount(summary.failed),
        detail: environmentSuspected > 0 ? `${environmentSuspected} with the environment suspected (the harness lagged)` : "all put down to the store",
      },
      { label: "Skipped", value: formatCount(summary.skipped), detail: "did not apply (not counted as passed)" },
      noChat
        ? { label: "Policy conformance", value: MISSING, detail: "no chat on this store" }
        : {
            label: "Policy conformance",
            value: rows.length === 0 ? MISSING : `${rows.filter((row) => row.agree).length} / ${rows.length}`,
            detail: `steps and triggers agreeing within ±${formatNumber(check.policyConformance.toleranceSeconds, 2)} s`,
          },
      {
        label: "Full checkouts",
        value: summary.checkoutsPerMinute === null ? MISSING : `${formatNumber(summary.checkoutsPerMinute, 1)}/min`,
        detail: `${formatNumber(summary.wallSeconds, 1)} s wall time`,
      },
    ],
    charts,
    tables: [
      checksTable(check, context),
      ...(summary.failed + summary.flaky > 0 ? [problemsTable(check, context)] : []),
      ...(rows.length > 0 ? [conformanceTable(check, context)] : []),
      timingsTable(check, context),
    ],
    notes: [
      ...(noChat ? ["No chat on this store: the chat policy and layout checks were skipped."] : []),
      `Store ${check.store.url} (${check.store.demo ? "the demo store, started for the run" : check.profile.source}); scenario ${check.scenario}; policy ${check.policy ?? MISSING}.`,
      `Invitation times are virtual seconds (the browser's clock is fast-forwarded through idle pauses); the simulator's policy evaluator predicts them from the same signals, and a difference beyond ±${formatNumber(check.policyConformance.toleranceSeconds, 2)} s, an invitation it forbids or one it requires and the store did not show is a failed check.`,
      ...check.notes,
    ],
  };
};

function statusCell(status: CheckStatus | undefined): TableCell {
  if (status === undefined) return textCell(MISSING);
  return { text: STATUS_TEXT[status], sortValue: status, tone: status === "failed" ? "bad" : status === "passed" ? "good" : null };
}

function checksTable(check: SyntheticCheckResults, context: RenderContext): Table {
  return {
    id: `${context.idPrefix}-synthetic-checks`,
    caption: "Checks per persona",
    columns: [
      { label: "Persona", numeric: false },
      { label: "Shopper", numeric: false },
      { label: "Outcome", numeric: false },
      ...CHECKS.map((name) => ({ label: CHECK_LABELS[name], numeric: false, nowrap: true })),
    ],
    rows: check.personas.map((persona) => [
      textCell(persona.id),
      textCell(`${persona.spec.segment}, ${persona.spec.device}`),
      textCell(persona.outcome),
      ...CHECKS.map((name) => statusCell(check.checks.find((record) => record.persona === persona.id && record.check === name)?.status)),
    ]),
    sortable: true,
  };
}

function problemsTable(check: SyntheticCheckResults, context: RenderContext): Table {
  return {
    id: `${context.idPrefix}-synthetic-problems`,
    caption: "Failed and flaky checks",
    columns: [
      { label: "Persona", numeric: false },
      { label: "Check", numeric: false },
      { label: "Status", numeric: false, nowrap: true },
      { label: "Reason", numeric: false },
      { label: "Cause", numeric: false },
      { label: "Artifacts", numeric: false },
    ],
    rows: check.checks
      .filter((record) => record.status === "failed" || record.status === "flaky")
      .map((record) => [
        textCell(record.persona),
        textCell(CHECK_LABELS[record.check] ?? record.check),
        statusCell(record.status),
        textCell(record.reason),
        textCell(record.cause ?? MISSING),
        artifactsCell(record.artifacts),
      ]),
    sortable: true,
  };
}

function conformanceTable(check: SyntheticCheckResults, context: RenderContext): Table {
  const seconds = (value: number | null, signed = false) =>
    value === null ? MISSING : `${signed && value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(3)} s`;
  const fireDigits = percentDigits(check.policyConformance.rows.flatMap((row) => [row.predictedFireRate, row.observedFireRate]));
  return {
    id: `${context.idPrefix}-synthetic-conformance`,
    caption: `Simulator vs live: invitations predicted by the policy evaluator and shown by the store (tolerance ±${formatNumber(check.policyConformance.toleranceSeconds, 2)} s)`,
    columns: [
      { label: "Step", numeric: false },
      { label: "Trigger", numeric: false },
      { label: "Rules", numeric: false },
      { label: "Windows", numeric: true },
      { label: "Predicted", numeric: true },
      { label: "Observed", numeric: true },
      { label: "Predicted rate", numeric: true },
      { label: "Observed rate", numeric: true },
      { label: "Mean timing error", numeric: true },
      { label: "Max timing error", numeric: true },
      { label: "Agree", numeric: false, nowrap: true },
    ],
    rows: check.policyConformance.rows.map((row) => [
      textCell(stepLabel(row.step)),
      textCell(row.trigger === "exitIntent" ? "exit intent" : "idle"),
      textCell(row.rules.join(", ") || MISSING),
      numberCell(row.windows, formatCount(row.windows)),
      numberCell(row.predictedFires, formatCount(row.predictedFires)),
      numberCell(row.observedFires, formatCount(row.observedFires)),
      numberCell(row.predictedFireRate, formatPercent(row.predictedFireRate, fireDigits)),
      numberCell(row.observedFireRate, formatPercent(row.observedFireRate, fireDigits)),
      numberCell(row.meanTimingErrorSeconds, seconds(row.meanTimingErrorSeconds, true)),
      numberCell(row.maxTimingErrorSeconds, seconds(row.maxTimingErrorSeconds)),
      { text: row.agree ? "✓ yes" : "✗ no", sortValue: row.agree ? 1 : 0, tone: row.agree ? "good" : "bad" },
    ]),
    sortable: true,
  };
}

function timingsTable(check: SyntheticCheckResults, context: RenderContext): Table {
  return {
    id: `${context.idPrefix}-synthetic-timings`,
    caption: "Page loads per step (seconds, timed in the page)",
    columns: [
      { label: "Step", numeric: false },
      { label: "Loads", numeric: true },
      { label: "p50", numeric: true },
      { label: "p95", numeric: true },
      { label: "Max", numeric: true },
    ],
    rows: Object.entries(check.stepTimings).map(([step, timing]) => [
      textCell(stepLabel(step)),
      numberCell(timing.count, formatCount(timing.count)),
      numberCell(timing.p50, timing.p50.toFixed(3)),
      numberCell(timing.p95, timing.p95.toFixed(3)),
      numberCell(timing.max, timing.max.toFixed(3)),
    ]),
    sortable: true,
  };
}

function stepTimingsChart(check: SyntheticCheckResults, context: RenderContext): Chart {
  const rows = Object.entries(check.stepTimings).map(([step, timing]) => ({ label: stepLabel(step), ...timing }));
  const labels = rows.map((row) => row.label);
  const slowest = rows.reduce((worst, row) => (row.p95 > worst.p95 ? row : worst));
  return plotChart(
    {
      key: "synthetic-step-timings",
      title: "Page loads per step",
      caption: `Bars: p50 to p95 of page-load seconds over the run's personas; the slowest step at p95 is ${slowest.label} (${slowest.p95.toFixed(2)} s).`,
      description: `Page-load seconds per step, p50 and p95: ${rows.map((row) => `${row.label} ${row.p50.toFixed(2)} s and ${row.p95.toFixed(2)} s`).join("; ")}`,
      legend: [
        { label: "p50", color: COLORS.primary, shape: "dot" },
        { label: "p95", color: COLORS.secondary, shape: "ring" },
      ],
      plot: {
        height: rows.length * 30 + 50,
        marginLeft: labelMargin(labels),
        marginRight: 30,
        marginBottom: 44,
        y: { domain: labels, label: null, tickSize: 0, grid: true },
        x: { domain: [0, Math.max(...rows.map((row) => row.p95)) * 1.1 || 1], label: "seconds", grid: true, labelAnchor: "center", labelArrow: "none" },
        marks: [
          Plot.ruleY(rows, { y: "label", x1: "p50", x2: "p95", stroke: COLORS.neutral, strokeWidth: 1.5 }),
          Plot.dot(rows, { y: "label", x: "p95", r: 6, stroke: COLORS.secondary, strokeWidth: 2.5, fill: "white" }),
          Plot.dot(rows, { y: "label", x: "p50", r: 4, fill: COLORS.primary }),
        ],
      },
    },
    context,
  );
}

function fireTimesChart(windows: SyntheticCheckResults["policyConformance"]["windows"], toleranceSeconds: number, context: RenderContext): Chart {
  const shown = windows.slice(0, MAX_CHARTED_WINDOWS);
  const rows = shown.map((window, index) => ({
    label: `${window.persona} · ${window.step}${window.trigger === "exitIntent" ? " (exit)" : ""}${shown.findIndex((other) => other.persona === window.persona && other.step === window.step && other.trigger === window.trigger) === index ? "" : ` #${index}`}`,
    predicted: window.predictedSeconds,
    observed: window.observedSeconds,
    agree: window.agree,
  }));
  const labels = rows.map((row) => row.label);
  const values = rows.flatMap((row) => [row.predicted, row.observed]).filter((value): value is number => value !== null);
  const disagreements = rows.filter((row) => !row.agree).length;
  return plotChart(
    {
      key: "synthetic-fire-times",
      title: "Invitation times: predicted vs observed",
      caption: `Rings: when the simulator's evaluator says the invitation appears (seconds into the idle stretch); dots: when the store showed it. ${disagreements === 0 ? `All ${rows.length} agree within ±${toleranceSeconds} s.` : `${disagreements} of ${rows.length} disagree (marked ✗).`}${windows.length > shown.length ? ` First ${shown.length} of ${windows.length} windows.` : ""}`,
      description: `Predicted and observed invitation times per window: ${rows.map((row) => `${row.label} predicted ${row.predicted ?? "none"}, observed ${row.observed ?? "none"}`).join("; ")}`,
      legend: [
        { label: "predicted", color: COLORS.secondary, shape: "ring" },
        { label: "observed", color: COLORS.primary, shape: "dot" },
      ],
      plot: {
        height: rows.length * 26 + 50,
        marginLeft: labelMargin(labels),
        marginRight: 30,
        marginBottom: 44,
        y: { domain: labels, label: null, tickSize: 0, grid: true },
        x: { domain: [0, Math.max(1, ...values) * 1.1], label: "seconds into the window (virtual)", grid: true, labelAnchor: "center", labelArrow: "none" },
        marks: [
          Plot.dot(
            rows.filter((row) => row.predicted !== null),
            { y: "label", x: "predicted", r: 7, stroke: COLORS.secondary, strokeWidth: 2.5, fill: "white" },
          ),
          Plot.dot(
            rows.filter((row) => row.observed !== null),
            { y: "label", x: "observed", r: 4, fill: COLORS.primary },
          ),
          Plot.text(
            rows.filter((row) => !row.agree),
            {
              y: "label",
              x: (row: { predicted: number | null; observed: number | null }) => Math.max(row.predicted ?? 0, row.observed ?? 0),
              text: () => "✗",
              dx: 14,
              fill: COLORS.bad,
              fontWeight: "bold",
            },
          ),
        ],
      },
    },
    context,
  );
}

/** The screenshot and trace of a check as links (relative to the report: `check` copies them beside it). */
function artifactsCell(artifacts: { screenshot?: string; trace?: string }): TableCell {
  const links = [
    ...(artifacts.screenshot === undefined ? [] : [{ text: "screenshot", path: artifacts.screenshot }]),
    ...(artifacts.trace === undefined ? [] : [{ text: "trace", path: artifacts.trace }]),
  ];
  return { text: links.map((link) => link.path).join(" · ") || MISSING, links };
}
