import { describe, expect, it } from "vitest";
import { formatFunnelCsv, parseFunnelCsv, type FunnelRow } from "./funnelCsv.ts";

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
    expect(() => parseFunnelCsv("step,count\ncart,3\n", "obs.csv")).toThrow(/^invalid obs\.csv header: "step,count" \(must be kind,step,reason,interval,count\)$/);
    expect(() => parseFunnelCsv("", "obs.csv")).toThrow(/^invalid obs\.csv: empty/);
  });

  it("parseFunnelCsv(text) lists every bad line with its number", () => {
    const text = ["kind,step,reason,interval,count", "visits,,,,3", "reached,,,,5", "reached,cart,,x,5", "abandoned,cart,,,-2", "orders,,why,,1", "sessions,,,"].join("\n");
    let problems: readonly string[] = [];
    try {
      parseFunnelCsv(text, "obs.csv");
    } catch (error) {
      problems = (error as { problems: readonly string[] }).problems;
    }
    expect(problems).toEqual([
      'invalid obs.csv line 2 kind: "visits" (allowed: sessions, reached, abandoned, orders, chatRequests, chatsServed, invitations)',
      "invalid obs.csv line 3 step: empty (required for reached rows)",
      'invalid obs.csv line 4 interval: "x" (must be an integer >= 0 or empty)',
      'invalid obs.csv line 5 count: "-2" (must be a number >= 0)',
      'invalid obs.csv line 6 reason: "why" (only abandoned rows have a reason)',
      "invalid obs.csv line 7: 4 fields (must have 5: kind,step,reason,interval,count)",
    ]);
  });
});
