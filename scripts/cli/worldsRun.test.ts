import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cliInProcess } from "./cliInProcess.ts";

// `--worlds` through the real commands, in this process (real files, real simulations).

const directory = mkdtempSync(join(tmpdir(), "convsim-worlds-"));
const file = (name: string, text: string): string => {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
};
const desk = (costPerHour: string) => `mode: chatOnly
name: Tiny desk
horizon: { days: 1, intervalMinutes: 60 }
arrivals: { chatsPerDay: 300 }
handleSeconds: { kind: exponential, mean: { uncertain: { low: 150, high: 300 } } }
patienceSeconds: { kind: exponential, mean: 90 }
agents: { concurrency: 1, shrinkage: 0, costPerHour: ${costPerHour}, schedule: 3 }
`;
const uncertainDesk = file("uncertain-desk.yaml", desk("20"));
// Written for the comparison that names it by file name (the certain desk: nothing uncertain to vary).
file("certain-desk.yaml", desk("20").replace("{ uncertain: { low: 150, high: 300 } }", "200"));
const comparison = (scenario: string) =>
  file(
    `compare-${scenario.replace(/\W/g, "")}.yaml`,
    `scenario: ${scenario}\ncontrol: three\nprimaryMetric: meanWaitSeconds\nvariants:\n  - name: three\n  - name: four\n    overrides: { agents: { schedule: 4 } }\n`,
  );

/** Runs `convsim <command> <args>` in this process; returns the exit code and what was written. */
const convsim = (name: string, ...args: string[]) => cliInProcess(name, ...args);

afterEach(() => vi.restoreAllMocks());

describe("--worlds", () => {
  it("compare --worlds prints the decision: expected KPI per variant, P(best), expected loss, EVPI and the parameters it hinges on", async () => {
    const out = join(directory, "decision.json");
    const run = await convsim("compare", comparison("uncertain-desk.yaml"), "--worlds", "8", "--replications", "2", "--workers", "1", "--quiet", "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /decision under parameter uncertainty · 8 worlds \(Latin hypercube over 1 parameter\) × 2 replications · mean chat wait \(lower is better\)/,
    );
    expect(run.stdout).toMatch(/^choose: four \(least expected loss; best in \d+% of 8 worlds; runner-up three\)$/m);
    expect(run.stdout).toMatch(/^expected value of perfect information: /m);
    expect(run.stdout).toMatch(/^ {2}handleSeconds\.mean +ρ = [+-]\d\.\d\d/m);
    const document = JSON.parse(readFileSync(out, "utf8"));
    expect(document.decision.kind).toBe("decision");
    expect(document.stamp).toMatchObject({ command: "compare", worlds: 8, replications: 2 });
  });

  it("compare --worlds on a scenario without uncertain numbers says so in one stderr line and compares as without it", async () => {
    const run = await convsim("compare", comparison("certain-desk.yaml"), "--worlds", "8", "--replications", "2", "--workers", "1", "--quiet");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "note: --worlds 8 ignored: the scenario has no uncertain parameters (write one as {uncertain: {low, high}}); running as without it\n",
    );
    expect(run.stdout).toMatch(/paired replications/);
  });

  it.each([
    [["--worlds", "1"], /^error: invalid --worlds: "1" \(must be an integer from 2 to 1000\)\n$/],
    [
      ["--worlds", "1000", "--replications", "100"],
      /^error: invalid --worlds: 1000 \(1000 worlds × 2 variants × 100 replications = 200000 runs; at most 20000: fewer worlds or replications\)\n$/,
    ],
    [["--worlds", "4", "--staffing", "2,3"], /^error: invalid --worlds: 4 with --staffing/],
  ])("compare %j exits 2 with one line and writes nothing", async (flags, message) => {
    const out = join(directory, `refused-${flags.join("")}.json`);
    const run = await convsim("compare", comparison("uncertain-desk.yaml"), ...flags, "--quiet", "--out", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("simulate --worlds explains the metric's spread; the same seed gives the same decision bytes", async () => {
    const first = await convsim(
      "simulate",
      uncertainDesk,
      "--worlds",
      "6",
      "--metric",
      "meanWaitSeconds",
      "--workers",
      "1",
      "--quiet",
      "--json",
      "--seed",
      "4",
    );
    const second = await convsim(
      "simulate",
      uncertainDesk,
      "--worlds",
      "6",
      "--metric",
      "meanWaitSeconds",
      "--workers",
      "2",
      "--quiet",
      "--json",
      "--seed",
      "4",
    );
    expect(first.code).toBe(0);
    const decision = JSON.parse(first.stdout).decision;
    expect(decision.analysis.variants).toHaveLength(1);
    // A longer handle time means longer waits: the rank correlation is strongly positive.
    expect(decision.analysis.sensitivity[0]).toMatchObject({ parameter: "handleSeconds.mean" });
    expect(decision.analysis.sensitivity[0].rankCorrelation).toBeGreaterThan(0.5);
    expect(JSON.stringify(JSON.parse(second.stdout).decision)).toBe(JSON.stringify(decision));
  });

  it("staff --worlds needs a store scenario and --levels", async () => {
    const run = await convsim("staff", uncertainDesk, "--worlds", "4", "--levels", "2,3", "--quiet");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: invalid --worlds: with a chat-only scenario/);
  });
});
