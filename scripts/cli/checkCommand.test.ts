import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readDataFile } from "../../experiments/index.ts";
import { checkReportInBrowser, chromiumAvailable, launchChromium } from "../../reports/testing/index.ts";
import { DEMO_PROFILE_PATH } from "../synthetic/index.ts";
import { closedLoopbackPort } from "../synthetic/testing/loopback.ts";

// `convsim check` as a user runs it, in a child process: exit codes, output, files.

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}
function cli(...args: string[]): Promise<CliRun> {
  return convsim("check", ...args);
}
function convsim(command: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", command, ...args], {
      cwd: projectRoot,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
const STACK_FRAME = /^\s+at /m;

let folder: string;
const file = (name: string) => join(folder, name);
const runs: Record<string, Promise<CliRun>> = {};

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "convsim-check-cli-"));
  const demo = readDataFile(DEMO_PROFILE_PATH, "store profile") as Record<string, any>;
  const port = await closedLoopbackPort();
  writeFileSync(file("down.yaml"), stringify({ ...demo, baseUrl: `http://127.0.0.1:${port}` }));
  writeFileSync(file("bad.yaml"), stringify({ ...demo, retries: 9, checkout: { steps: [{ ...demo.checkout.steps[0], name: "cart" }] } }));
  // All runs start together: each spends most of its time starting up.
  runs.demo = cli(
    "--personas",
    "1",
    "--seed",
    // Seed 2: its first persona mistypes the card number (drawn, as every persona's errors are), so form validation is checked.
    "2",
    "--no-trace",
    "--quiet",
    "--json",
    file("demo.json"),
    "--junit",
    file("demo.xml"),
    "--artifacts",
    file("artifacts"),
  );
  runs.down = cli(
    "--store",
    file("down.yaml"),
    "--personas",
    "2",
    "--json",
    file("down.json"),
    "--junit",
    file("down.xml"),
    "--artifacts",
    file("artifacts-down"),
  );
  runs.bad = cli("--store", file("bad.yaml"), "--json", file("bad.json"));
  runs.missing = cli("--store", file("nope.yaml"));
  runs.flags = cli("--personas", "0", "--stor", "demo");
  runs.replay = cli("--replay", "persona1", "--personas", "3");
}, 20_000);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("check command", () => {
  it("check against the demo store exits 0, prints the summary and writes {stamp, check} and JUnit", async () => {
    const run = await runs.demo;
    expect(run.stderr).toBe(""); // --quiet: no progress and no next: hint
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^check: Fernhill & Co\. \(demo store\) at http:\/\/127\.0\.0\.1:\d+ · policy reactive-only · 1 persona · seed 2\n {2}funnel {10}1 passed\n/,
    );
    expect(run.stdout).toMatch(/\nall checks passed · [\d.]+ s · [\d.]+ full checkouts\/min\nresults written to .*demo\.json\njunit written to .*demo\.xml\n$/);
    const document = JSON.parse(readFileSync(file("demo.json"), "utf8"));
    expect(document.stamp).toMatchObject({
      tool: "convsim",
      command: "check",
      scenario: "Baseline mid-size store",
      seed: 2,
      reproduce: "npm run check -- --personas 1 --seed 2",
    });
    expect(document.check).toMatchObject({
      kind: "syntheticCheck",
      store: { demo: true, reachable: true },
      policy: "reactive-only",
      personas: [{ id: "persona0", outcome: "finished" }],
      summary: { exitCode: 0, failed: 0 },
    });
    expect(document.check.checks.map((check: { check: string; status: string }) => `${check.check}:${check.status}`)).toEqual([
      "funnel:passed",
      "money:passed",
      "formValidation:passed",
      "chatPolicy:passed",
      "stepTimings:passed",
      "layout:passed",
    ]);
    expect(readFileSync(file("demo.xml"), "utf8")).toMatch(/<testsuite name="persona0 \(\w+, \w+, finished\)" tests="6" failures="0"/);
  }, 300_000); // six CLI runs with browsers share the machine: a bound on a hang (took 120 s at load average 35), not a timing claim

  it("check against a store that is down exits 1 with the reason, and still writes its results", async () => {
    const run = await runs.down;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^store unreachable at http:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED\n(next: .+\n)?$/);
    expect(run.stdout).toMatch(
      /failed:\n {2}persona0 funnel: store unreachable at http:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED\n {2}persona1 funnel: store unreachable/,
    );
    expect(run.stdout).toMatch(/\n2 checks failed · /);
    expect(JSON.parse(readFileSync(file("down.json"), "utf8")).check.store.reachable).toBe(false);
    expect(readFileSync(file("down.xml"), "utf8")).toContain('<failure message="store unreachable at http://127.0.0.1:');
    expect(STACK_FRAME.test(run.stderr)).toBe(false);
  }, 60_000);

  it("check with a bad profile exits 2, one line per problem, nothing written", async () => {
    const run = await runs.bad;
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: store profile ${file("bad.yaml")}:\n  invalid retries: 9 (must be an integer from 0 to 5)\n`);
    expect(existsSync(file("bad.json"))).toBe(false);
    expect((await runs.missing).stderr).toBe(`error: cannot read store profile ${file("nope.yaml")}: no such file\n`);
    expect((await runs.missing).code).toBe(2);
  }, 60_000);

  it("report renders check --json files (a passing run and a store that was down) as synthetic check sections that pass the report's browser checks", async () => {
    await Promise.all([runs.demo, runs.down]);
    const run = await convsim("report", file("demo.json"), file("down.json"), "--out", file("report.html"));
    expect([run.code, run.stderr, run.stdout]).toEqual([0, `next: open ${file("report.html")}\n`, `report written to ${file("report.html")}\n`]);
    const page = readFileSync(file("report.html"), "utf8");
    expect(page.match(/<h3 id="r\d-synthetic-check-title">Synthetic check[^<]*<\/h3>/g)).toHaveLength(2);
    expect(page).toMatch(/All 6 applicable checks passed for 1 persona against Fernhill &amp; Co\./);
    expect(page).toMatch(/The store could not be reached: store unreachable at http:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED/);
    if (!chromiumAvailable()) return;
    const browser = await launchChromium();
    try {
      const check = await checkReportInBrowser(browser, pathToFileURL(file("report.html")).href);
      expect([check.consoleErrors, check.pageErrors, check.cspViolations, check.requests, check.dialogs]).toEqual([[], [], [], [], []]);
      expect(check.charts.length).toBeGreaterThan(0);
      expect(check.charts.every((chart) => chart.visible && chart.width > 100 && chart.height > 50)).toBe(true);
      expect(check.text).toContain("Checks per persona");
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("check rejects unknown flags, bad numbers and --replay with --personas (exit 2)", async () => {
    const flags = await runs.flags;
    expect(flags.code).toBe(2);
    expect(flags.stderr).toMatch(/^error: invalid option --stor: unknown option \(did you mean --store\?\)/);
    const replay = await runs.replay;
    expect(replay.code).toBe(2);
    expect(replay.stderr).toBe("error: invalid --replay: used with --personas (replay names the personas to run)\n");
  }, 60_000);

  it("check --protocol --sessions 40 walks the demo store over HTTP, prints the simulator-vs-live table and writes {stamp, check}", async () => {
    // Started here, not with the others: it would take CPU from the browser run's time limit.
    const run = await cli("--protocol", "--sessions", "40", "--seed", "5", "--quiet", "--json", file("protocol.json"));
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^protocol check: 40 sessions in [\d.]+ s = \d+ sessions\/min/);
    expect(run.stdout).toMatch(/simulator vs live/);
    const document = JSON.parse(readFileSync(file("protocol.json"), "utf8"));
    expect(document.stamp.reproduce).toBe("npm run check -- --protocol --sessions 40 --seed 5");
    expect(document.check).toMatchObject({ kind: "protocolCheck", policy: "reactive-only", summary: { sessions: 40 } });
    expect(run.code).toBe(document.check.summary.exitCode);
  }, 300_000);

  it("check --protocol refuses browser-only flags and --sessions needs --protocol (exit 2)", async () => {
    const [personas, sessions] = await Promise.all([cli("--protocol", "--personas", "3"), cli("--sessions", "10")]);
    expect([personas.code, personas.stderr]).toEqual([
      2,
      "error: invalid --personas: used with --protocol (protocol personas run against the demo store; use --sessions)\n",
    ]);
    expect([sessions.code, sessions.stderr]).toEqual([
      2,
      "error: invalid --sessions: used without --protocol (browser personas are counted with --personas)\n",
    ]);
  }, 300_000);
});
