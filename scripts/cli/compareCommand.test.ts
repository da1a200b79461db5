import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readDataFile } from "../../experiments/index.ts";
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
