import { describe, expect, it } from "vitest";
import { parseReportDocument, parseTeamFiguresCsv, TEAM_FIGURES_CSV_HEADER, type TeamFiguresResults } from "../../../reports/index.ts";
import type { StoreEvent } from "../events/storeEvents.ts";
import { chatRecords } from "./chatRecords.ts";
import { searchTranscripts } from "./searchTranscripts.ts";
import { teamFigures, teamFiguresCsv, teamFiguresExport } from "./teamFigures.ts";

const HOUR = 3_600_000;
const at = (atMs: number, event: Record<string, unknown>) => ({ atMs, ...event }) as StoreEvent;
// Two agents in the first hour, one chat of Ana's crossing into the second hour.
//   ana:  c1 00:00–00:30 (reply at +20 s, rated 4, shopper orders 80 at 00:10), c3 00:45–01:15 (reply at +40 s, still open at first? no: ends 01:15)
//   ben:  c2 00:06–00:18 (never replies, rated 2, order 50 placed BEFORE the chat: not rescued)
const EVENTS: StoreEvent[] = [
  at(0, { type: "chatStarted", sessionId: "s1", chatId: "c1", agentId: "ana", agentName: "Ana", waitSeconds: 5 }),
  at(20_000, { type: "chatMessage", sessionId: "s1", chatId: "c1", from: "agent", author: "Ana", text: "Hello, how can I help?" }),
  at(0.05 * HOUR, { type: "orderPlaced", sessionId: "s2", orderId: "o-early", total: 50 }),
  at(0.1 * HOUR, { type: "chatStarted", sessionId: "s2", chatId: "c2", agentId: "ben", agentName: "Ben", waitSeconds: 1 }),
  at(0.1 * HOUR + 1000, { type: "chatMessage", sessionId: "s2", chatId: "c2", from: "shopper", author: "Shopper", text: "Where is my parcel" }),
  at(10 * 60_000, { type: "orderPlaced", sessionId: "s1", orderId: "o1", total: 80 }),
  at(0.3 * HOUR, { type: "chatEnded", sessionId: "s2", chatId: "c2", endedBy: "shopper", handleSeconds: 720 }),
  at(0.3 * HOUR + 1, { type: "chatRated", sessionId: "s2", chatId: "c2", agentId: "ben", rating: 2, comment: "slow" }),
  at(0.5 * HOUR, { type: "chatEnded", sessionId: "s1", chatId: "c1", endedBy: "agent", handleSeconds: 1800 }),
  at(0.5 * HOUR + 1, { type: "chatRated", sessionId: "s1", chatId: "c1", agentId: "ana", rating: 4, comment: "" }),
  at(0.75 * HOUR, { type: "chatStarted", sessionId: "s3", chatId: "c3", agentId: "ana", agentName: "Ana", waitSeconds: 0 }),
  at(0.75 * HOUR + 40_000, { type: "chatMessage", sessionId: "s3", chatId: "c3", from: "agent", author: "Ana", text: "Hi there, parcel question?" }),
  at(1.25 * HOUR, { type: "chatEnded", sessionId: "s3", chatId: "c3", endedBy: "agent", handleSeconds: 1800 }),
];

describe("teamFigures", () => {
  it("teamFigures(records, 3600) gives per-agent and team figures per hour, worked out by hand", () => {
    const rows = teamFigures(chatRecords(EVENTS), 3600, 2 * HOUR);
    const pick = (start: number, agentId: string) => rows.find((row) => row.intervalStartMs === start && row.agentId === agentId);
    // Ana, hour 0: c1 and c3 started; replies after 20 s and 40 s; c1 30 min + c3 15 min held = 0.75 of the hour.
    expect(pick(0, "ana")).toEqual({
      intervalStartMs: 0,
      agentId: "ana",
      agentName: "Ana",
      chatsHandled: 2,
      firstResponseSeconds: 30,
      meanHandleSeconds: 1800,
      concurrency: 0.75,
      rescuedOrders: 1,
      revenue: 80,
      rating: 4,
      ratings: 1,
    });
    // Ben, hour 0: 12 min held = 0.2; no reply; the order placed before his chat is not his.
    expect(pick(0, "ben")).toEqual({
      intervalStartMs: 0,
      agentId: "ben",
      agentName: "Ben",
      chatsHandled: 1,
      firstResponseSeconds: null,
      meanHandleSeconds: 720,
      concurrency: 0.2,
      rescuedOrders: 0,
      revenue: 0,
      rating: 2,
      ratings: 1,
    });
    // Team, hour 0: 0.75 + 0.2 held; ratings 4 and 2.
    expect(pick(0, "team")).toMatchObject({
      chatsHandled: 3,
      firstResponseSeconds: 30,
      meanHandleSeconds: 1440,
      concurrency: 0.95,
      rescuedOrders: 1,
      revenue: 80,
      rating: 3,
      ratings: 2,
    });
    // Hour 1: no chat started, but c3's last 15 minutes were held then.
    expect(pick(HOUR, "ana")).toMatchObject({ chatsHandled: 0, concurrency: 0.25, meanHandleSeconds: null, rating: null });
    expect(rows.map((row) => `${row.intervalStartMs / HOUR}:${row.agentId}`)).toEqual(["0:team", "0:ana", "0:ben", "1:team", "1:ana"]);
  });

  it("a chat still open at nowMs counts its time held so far", () => {
    const open = EVENTS.filter((event) => !(event.type === "chatEnded" && event.chatId === "c3"));
    const ana = teamFigures(chatRecords(open), 3600, 0.95 * HOUR).find((row) => row.agentId === "ana")!;
    expect(ana.concurrency).toBe(0.7);
  });

  it("teamFiguresCsv writes one header and a line per row, empty for null, formula-like text quoted", () => {
    const csv = teamFiguresCsv(
      teamFigures(
        chatRecords([at(0, { type: "chatStarted", sessionId: "s", chatId: "c", agentId: "x", agentName: "=HYPERLINK(1)", waitSeconds: 0 })]),
        3600,
        HOUR,
      ),
    );
    expect(csv.split("\n")[0]).toBe(
      "intervalStart,agentId,agentName,chatsHandled,firstResponseSeconds,meanHandleSeconds,concurrency,rescuedOrders,revenue,rating,ratings",
    );
    expect(csv.split("\n")[2]).toBe('1970-01-01T00:00:00.000Z,x,"=HYPERLINK(1)",1,,,1,0,0,,0');
  });

  it("the JSON and CSV exports read back in the report command as the same rows (the two sides cannot drift apart)", () => {
    const rows = teamFigures(chatRecords(EVENTS), 3600, 2 * HOUR);
    const csv = teamFiguresCsv(rows);
    expect(csv.split("\n")[0]).toBe(TEAM_FIGURES_CSV_HEADER);
    expect(parseTeamFiguresCsv(csv, "team.csv").rows).toEqual(rows);
    const document = parseReportDocument(JSON.parse(JSON.stringify(teamFiguresExport(rows, 3600, "EUR"))), "team.json");
    expect(document.body as TeamFiguresResults).toEqual({ kind: "teamFigures", scenario: "Live desk", currency: "EUR", intervalSeconds: 3600, rows });
  });

  it("searchTranscripts finds chats by every word of the query in any message, newest first", () => {
    const records = chatRecords(EVENTS);
    expect(searchTranscripts(records, "PARCEL").map((record) => record.chatId)).toEqual(["c3", "c2"]);
    expect(searchTranscripts(records, "parcel where").map((record) => record.chatId)).toEqual(["c2"]);
    expect(searchTranscripts(records, "").map((record) => record.chatId)).toEqual(["c3", "c2", "c1"]);
  });
});
