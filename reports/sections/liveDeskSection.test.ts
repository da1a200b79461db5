import { describe, expect, it } from "vitest";
import type { TeamFigureExportRow, TeamFiguresResults } from "../inputTypes.ts";
import { createRenderContext } from "../renderContext.ts";
import { renderReport } from "../renderReport.ts";
import { parseReportDocument } from "../reportDocument.ts";
import { chatOnlyResultsFixture, storeResultsFixture } from "../testing/index.ts";
import { liveAgentFigures, liveDeskSection } from "./liveDeskSection.ts";

const HOUR_MS = 3_600_000;
const row = (intervalStartMs: number, agentId: string, agentName: string, figures: Partial<TeamFigureExportRow>): TeamFigureExportRow => ({
  intervalStartMs,
  agentId,
  agentName,
  chatsHandled: 0,
  firstResponseSeconds: null,
  meanHandleSeconds: null,
  concurrency: 0,
  rescuedOrders: 0,
  revenue: 0,
  rating: null,
  ratings: 0,
  ...figures,
});
// Two hours of a two-agent desk, as the store's export writes it (team row first in each hour):
//   hour 0: Ana 2 chats (first response 20 s, handle 600 s, 1.0 held, 1 order of 80, rated 4); Ben 1 chat (50 s, 600 s, 0.5 held)
//   hour 1: Ana 1 open chat (no reply yet, 0.25 held, 1 order of 20.50, rated 2); Ben no row
const ROWS: TeamFigureExportRow[] = [
  row(0, "team", "Team", {
    chatsHandled: 3,
    firstResponseSeconds: 30,
    meanHandleSeconds: 600,
    concurrency: 1.5,
    rescuedOrders: 1,
    revenue: 80,
    rating: 4,
    ratings: 1,
  }),
  row(0, "ana", "Ana", {
    chatsHandled: 2,
    firstResponseSeconds: 20,
    meanHandleSeconds: 600,
    concurrency: 1,
    rescuedOrders: 1,
    revenue: 80,
    rating: 4,
    ratings: 1,
  }),
  row(0, "ben", "Ben", { chatsHandled: 1, firstResponseSeconds: 50, meanHandleSeconds: 600, concurrency: 0.5 }),
  row(HOUR_MS, "team", "Team", { chatsHandled: 1, concurrency: 0.25, rescuedOrders: 1, revenue: 20.5, rating: 2, ratings: 1 }),
  row(HOUR_MS, "ana", "Ana", { chatsHandled: 1, concurrency: 0.25, rescuedOrders: 1, revenue: 20.5, rating: 2, ratings: 1 }),
];
const EXPORT: TeamFiguresResults = { kind: "teamFigures", scenario: "Live desk", currency: "USD", intervalSeconds: 3600, rows: ROWS };

/** A chat-only run with two seats whose figures are set by hand (the rest of the fixture's desk: 453 served, 735.58 s handle, 67.45% occupancy). */
function simulatedRun() {
  const run = chatOnlyResultsFixture();
  run.chat.agents = [
    { agent: 1, chatsHandled: 250, meanHandleSeconds: 700, occupancy: 0.7, rescuedOrders: 0 },
    { agent: 2, chatsHandled: 203, meanHandleSeconds: 780, occupancy: 0.65, rescuedOrders: 0 },
  ];
  return run;
}

const texts = (cells: readonly { text: string }[]) => cells.map((cell) => cell.text);

describe("liveDeskSection", () => {
  it("liveAgentFigures folds the intervals by hand: counts add, concurrency over both hours, rating by ratings", () => {
    const [team, ana, ben] = liveAgentFigures(ROWS);
    // Ana: 2 + 1 chats; first response only hour 0 (20 s); concurrency (1 + 0.25) / 2; rating (4 + 2) / 2; revenue 80 + 20.50.
    expect(ana).toEqual({
      agentId: "ana",
      agentName: "Ana",
      chatsHandled: 3,
      firstResponseSeconds: 20,
      meanHandleSeconds: 600,
      concurrency: 0.625,
      rescuedOrders: 2,
      revenue: 100.5,
      rating: 3,
      ratings: 2,
    });
    // Ben has no row in hour 1: it counts as no chat held, (0.5 + 0) / 2.
    expect(ben).toMatchObject({ chatsHandled: 1, firstResponseSeconds: 50, concurrency: 0.25, rating: null });
    expect(team).toMatchObject({ agentId: "team", chatsHandled: 4, firstResponseSeconds: 30, concurrency: 0.875, revenue: 100.5, rating: 3 });
  });

  it("liveDeskSection(export) with a chat-only run sets live agents beside the simulator's seats under the same figure names; orders are not simulated there", () => {
    const section = liveDeskSection(EXPORT, createRenderContext({ peers: [simulatedRun()] }))!;
    expect(section.title).toBe("Live desk vs simulator");
    const table = section.tables[0];
    expect(table.columns.map((column) => column.label)).toEqual([
      "Source",
      "Agent",
      "Chats handled (chatsHandled)",
      "First response (firstResponseSeconds)",
      "Handle time (meanHandleSeconds)",
      "Concurrency (concurrency)",
      "Occupancy (occupancy)",
      "Rescued orders (rescuedOrders)",
      "Rescued revenue (revenue)",
      "Rating (rating)",
    ]);
    expect(table.rows.map(texts)).toEqual([
      ["Live desk", "Team", "4", "30 s", "10 min", "0.88", "not measured live", "2", "$100.50", "3"],
      ["Live desk", "Ana (ana)", "3", "20 s", "10 min", "0.63", "not measured live", "2", "$100.50", "3"],
      ["Live desk", "Ben (ben)", "1", "50 s", "10 min", "0.25", "not measured live", "0", "$0.00", "no data"],
      [
        "Simulated: Support desk, Erlang A check",
        "Team",
        "453",
        "not simulated",
        "12.3 min",
        "not simulated",
        "67.5%",
        "not simulated",
        "not simulated",
        "not simulated",
      ],
      [
        "Simulated: Support desk, Erlang A check",
        "Seat 1",
        "250",
        "not simulated",
        "11.7 min",
        "not simulated",
        "70.0%",
        "not simulated",
        "not simulated",
        "not simulated",
      ],
      [
        "Simulated: Support desk, Erlang A check",
        "Seat 2",
        "203",
        "not simulated",
        "13 min",
        "not simulated",
        "65.0%",
        "not simulated",
        "not simulated",
        "not simulated",
      ],
    ]);
    expect(section.takeaway).toBe("The live desk: 2 agents handled 4 chats over 2 h; simulated: Support desk, Erlang A check, 2 seats, 453 chats over 1 day");
  });

  it("liveDeskSection(export) with a store run shows the seats' and the desk's rescued orders and the desk's rescued revenue", () => {
    const run = storeResultsFixture({ days: 1 });
    run.chat.agents = [{ agent: 0, chatsHandled: 453, meanHandleSeconds: 735.5805306, occupancy: 0.6745293, rescuedOrders: 103 }];
    const rows = liveDeskSection(EXPORT, createRenderContext({ peers: [run] }))!
      .tables[0].rows.map(texts)
      .slice(3);
    // The fixture's outcome: 103 rescued orders worth $14,633.44.
    expect(rows.map((row) => row.slice(1))).toEqual([
      ["Team", "453", "not simulated", "12.3 min", "not simulated", "67.5%", "103", "$14,633.44", "not simulated"],
      ["Seat 0", "453", "not simulated", "12.3 min", "not simulated", "67.5%", "103", "not simulated", "not simulated"],
    ]);
  });

  it("liveDeskSection(export) without a simulate run shows the live rows and says no run was given", () => {
    const section = liveDeskSection(EXPORT, createRenderContext())!;
    expect(section.tables[0].rows).toHaveLength(3);
    expect(section.takeaway).toMatch(/no simulate run was given/);
    expect(section.notes.at(-1)).toMatch(/^Give a simulate run/);
  });

  it("an agent name carrying markup stays text in the rendered report", () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const rows = ROWS.map((entry) => (entry.agentId === "ana" ? { ...entry, agentName: payload, agentId: "a&b" } : entry));
    const document = parseReportDocument({ kind: "teamFigures", currency: "USD", intervalSeconds: 3600, rows }, "team.json");
    const page = renderReport([document]);
    expect(page).not.toContain("<img src=x");
    expect(page).not.toContain("<script>alert(2)");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt; (a&amp;b)");
  });

  it("parseReportDocument tells the export by its kind or its shape and names a bad row field", () => {
    expect(parseReportDocument({ currency: "EUR", intervalSeconds: 900, rows: ROWS }, "old.json").body.kind).toBe("teamFigures");
    expect(() => parseReportDocument({ kind: "teamFigures", rows: [ROWS[0], { ...ROWS[1], chatsHandled: "3" }] }, "team.json")).toThrow(
      /^invalid team\.json rows\[1\]\.chatsHandled: "3" \(must be a number\)$/,
    );
    expect(() => parseReportDocument({ kind: "teamFigures", rows: "x" }, "team.json")).toThrow(/^invalid team\.json rows: "x" \(must be an array\)$/);
  });
});
