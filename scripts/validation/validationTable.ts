import type { ValidationReport, ValidationRow } from "./runValidation.ts";

/**
 * The report as markdown, ready to paste into a note: one row per figure (case, figure, exact value,
 * simulated mean, 99% interval, inside?), then one row per case (exact solution, replications, chats),
 * then a one-line verdict.
 */
export function validationTable(report: ValidationReport): string {
  const level = `${Math.round(report.confidenceLevel * 100)}%`;
  const last = report.seed + report.replications - 1;
  const lines = [
    `Seeds ${report.seed}..${last} (${report.replications} replications per case), ${level} t-intervals over the replications.`,
    "",
    `| case | figure | exact | simulated mean | ${level} CI | inside? |`,
    "| --- | --- | ---: | ---: | --- | --- |",
    ...report.rows.map(
      (row) =>
        `| ${cell(row.case)} | ${cell(row.figure)} | ${figure(row.exact)} | ${figure(row.simulatedMean)} | [${figure(row.low)}, ${figure(row.high)}] | ${verdict(row)} |`,
    ),
    "",
    "| case | exact solution | replications | chats simulated (after warm-up) | chats in warm-ups |",
    "| --- | --- | ---: | ---: | ---: |",
    ...report.cases.map(
      (summary) =>
        `| ${cell(summary.name)} | ${cell(summary.exactSolution)} | ${summary.replications} | ${groupDigits(summary.chats)} | ${groupDigits(summary.warmupChats)} |`,
    ),
    "",
    summaryLine(report),
  ];
  return `${lines.join("\n")}\n`;
}

function summaryLine(report: ValidationReport): string {
  const total = report.rows.length;
  const missed = report.rows.filter((row) => !row.asExpected).length;
  const outsideByDesign = report.rows.filter((row) => row.expectation !== "inside").length;
  const chats = report.cases.reduce((total, summary) => total + summary.chats, 0);
  const run = `${report.cases.length} cases, ${groupDigits(chats)} chats simulated`;
  if (missed > 0) return `FAILED: ${missed} of ${total} figures not as expected (marked ✗); ${run}.`;
  const design =
    outsideByDesign > 0
      ? `; the ${outsideByDesign} old-semantics figure${outsideByDesign === 1 ? "" : "s"} outside, as ${outsideByDesign === 1 ? "it" : "they"} should be`
      : "";
  return `passed: all ${total} figures as expected (${total - outsideByDesign} exact values inside the ${Math.round(report.confidenceLevel * 100)}% CI${design}); ${run}.`;
}

function verdict(row: ValidationRow): string {
  const side = row.low > row.exact ? "CI above exact" : "CI below exact";
  if (row.expectation === "inside") return row.inside ? "yes" : `**no** (${side}) ✗`;
  return row.asExpected
    ? `no (${side}; expected: old semantics)`
    : `**${row.inside ? "yes" : "no"}** (expected ${row.expectation === "ciAbove" ? "CI above exact" : "CI below exact"}) ✗`;
}

/** 4 significant digits below 100, one decimal above (seconds), as the tests print their checks. */
function figure(value: number): string {
  if (value === 0) return "0";
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** 1234567 → "1,234,567". */
function groupDigits(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+$)/g, ",");
}
