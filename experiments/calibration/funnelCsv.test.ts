import { describe, expect, it } from "vitest";
import { type FunnelRow, formatFunnelCsv, parseFunnelCsv } from "./funnelCsv.ts";

describe("parseFunnelCsv", () => {
  it("parseFunnelCsv(formatFunnelCsv(rows)) gives the rows back, quoting where needed", () => {
    const rows: FunnelRow[] = [
      { kind: "sessions", step: null, reason: null, interval: null, count: 40000 },
      { kind: "reached", step: "cart", reason: null, interval: 3, count: 120 },
      { kind: "abandoned", step: "pay, now", reason: "justBrowsing", interval: null, count: 7 },
    ];
    const text = formatFunnelCsv(rows);
    expect(text).toContain('abandoned,"pay, now",justBrowsing,,7');
    expect(parseFunnelCsv(text)).toEqual(rows);
  });

  it("parseFunnelCsv(text) rejects a wrong header", () => {
    expect(() => parseFunnelCsv("step,count\ncart,3\n", "obs.csv")).toThrow(
      /^invalid obs\.csv header: "step,count" \(must be kind,step,reason,interval,count\)$/,
    );
    expect(() => parseFunnelCsv("", "obs.csv")).toThrow(/^invalid obs\.csv: empty/);
  });

  it("parseFunnelCsv(text) lists every bad line with its number", () => {
    const text = [
      "kind,step,reason,interval,count",
      "visits,,,,3",
      "reached,,,,5",
      "reached,cart,,x,5",
      "abandoned,cart,,,-2",
      "orders,,why,,1",
      "sessions,,,",
    ].join("\n");
    let problems: readonly string[] = [];
    try {
      parseFunnelCsv(text, "obs.csv");
    } catch (error) {
      problems = (error as { problems: readonly string[] }).problems;
    }
    expect(problems).toEqual([
      'invalid obs.csv line 2 kind: "visits" (allowed: sessions, reached, abandoned, orders, chatRequests, chatsServed, chatsAbandoned, invitations, invitationsAccepted, sessionsWithChat, ordersWithChat, holdoutSessions, holdoutOrders)',
      "invalid obs.csv line 3 step: empty (required for reached rows)",
      'invalid obs.csv line 4 interval: "x" (must be an integer >= 0 or empty)',
      'invalid obs.csv line 5 count: "-2" (must be a number from 0 to 1e12)',
      'invalid obs.csv line 6 reason: "why" (only abandoned rows have a reason)',
      "invalid obs.csv line 7: 4 fields (must have 5: kind,step,reason,interval,count)",
    ]);
  });

  it("parseFunnelCsv(formatFunnelCsv(rows)) keeps quoted line breaks and escapes formulas for spreadsheets", () => {
    const rows: FunnelRow[] = [
      { kind: "reached", step: '=HYPERLINK("http://x")', reason: null, interval: null, count: 4 },
      { kind: "abandoned", step: "two\nlines", reason: "@sum", interval: 2, count: 1 },
      { kind: "reached", step: "carriage\rreturn", reason: null, interval: null, count: 3 },
      { kind: "reached", step: "-1+2", reason: null, interval: null, count: 0 },
    ];
    const text = formatFunnelCsv(rows);
    // OWASP CSV injection: a cell starting with = + - @ tab or CR is prefixed with ' for spreadsheets.
    expect(text).toContain(`reached,"'=HYPERLINK(""http://x"")",,,4`);
    expect(text).toContain(`abandoned,"two\nlines",'@sum,2,1`);
    expect(text).toContain(`reached,"carriage\rreturn",,,3`);
    expect(text).toContain("reached,'-1+2,,,0");
    expect(parseFunnelCsv(text)).toEqual(rows);
  });

  it("parseFunnelCsv(text) refuses a count above 1e12 (1e308 would overflow the fit) and accepts 1e12", () => {
    expect(() => parseFunnelCsv("kind,step,reason,interval,count\nsessions,,,,1e308\n", "obs.csv")).toThrow(
      /^invalid obs\.csv line 2 count: "1e308" \(must be a number from 0 to 1e12\)$/,
    );
    expect(parseFunnelCsv("kind,step,reason,interval,count\nsessions,,,,1e12\n")[0].count).toBe(1e12);
  });

  it("parseFunnelCsv(text) names the line of an unclosed quote", () => {
    expect(() => parseFunnelCsv('kind,step,reason,interval,count\nreached,"cart,,,3\n', "obs.csv")).toThrow(/^invalid obs\.csv line \d+: .*quote.*$/i);
  });
});
