import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { stampFixture, storeResultsFixture, comparisonFixture } from "../../reports/testing/index.ts";
import { UsageError } from "./UsageError.ts";
import { writeReport } from "./reportCommand.ts";

// The real `report` command in a child process (exit codes, stderr, files), and writeReport in-process.

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "convsim-report-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", "report", ...args], { cwd: projectRoot, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
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
    expect(runs[2].stderr).toMatch(/^error: .*unknown\.json:\n {2}invalid results\.kind: "weather" \(allowed: store, chatOnly, comparison, decision, staffing, calibration, syntheticCheck\)\n$/);
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
