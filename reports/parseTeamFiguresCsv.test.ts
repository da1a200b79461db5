import { describe, expect, it } from "vitest";
import { isTeamFiguresCsv, parseTeamFiguresCsv, TEAM_FIGURES_CSV_HEADER } from "./parseTeamFiguresCsv.ts";

describe("parseTeamFiguresCsv", () => {
  it("parseTeamFiguresCsv reads quoted cells (comma, doubled quote, line break, formula-like text) and empty cells as null", () => {
    const text = `${TEAM_FIGURES_CSV_HEADER}\r\n2026-03-01T10:00:00.000Z,a1,"Lee, ""Ace""\nSmith",2,12.5,,0.75,1,80.5,,0\n2026-03-01T10:00:00.000Z,a2,"=HYPERLINK(1)",0,,,0,0,0,4,1\n`;
    expect(isTeamFiguresCsv(`\uFEFF${text}`)).toBe(true);
    expect(parseTeamFiguresCsv(text, "team.csv").rows).toEqual([
      {
        intervalStartMs: Date.UTC(2026, 2, 1, 10),
        agentId: "a1",
        agentName: 'Lee, "Ace"\nSmith',
        chatsHandled: 2,
        firstResponseSeconds: 12.5,
        meanHandleSeconds: null,
        concurrency: 0.75,
        rescuedOrders: 1,
        revenue: 80.5,
        rating: null,
        ratings: 0,
      },
      {
        intervalStartMs: Date.UTC(2026, 2, 1, 10),
        agentId: "a2",
        agentName: "=HYPERLINK(1)",
        chatsHandled: 0,
        firstResponseSeconds: null,
        meanHandleSeconds: null,
        concurrency: 0,
        rescuedOrders: 0,
        revenue: 0,
        rating: 4,
        ratings: 1,
      },
    ]);
  });

  it("isTeamFiguresCsv is false for other CSV and JSON", () => {
    expect(isTeamFiguresCsv("step,reached\nbrowse,10\n")).toBe(false);
    expect(isTeamFiguresCsv('{"rows":[]}')).toBe(false);
  });

  it("parseTeamFiguresCsv names the record, column and value of a bad cell in one line", () => {
    expect(() => parseTeamFiguresCsv(`${TEAM_FIGURES_CSV_HEADER}\nyesterday,a,A,1,,,0,0,0,,0\n`, "t.csv")).toThrow(
      /^invalid t\.csv record 2 intervalStart: "yesterday" \(must be an ISO date\)$/,
    );
    expect(() => parseTeamFiguresCsv(`${TEAM_FIGURES_CSV_HEADER}\n2026-03-01T10:00:00Z,a,A,1,,,,0,0,,0\n`, "t.csv")).toThrow(
      /^invalid t\.csv record 2 concurrency: "" \(must be a number\)$/,
    );
    expect(() => parseTeamFiguresCsv(`${TEAM_FIGURES_CSV_HEADER}\n2026-03-01T10:00:00Z,a,A,1\n`, "t.csv")).toThrow(
      /^invalid t\.csv record 2: 4 cells \(must be 11\)$/,
    );
    expect(() => parseTeamFiguresCsv(`${TEAM_FIGURES_CSV_HEADER}\n2026-03-01T10:00:00Z,a,"A,1\n`, "t.csv")).toThrow(
      /^invalid t\.csv: unterminated quoted cell/,
    );
  });
});
