// `npm run validate` in process on one small case: exit codes, the printed table, --json, bad flags.

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runValidation } from "./runValidation.ts";
import { validateCommand } from "./validateCommand.ts";
import { type ValidationCase, validationCases } from "./validationCases.ts";
import { validationTable } from "./validationTable.ts";

const erlangB = validationCases().filter((validationCase) => validationCase.name.includes("Erlang B"));
const folder = mkdtempSync(join(tmpdir(), "convsim-validate-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(args: string[], cases: readonly ValidationCase[] = erlangB) {
  let stdout = "";
  let stderr = "";
  const code = validateCommand(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, cases);
  return { code, stdout, stderr };
}

describe("validateCommand", () => {
  it("prints the table of runValidation and exits 0 when every figure is as expected; --json writes the same report", () => {
    const json = join(folder, "out", "validation.json");
    const result = run(["--seed", "3", "--replications", "4", "--json", json]);
    const report = runValidation(erlangB, { seed: 3, replications: 4 });
    expect(report.passed).toBe(true);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(validationTable(report));
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(report);
    expect(result.stderr).toMatch(/^case 1\/1: queue cap 0 .*\nran in \d+\.\d s, load average \(1 min\) \d+\.\d\d\n$/);
  });

  it("exits 1 when a figure is not as expected", () => {
    const wrong = [{ ...erlangB[0], figures: [{ ...erlangB[0].figures[0], exact: 2 }] }];
    const result = run(["--replications", "2"], wrong);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\nFAILED: 1 of 1 figures not as expected/);
  });

  it("defaults to the tests' seeds 1..20, and --help says so", () => {
    const result = run([]);
    expect(result.stdout.split("\n")[0]).toBe("Seeds 1..20 (20 replications per case), 99% t-intervals over the replications.");
    expect(result.stdout).toBe(validationTable(runValidation(erlangB, { seed: 1, replications: 20 })));
    const help = run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--seed .*default 1, the tests'/);
    expect(help.stdout).toMatch(/--replications .*default 20, the tests'/);
  });

  it.each([
    [["--sed", "3"], "error: invalid option --sed: unknown option (did you mean --seed?)\n"],
    [["--replications", "1"], 'error: invalid --replications: "1" (must be an integer from 2 to 10000)\n'],
    [["--seed", "x"], 'error: invalid --seed: "x" (must be an integer from 0 up)\n'],
    [["--json"], "error: invalid --json: missing value (write --json VALUE)\n"],
    [["extra"], "error: invalid argument extra: unexpected (validate takes only --seed, --replications and --json)\n"],
  ])("%j: one house-format line, exit 2, nothing run or written", (args, message) => {
    // Each bad line also asks for a JSON file, which must not appear.
    const result = run(args[0] === "--json" ? args : [...args, "--json", join(folder, "never.json")]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: message });
    expect(existsSync(join(folder, "never.json"))).toBe(false);
  });

  it("refuses a --json path that is a folder before running", () => {
    const result = run(["--json", folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*\n$/);
    expect(result.stdout).toBe("");
  });
});
