import type { TeamFigureExportRow } from "../../../reports/index.ts";
import { roundMoney } from "../../../sim/model/index.ts";
import type { ChatRecord } from "./chatRecords.ts";

/**
 * One agent's (or the whole team's, agentId "team") figures for one interval. Names match the
 * simulator's per-agent figures where they mean the same (chatsHandled, meanHandleSeconds,
 * rescuedOrders); `concurrency` is mean chats held at once, idle time included (not the simulator's
 * occupancy, the share of time with at least one chat).
 */
// One definition, the report's input type: the export and the report that reads it cannot drift apart.
export type TeamFigureRow = TeamFigureExportRow;

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);
const round = (value: number | null, digits = 3): number | null => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * Per-agent and per-team figures per interval of `intervalSeconds`, aligned to the Unix epoch
 * (so 3600 gives clock hours in UTC). A chat belongs to the interval it started in; its held time
 * is split across the intervals it spans for `concurrency`. Chats still open count their time up
 * to `nowMs`. Rows are sorted by interval, then agent, with the team row first in each interval.
 *
 * teamFigures([{ agentId: "a", startedAtMs: 0, endedAtMs: 1_800_000, ... }], 3600, 3_600_000)
 * // → a: chatsHandled 1, concurrency 0.5 (half an hour held in a one-hour interval)
 */
export function teamFigures(records: readonly ChatRecord[], intervalSeconds: number, nowMs: number): TeamFigureRow[] {
  const intervalMs = intervalSeconds * 1000;
  const groups = new Map<string, { start: number; agentId: string; agentName: string; chats: ChatRecord[]; heldMs: number }>();
  const group = (start: number, agentId: string, agentName: string) => {
    const key = `${start}\u0000${agentId}`;
    let found = groups.get(key);
    if (!found) {
      found = { start, agentId, agentName, chats: [], heldMs: 0 };
      groups.set(key, found);
    }
    return found;
  };
  for (const record of records) {
    const start = Math.floor(record.startedAtMs / intervalMs) * intervalMs;
    for (const [agentId, agentName] of [
      [record.agentId, record.agentName],
      ["team", "Team"],
    ]) {
      group(start, agentId, agentName).chats.push(record);
      const endMs = record.endedAtMs ?? nowMs;
      for (let from = start; from < endMs; from += intervalMs) {
        const held = Math.min(endMs, from + intervalMs) - Math.max(record.startedAtMs, from);
        if (held > 0) group(from, agentId, agentName).heldMs += held;
      }
    }
  }
  const rows = [...groups.values()].map((entry): TeamFigureRow => {
    const rated = entry.chats.filter((chat) => chat.rating !== null).map((chat) => chat.rating!);
    const orders = entry.chats.flatMap((chat) => chat.orders);
    return {
      intervalStartMs: entry.start,
      agentId: entry.agentId,
      agentName: entry.agentName,
      chatsHandled: entry.chats.length,
      firstResponseSeconds: round(mean(entry.chats.filter((chat) => chat.firstResponseSeconds !== null).map((chat) => chat.firstResponseSeconds!))),
      meanHandleSeconds: round(mean(entry.chats.filter((chat) => chat.handleSeconds !== null).map((chat) => chat.handleSeconds!))),
      concurrency: round(entry.heldMs / intervalMs)!,
      rescuedOrders: orders.length,
      revenue: roundMoney(orders.reduce((sum, order) => sum + order.total, 0)),
      rating: round(mean(rated)),
      ratings: rated.length,
    };
  });
  return rows.sort(
    (a, b) => a.intervalStartMs - b.intervalStartMs || Number(b.agentId === "team") - Number(a.agentId === "team") || a.agentId.localeCompare(b.agentId),
  );
}

/** The JSON team export (`GET /api/admin/team`), which `convsim report` reads as an input by its `kind`. */
export interface TeamFiguresExport {
  kind: "teamFigures";
  currency: string;
  intervalSeconds: number;
  rows: TeamFigureRow[];
}

/** The rows as the JSON team export: `kind` tells the report command what the file is. */
export function teamFiguresExport(rows: TeamFigureRow[], intervalSeconds: number, currency: string): TeamFiguresExport {
  return { kind: "teamFigures", currency, intervalSeconds, rows };
}

/** The rows as CSV (header + one line per row; empty cells for null), for spreadsheets and the report. */
export function teamFiguresCsv(rows: readonly TeamFigureRow[]): string {
  const columns = [
    "intervalStart",
    "agentId",
    "agentName",
    "chatsHandled",
    "firstResponseSeconds",
    "meanHandleSeconds",
    "concurrency",
    "rescuedOrders",
    "revenue",
    "rating",
    "ratings",
  ] as const;
  const cell = (value: unknown): string => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = rows.map((row) =>
    [
      new Date(row.intervalStartMs).toISOString(),
      row.agentId,
      row.agentName,
      row.chatsHandled,
      row.firstResponseSeconds,
      row.meanHandleSeconds,
      row.concurrency,
      row.rescuedOrders,
      row.revenue,
      row.rating,
      row.ratings,
    ]
      .map(cell)
      .join(","),
  );
  return `${[columns.join(","), ...lines].join("\n")}\n`;
}
