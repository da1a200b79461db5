import { CsvError, parse } from "csv-parse/sync";
import { formatCsv, unescapeFormula } from "../csv/index.ts";
import { ScenarioError } from "../scenario/ScenarioError.ts";

/**
 * Observed funnel counts, the format `calibrate` reads and the live store's export writes: a tidy CSV
 * with the header `kind,step,reason,interval,count`, one count per row.
 *
 * - `kind`: sessions | reached | abandoned | orders, then the chat outcomes: chatRequests (queue
 *   joins: accepted invitations and "Need help?" requests) | chatsServed | chatsAbandoned (left the
 *   queue unanswered) | invitations (shown) | invitationsAccepted | sessionsWithChat (sessions with a
 *   chat answered) | ordersWithChat (their orders; orders without chat = orders − ordersWithChat) |
 *   holdoutSessions | holdoutOrders (sessions of the policy's holdout, never offered chat, and their
 *   orders; the rest = sessions − holdoutSessions)
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
export const FUNNEL_KINDS = [
  "sessions",
  "reached",
  "abandoned",
  "orders",
  "chatRequests",
  "chatsServed",
  "chatsAbandoned",
  "invitations",
  "invitationsAccepted",
  "sessionsWithChat",
  "ordersWithChat",
  "holdoutSessions",
  "holdoutOrders",
] as const;
export type FunnelKind = (typeof FUNNEL_KINDS)[number];

/**
 * Largest count a row may hold: 10^12 (a trillion sessions is far beyond any store's data). Counts are
 * summed and logged by the fit; 1e308 would overflow to Infinity and NaN there.
 */
export const MAX_FUNNEL_COUNT = 1e12;

export interface FunnelRow {
  kind: FunnelKind;
  step: string | null;
  reason: string | null;
  interval: number | null;
  count: number;
}

/** CSV text for rows (header first; see formatCsv for quoting and formula escaping). */
export function formatFunnelCsv(rows: readonly FunnelRow[]): string {
  return formatCsv(
    rows.map((row) => ({ kind: row.kind, step: row.step, reason: row.reason, interval: row.interval, count: row.count })),
    FUNNEL_CSV_HEADER,
  );
}

/**
 * Parses and validates funnel CSV text; every problem is reported with its line number. csv-parse
 * reads the CSV (quoted commas, quotes and line breaks, a byte-order mark, `\r\n`); the checks of
 * each row are this format's own.
 */
export function parseFunnelCsv(text: string, source = "funnel CSV"): FunnelRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      cast: (cell) => unescapeFormula(cell),
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError)
      throw new ScenarioError([
        `invalid ${source}${error.lines === undefined ? "" : ` line ${error.lines}`}: ${error.message.replace(/^Invalid Record Length: |\.$/g, "")}`,
      ]);
    throw error;
  }
  const problems: string[] = [];
  if (records.length === 0) throw new ScenarioError([`invalid ${source}: empty (must start with the header ${FUNNEL_CSV_HEADER.join(",")})`]);
  const header = records[0].record;
  if (header.join(",") !== FUNNEL_CSV_HEADER.join(",")) {
    throw new ScenarioError([`invalid ${source} header: ${JSON.stringify(header.join(","))} (must be ${FUNNEL_CSV_HEADER.join(",")})`]);
  }
  const rows: FunnelRow[] = [];
  for (const { record: cells, info } of records.slice(1)) {
    const where = `${source} line ${info.lines}`;
    if (cells.length !== FUNNEL_CSV_HEADER.length) {
      problems.push(`invalid ${where}: ${cells.length} fields (must have ${FUNNEL_CSV_HEADER.length}: ${FUNNEL_CSV_HEADER.join(",")})`);
      continue;
    }
    const [kind, step, reason, interval, count] = cells;
    if (!(FUNNEL_KINDS as readonly string[]).includes(kind))
      problems.push(`invalid ${where} kind: ${JSON.stringify(kind)} (allowed: ${FUNNEL_KINDS.join(", ")})`);
    const value = Number(count);
    if (count === "" || !Number.isFinite(value) || value < 0 || value > MAX_FUNNEL_COUNT)
      problems.push(`invalid ${where} count: ${JSON.stringify(count)} (must be a number from 0 to 1e12)`);
    const intervalValue = interval === "" ? null : Number(interval);
    if (intervalValue !== null && !(Number.isInteger(intervalValue) && intervalValue >= 0))
      problems.push(`invalid ${where} interval: ${JSON.stringify(interval)} (must be an integer >= 0 or empty)`);
    if ((kind === "reached" || kind === "abandoned") && step === "") problems.push(`invalid ${where} step: empty (required for ${kind} rows)`);
    if (reason !== "" && kind !== "abandoned") problems.push(`invalid ${where} reason: ${JSON.stringify(reason)} (only abandoned rows have a reason)`);
    rows.push({ kind: kind as FunnelKind, step: step === "" ? null : step, reason: reason === "" ? null : reason, interval: intervalValue, count: value });
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return rows;
}
