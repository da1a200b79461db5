import { ScenarioError } from "../scenario/ScenarioError.ts";

/**
 * Observed funnel counts, the format `calibrate` reads and the live store's export writes: a tidy CSV
 * with the header `kind,step,reason,interval,count`, one count per row.
 *
 * - `kind`: sessions | reached | abandoned | orders | chatRequests | chatsServed | invitations
 * - `step`: a page or checkout step (for reached/abandoned), else empty
 * - `reason`: an abandonment reason (abandoned rows only; empty = all reasons)
 * - `interval`: interval index from the start (optional; empty = the whole period)
 * - `count`: a non-negative number
 *
 * @example
 * kind,step,reason,interval,count
 * sessions,,,,40000
 * reached,cart,,,2900
 * abandoned,cart,justBrowsing,,1050
 * orders,,,,850
 */
export const FUNNEL_CSV_HEADER = ["kind", "step", "reason", "interval", "count"] as const;
export const FUNNEL_KINDS = ["sessions", "reached", "abandoned", "orders", "chatRequests", "chatsServed", "invitations"] as const;
export type FunnelKind = (typeof FUNNEL_KINDS)[number];

export interface FunnelRow {
  kind: FunnelKind;
  step: string | null;
  reason: string | null;
  interval: number | null;
  count: number;
}

/** CSV text for rows (header first, fields quoted only when needed). */
export function formatFunnelCsv(rows: readonly FunnelRow[]): string {
  const lines = [FUNNEL_CSV_HEADER.join(",")];
  for (const row of rows) {
    lines.push([row.kind, row.step ?? "", row.reason ?? "", row.interval ?? "", row.count].map((value) => quote(String(value))).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Parses and validates funnel CSV text; every problem is reported with its line number. */
export function parseFunnelCsv(text: string, source = "funnel CSV"): FunnelRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((line) => line.trim() !== "");
  const problems: string[] = [];
  if (lines.length === 0) throw new ScenarioError([`invalid ${source}: empty (must start with the header ${FUNNEL_CSV_HEADER.join(",")})`]);
  const header = splitCsvLine(lines[0]).map((cell) => cell.trim());
  if (header.join(",") !== FUNNEL_CSV_HEADER.join(",")) {
    throw new ScenarioError([`invalid ${source} header: ${JSON.stringify(lines[0])} (must be ${FUNNEL_CSV_HEADER.join(",")})`]);
  }
  const rows: FunnelRow[] = [];
  lines.slice(1).forEach((line, index) => {
    const where = `${source} line ${index + 2}`;
    const cells = splitCsvLine(line).map((cell) => cell.trim());
    if (cells.length !== FUNNEL_CSV_HEADER.length) {
      problems.push(`invalid ${where}: ${cells.length} fields (must have ${FUNNEL_CSV_HEADER.length}: ${FUNNEL_CSV_HEADER.join(",")})`);
      return;
    }
    const [kind, step, reason, interval, count] = cells;
    if (!(FUNNEL_KINDS as readonly string[]).includes(kind)) problems.push(`invalid ${where} kind: ${JSON.stringify(kind)} (allowed: ${FUNNEL_KINDS.join(", ")})`);
    const value = Number(count);
    if (count === "" || !Number.isFinite(value) || value < 0) problems.push(`invalid ${where} count: ${JSON.stringify(count)} (must be a number >= 0)`);
    const intervalValue = interval === "" ? null : Number(interval);
    if (intervalValue !== null && !(Number.isInteger(intervalValue) && intervalValue >= 0)) problems.push(`invalid ${where} interval: ${JSON.stringify(interval)} (must be an integer >= 0 or empty)`);
    if ((kind === "reached" || kind === "abandoned") && step === "") problems.push(`invalid ${where} step: empty (required for ${kind} rows)`);
    if (reason !== "" && kind !== "abandoned") problems.push(`invalid ${where} reason: ${JSON.stringify(reason)} (only abandoned rows have a reason)`);
    rows.push({ kind: kind as FunnelKind, step: step === "" ? null : step, reason: reason === "" ? null : reason, interval: intervalValue, count: value });
  });
  if (problems.length > 0) throw new ScenarioError(problems);
  return rows;
}

function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Splits one CSV line, honouring double quotes ("" inside quotes is a quote). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(current);
      current = "";
    } else current += char;
  }
  cells.push(current);
  return cells;
}
