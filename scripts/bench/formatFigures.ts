import { median } from "simple-statistics";
import type { BenchFigures } from "./benchSuite.ts";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A suite's figures as text lines: a title, an aligned table, the ratios, then the notes. */
export function formatFigures(figures: BenchFigures): string[] {
  const extraColumns = [...new Set(figures.measurements.flatMap((m) => Object.keys(m.columns ?? {})))];
  const header = [
    "implementation",
    figures.unitName,
    "events",
    "runs",
    "wall s (median)",
    "wall s (best)",
    `${figures.unitName}/s`,
    "events/s",
    ...extraColumns,
  ];
  const rows = figures.measurements.map((measurement) => {
    const wall = median(measurement.wallSeconds);
    return [
      measurement.label,
      integer.format(measurement.units),
      measurement.events === null ? "-" : integer.format(measurement.events),
      String(measurement.wallSeconds.length),
      wall.toFixed(3),
      Math.min(...measurement.wallSeconds).toFixed(3),
      integer.format(measurement.units / wall),
      measurement.events === null ? "-" : integer.format(measurement.events / wall),
      ...extraColumns.map((column) => measurement.columns?.[column] ?? ""),
    ];
  });
  const lines = [`== ${figures.suite}: ${figures.title}`, "", ...alignTable([header, ...rows])];
  if (figures.ratios.length > 0) {
    lines.push("");
    const labelWidth = Math.max(...figures.ratios.map((ratio) => ratio.label.length));
    for (const ratio of figures.ratios) {
      const target = ratio.target === undefined ? "" : `   target ${ratio.target}: ${ratio.met ? "met" : "MISSED"}`;
      lines.push(`${ratio.label.padEnd(labelWidth)}  ${ratio.value.toFixed(2)}${ratio.unit ?? "×"}${target}`);
    }
  }
  if (figures.notes.length > 0) lines.push("", ...figures.notes);
  return lines;
}

/** Left-aligns the first column, right-aligns the others, with a rule under the header. */
function alignTable(table: readonly string[][]): string[] {
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const format = (row: readonly string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  return [format(table[0]), widths.map((width) => "-".repeat(width)).join("  "), ...table.slice(1).map(format)];
}
