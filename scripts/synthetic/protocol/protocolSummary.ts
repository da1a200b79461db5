import type { ProtocolCheckResults } from "./runProtocolCheck.ts";
import type { SimLiveRow } from "./simLiveTable.ts";

const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)}%`);
const seconds = (value: number | null) => (value === null ? "–" : `${value.toFixed(2)} s`);

/** The run as text: sessions per minute, the personas, the simulator-vs-live table, failures. */
export function protocolSummary(results: ProtocolCheckResults): string {
  const { summary, personas, desk } = results;
  const lines = [
    `protocol check: ${summary.sessions} sessions in ${summary.wallSeconds.toFixed(1)} s = ${Math.round(summary.sessionsPerMinute)} sessions/min, ${(summary.cpuSecondsPerSession * 1000).toFixed(1)} ms CPU per session (scenario ${results.scenario}, policy ${results.policy}, seed ${results.seed})`,
    `personas: ${personas.finished} ordered, ${personas.left} left as planned, ${personas.failed} stopped by the store; ${personas.invitations} invitations, ${personas.chats} chats (${desk.servers} chat slots)`,
    "",
    "simulator vs live (store's event log; interval at the Bonferroni-corrected level)",
    ...table(results.table),
  ];
  if (results.problems.length > 0) lines.push("", "stopped personas:", ...results.problems.map((problem) => `  ${problem}`));
  lines.push(
    "",
    summary.exitCode === 0
      ? "✓ the store agrees with the simulator"
      : `✗ ${summary.disagreements} disagreement${summary.disagreements === 1 ? "" : "s"}${personas.failed > 0 ? `, ${personas.failed} persona${personas.failed === 1 ? "" : "s"} stopped by the store` : ""}`,
  );
  return `${lines.join("\n")}\n`;
}

function table(rows: readonly SimLiveRow[]): string[] {
  const format = (row: SimLiveRow, value: number | null) => (row.interval === "t" ? seconds(value) : percent(value));
  const cells = rows.map((row) => [
    row.metric,
    format(row, row.predicted),
    format(row, row.observed),
    row.successes === null ? `n=${row.trials}` : `${row.successes}/${row.trials}`,
    row.lower === null ? "–" : `${format(row, row.lower)} – ${format(row, row.upper)}`,
    row.agree === null ? "no data" : row.agree ? "agree" : "DISAGREE",
  ]);
  const header = ["", "predicted", "observed", "count", "interval", "verdict"];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column].length)));
  const line = (cell: string[]) => `  ${cell.map((text, column) => (column === 0 ? text.padEnd(widths[column]) : text.padStart(widths[column]))).join("  ")}`;
  return [line(header), ...cells.map(line)];
}
