import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkReportInBrowser, chromiumAvailable, comparisonFixture, launchChromium, stampFixture, storeResultsFixture } from "../../reports/testing/index.ts";
import { chatRecords, teamFigures, teamFiguresCsv, teamFiguresExport } from "../store/analytics/index.ts";
import { EventLog } from "../store/events/EventLog.ts";
import { readEventLog } from "../store/events/readEventLog.ts";
import type { StoreEvent } from "../store/events/storeEvents.ts";
import { Warnings } from "../store/Warnings.ts";
import { writeReport } from "./reportCommand.ts";
import { type CliRun, spawnCli } from "./spawnCli.ts";
import { UsageError } from "./UsageError.ts";

// The real `report` command in a child process (exit codes, stderr, files), and writeReport in-process.

const folder = mkdtempSync(join(tmpdir(), "convsim-report-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function cli(...args: string[]): Promise<CliRun> {
  return convsim("report", ...args);
}

function convsim(...args: string[]): Promise<CliRun> {
  return spawnCli(args);
}

function writeJson(name: string, data: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

describe("report command", () => {
  it("report <sim.json> <compare.json> --out FILE --title TEXT writes one HTML file", async () => {
    const simulation = writeJson("sim.json", { stamp: stampFixture(), results: storeResultsFixture({ days: 1 }) });
    const comparison = writeJson("compare.json", { stamp: stampFixture({ command: "compare" }), comparison: comparisonFixture(), grid: null });
    const out = join(folder, "nested", "report.html");
    const run = await cli(simulation, comparison, "--out", out, "--title", "Q3 <review>");
    expect([run.code, run.stderr]).toEqual([0, `next: open ${out}\n`]);
    expect(run.stdout).toBe(`report written to ${out}\n`);
    const page = readFileSync(out, "utf8");
    expect(page).toContain("<h1>Q3 &lt;review&gt;</h1>");
    expect(page).toContain('id="r2-comparison"');
  });

  it("report with a missing file, invalid JSON or an unknown kind exits 2 with one clear line and writes nothing", async () => {
    const out = join(folder, "never.html");
    const bad = join(folder, "bad.json");
    writeFileSync(bad, "{");
    const unknown = writeJson("unknown.json", { stamp: {}, results: { kind: "weather" } });
    const runs = await Promise.all([cli(join(folder, "missing.json"), "--out", out), cli(bad, "--out", out), cli(unknown, "--out", out)]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2]);
    expect(runs[0].stderr).toMatch(/^error: cannot read results file .*missing\.json: no such file\n$/);
    expect(runs[1].stderr).toMatch(/^error: invalid results file .*bad\.json: JSON syntax error: /);
    expect(runs[2].stderr).toMatch(
      /^error: .*unknown\.json:\n {2}invalid results\.kind: "weather" \(allowed: store, chatOnly, comparison, decision, staffing, calibration, syntheticCheck, teamFigures\)\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("report with an unknown option or no file exits 2", async () => {
    const [typo, none] = await Promise.all([cli("x.json", "--outt", "y"), cli()]);
    expect([typo.code, none.code]).toEqual([2, 2]);
    expect(typo.stderr).toMatch(/invalid option --outt: unknown option \(did you mean --out\?\)/);
  });

  it("writeReport(documents, outPath) renders in-memory { stamp, results } documents; a bad one is a UsageError", () => {
    const out = join(folder, "direct.html");
    writeReport([{ stamp: stampFixture(), results: storeResultsFixture({ days: 1 }) }], out, { title: "Direct", sources: ["simulate"] });
    expect(readFileSync(out, "utf8")).toContain("<dt>Source</dt><dd>simulate</dd>");
    expect(() => writeReport([{ results: { kind: "nope" } }], join(folder, "x.html"))).toThrow(UsageError);
    expect(existsSync(join(folder, "x.html"))).toBe(false);
  });
});

describe("report with the live store's team export", () => {
  const HOUR_MS = 3_600_000;
  const XSS = '<img src=x onerror="alert(1)">';
  const at = (atMs: number, event: Record<string, unknown>) => ({ atMs, ...event }) as StoreEvent;
  // One hour of a two-agent desk: Ana (an agent name carrying markup) answers after 30 s, handles 20 min,
  // her shopper orders 120 and rates 5; Ben answers after 60 s and handles 10 min.
  const EVENTS: StoreEvent[] = [
    at(0, { type: "chatStarted", sessionId: "s1", chatId: "c1", agentId: "ana", agentName: XSS, waitSeconds: 3 }),
    at(30_000, { type: "chatMessage", sessionId: "s1", chatId: "c1", from: "agent", author: XSS, text: "Hello" }),
    at(600_000, { type: "orderPlaced", sessionId: "s1", orderId: "o1", total: 120 }),
    at(1_200_000, { type: "chatEnded", sessionId: "s1", chatId: "c1", endedBy: "agent", handleSeconds: 1200 }),
    at(1_200_001, { type: "chatRated", sessionId: "s1", chatId: "c1", agentId: "ana", rating: 5, comment: "" }),
    at(1_800_000, { type: "chatStarted", sessionId: "s2", chatId: "c2", agentId: "ben", agentName: "Ben", waitSeconds: 0 }),
    at(1_860_000, { type: "chatMessage", sessionId: "s2", chatId: "c2", from: "agent", author: "Ben", text: "Hi" }),
    at(2_400_000, { type: "chatEnded", sessionId: "s2", chatId: "c2", endedBy: "shopper", handleSeconds: 600 }),
  ];

  /** The export as the store writes it: events through its fsynced log, read back, projected and exported. */
  async function writeExports(): Promise<{ json: string; csv: string }> {
    const logPath = join(folder, "store", "events.jsonl");
    const { log } = await EventLog.open(logPath, new Warnings());
    for (const event of EVENTS) void log.append(event);
    await log.durable();
    await log.close();
    const rows = teamFigures(chatRecords(readEventLog(logPath, new Warnings()).events), 3600, HOUR_MS);
    const json = join(folder, "team.json");
    const csv = join(folder, "team.csv");
    writeFileSync(json, JSON.stringify(teamFiguresExport(rows, 3600, "USD")));
    writeFileSync(csv, teamFiguresCsv(rows));
    return { json, csv };
  }

  /** The live-desk table's rows as cell texts, read from the page. */
  const tableRows = (page: string): string[][] => {
    const table = page.slice(page.indexOf('id="r1-live-desk-table"'));
    const body = table.slice(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
    return body
      .split("<tr")
      .slice(1)
      .map((row) => [...row.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, "")));
  };

  it("report <team.json> <simulate.json> renders the live desk beside the simulated seats; the CSV export gives the same table", async () => {
    const { json, csv } = await writeExports();
    const simulation = join(folder, "contact.json");
    const simulate = await convsim("simulate", "experiments/scenarios/contact-center.yaml", "--days", "1", "--out", simulation, "--quiet");
    expect(simulate.code).toBe(0);
    const seats = (JSON.parse(readFileSync(simulation, "utf8")) as { results: { chat: { agents: { agent: number; chatsHandled: number }[] } } }).results.chat
      .agents;
    const [fromJson, fromCsv] = [join(folder, "live-json.html"), join(folder, "live-csv.html")];
    const runs = await Promise.all([cli(json, simulation, "--out", fromJson), cli(csv, simulation, "--out", fromCsv)]);
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    const page = readFileSync(fromJson, "utf8");
    expect(page).toContain("Live desk vs simulator");
    const rows = tableRows(page);
    // Hand-worked: team 2 chats, first response (30 + 60) / 2 = 45 s, handle (1200 + 600) / 2 = 900 s = 15 min,
    // concurrency (20 + 10 min) / 60 min = 0.5, one rescued order of 120, one rating of 5.
    expect(rows[0]).toEqual(["Live desk", "Team", "2", "45 s", "15 min", "0.5", "not measured live", "1", "$120.00", "5"]);
    expect(rows[1]).toEqual([
      "Live desk",
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; (ana)",
      "1",
      "30 s",
      "20 min",
      "0.33",
      "not measured live",
      "1",
      "$120.00",
      "5",
    ]);
    expect(rows[2]).toEqual(["Live desk", "Ben (ben)", "1", "60 s", "10 min", "0.17", "not measured live", "0", "$0.00", "no data"]);
    // The simulator's seats follow, one row each, with the figures of its own results file.
    const seatRows = rows.filter((row) => row[1].startsWith("Seat "));
    expect(seatRows.map((row) => [row[1], row[2].replace(/,/g, "")])).toEqual(seats.map((seat) => [`Seat ${seat.agent}`, String(seat.chatsHandled)]));
    expect(seatRows.every((row) => row[3] === "not simulated" && row[9] === "not simulated")).toBe(true);
    expect(page).not.toContain("<img src=x");
    expect(tableRows(readFileSync(fromCsv, "utf8"))).toEqual(rows);
  });

  it.skipIf(!chromiumAvailable())("the agent name's markup stays text in Chromium: no dialog, no page error, the literal name on the page", async () => {
    const { json } = await writeExports();
    const out = join(folder, "live-browser.html");
    expect((await cli(json, "--out", out)).code).toBe(0);
    const browser = await launchChromium();
    try {
      const check = await checkReportInBrowser(browser, pathToFileURL(out).href);
      expect([check.dialogs, check.pageErrors, check.consoleErrors, check.requests]).toEqual([[], [], [], []]);
      expect(check.text).toContain(`${XSS} (ana)`);
    } finally {
      await browser.close();
    }
  });

  it("report with a bad team export (JSON row or CSV cell) exits 2 with one line and writes nothing", async () => {
    const out = join(folder, "never-team.html");
    const badJson = writeJson("bad-team.json", {
      kind: "teamFigures",
      currency: "USD",
      intervalSeconds: 3600,
      rows: [{ intervalStartMs: 0, agentId: "a", agentName: "A", chatsHandled: null }],
    });
    const badCsv = join(folder, "bad-team.csv");
    writeFileSync(
      badCsv,
      "intervalStart,agentId,agentName,chatsHandled,firstResponseSeconds,meanHandleSeconds,concurrency,rescuedOrders,revenue,rating,ratings\n2026-01-01T00:00:00.000Z,a,A,three,,,0,0,0,,0\n",
    );
    const runs = await Promise.all([cli(badJson, "--out", out), cli(badCsv, "--out", out)]);
    expect(runs.map((run) => run.code)).toEqual([2, 2]);
    expect(runs[0].stderr).toMatch(/^error: invalid .*bad-team\.json rows\[0\]\.chatsHandled: null \(must be a number\)\n$/);
    expect(runs[1].stderr).toMatch(/^error: invalid .*bad-team\.csv record 2 chatsHandled: "three" \(must be a number\)\n$/);
    expect(existsSync(out)).toBe(false);
  });
});
