import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readDataFile } from "../../experiments/index.ts";
import { cliInProcess } from "./cliInProcess.ts";
import { spawnCli } from "./spawnCli.ts";

// `convsim compare` in a child process, as a user runs it, on the shipped reservation comparison.

const reservationPath = fileURLToPath(new URL("../../experiments/comparisons/reservation.yaml", import.meta.url));
const baselinePath = fileURLToPath(new URL("../../experiments/scenarios/baseline.yaml", import.meta.url));
const policyPath = fileURLToPath(new URL("../../experiments/policies/reactive-only.yaml", import.meta.url));

/** The baseline with `reservation` as its desk.reservation, written to a temporary file. */
function baselineWithReservation(reservation: unknown): string {
  const data = readDataFile(baselinePath, "scenario file") as Record<string, any>;
  const path = join(mkdtempSync(join(tmpdir(), "convsim-reservation-")), "scenario.yaml");
  writeFileSync(path, stringify({ ...data, chat: { ...data.chat, policy: policyPath }, desk: { reservation } }));
  return path;
}

describe("convsim compare with a desk reservation", () => {
  it("compare experiments/comparisons/reservation.yaml prints each class's P(wait), wait, abandonment, blocking and rescued revenue against the control", async () => {
    const run = await spawnCli(["compare", reservationPath, "--replications", "3", "--days", "1", "--workers", "1", "--quiet"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const chatClass of ["high-value", "standard"]) {
      for (const figure of ["P(wait)", "mean chat wait", "queue abandonment", "blocked", "rescued revenue"]) {
        expect(run.stdout).toMatch(new RegExp(`^  keep-one-slot-for-150-plus +${chatClass} ${figure.replace(/[()]/g, "\\$&")} +[−+±]`, "m"));
      }
    }
  });

  it("simulate refuses a reservation of every slot, a negative cart value and an unknown segment with one problem line each under the file's name, exit 2", async () => {
    const cases: [unknown, RegExp][] = [
      [{ slots: 6, minCartValue: 150 }, /^invalid desk\.reservation\.slots: 6 \(must be less than the desk's 6 chat slots at its peak\)$/],
      [{ slots: 1, minCartValue: -5 }, /^invalid desk\.reservation\.minCartValue: -5 \(must be >= 0\)$/],
      [{ slots: 1, segments: ["vip"] }, /^invalid desk\.reservation\.segments\[0\]: "vip" \(must be one of desktop, mobile, tablet\)$/],
    ];
    for (const [reservation, message] of cases) {
      const path = baselineWithReservation(reservation);
      const run = await spawnCli(["simulate", path, "--days", "1"]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      const [file, problem, ...rest] = run.stderr.trimEnd().split("\n");
      expect([file, rest]).toEqual([`error: ${path}:`, []]);
      expect(problem.trim()).toMatch(message);
    }
  });
});

describe("convsim compare --level", () => {
  // A small chat-only desk, three agents against four, so a run takes a moment in this process.
  const directory = mkdtempSync(join(tmpdir(), "convsim-compare-level-"));
  const scenario = join(directory, "desk.yaml");
  writeFileSync(
    scenario,
    `mode: chatOnly
name: Tiny desk
horizon: { days: 1, intervalMinutes: 60 }
arrivals: { chatsPerDay: 300 }
handleSeconds: { kind: exponential, mean: 200 }
patienceSeconds: { kind: exponential, mean: 90 }
agents: { concurrency: 1, shrinkage: 0, costPerHour: 20, schedule: 3 }
`,
  );
  const comparison = join(directory, "compare.yaml");
  writeFileSync(
    comparison,
    `scenario: desk.yaml\ncontrol: three\nprimaryMetric: meanWaitSeconds\nvariants:\n  - name: three\n  - name: four\n    overrides: { agents: { schedule: 4 } }\n`,
  );
  const replications = 4;
  const compare = async (level: string) => {
    const run = await cliInProcess(
      "compare",
      comparison,
      "--replications",
      String(replications),
      "--workers",
      "1",
      "--seed",
      "7",
      "--level",
      level,
      "--json",
      "--quiet",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout).comparison;
  };

  it("compare --level 0.9 and --level 0.99 report the same differences with intervals wider by t(0.995, n − 1) ÷ t(0.95, n − 1)", async () => {
    const narrow = await compare("0.9");
    const wide = await compare("0.99");
    expect([narrow.level, wide.level]).toEqual([0.9, 0.99]);
    // Student t quantiles with n − 1 = 3 degrees of freedom (tables: 2.353 and 5.841), from stdlib.
    const ratio = tQuantile(0.995, replications - 1) / tQuantile(0.95, replications - 1);
    expect(ratio).toBeCloseTo(5.841 / 2.353, 2);
    expect(narrow.differences.length).toBeGreaterThan(0);
    expect(wide.differences.map((row: any) => [row.variant, row.metric])).toEqual(narrow.differences.map((row: any) => [row.variant, row.metric]));
    let widened = 0;
    narrow.differences.forEach((row: any, i: number) => {
      const other = wide.differences[i];
      expect(other.difference.mean).toBe(row.difference.mean);
      if (row.difference.halfWidth > 0) {
        expect(other.difference.halfWidth / row.difference.halfWidth).toBeCloseTo(ratio, 9);
        widened++;
      }
    });
    expect(widened).toBeGreaterThan(0);
    // The primary metric's interval per variant follows the level too.
    const waits = (result: any) => result.variants.map((variant: any) => variant.kpis.meanWaitSeconds.halfWidth);
    const narrowWaits = waits(narrow);
    expect(narrowWaits.every((halfWidth: number) => halfWidth > 0)).toBe(true);
    waits(wide).forEach((halfWidth: number, v: number) => {
      expect(halfWidth / narrowWaits[v]).toBeCloseTo(ratio, 9);
    });
  });

  it("compare --level prints the level in the summary line and refuses a level outside [0.5, 0.9999] with one line, exit 2", async () => {
    const run = await cliInProcess("compare", comparison, "--replications", "2", "--workers", "1", "--level", "0.8", "--quiet");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ · 80% intervals · /);
    const refused = await cliInProcess("compare", comparison, "--level", "1");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: invalid --level: "1" (must be a number from 0.5 to 0.9999)\n');
  });
});
