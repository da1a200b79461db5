import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { formatFunnelCsv } from "../../experiments/calibration/index.ts";
import { fastBaselineData, loadData, observedRows } from "../../experiments/calibration/testFunnel.ts";
import { loadScenario } from "../../experiments/index.ts";
import { cliInProcess } from "./cliInProcess.ts";

const directory = mkdtempSync(join(tmpdir(), "convsim-calibrate-cli-"));
const contactCenter = fileURLToPath(new URL("../../experiments/scenarios/contact-center.yaml", import.meta.url));
// A small store: the baseline's funnel on a short, cart-rich day (policy path made absolute so the file can live in a temp folder).
const data = fastBaselineData(15_000);
data.chat.policy = fileURLToPath(new URL("../../experiments/policies/reactive-only.yaml", import.meta.url));
const scenario = join(directory, "store.yaml");
writeFileSync(scenario, `# a small store for the calibrate command test\n${stringify(data)}`);
const observed = join(directory, "observed.csv");
writeFileSync(observed, formatFunnelCsv(observedRows(loadData(fastBaselineData(15_000)), ["seen:1"], false)));

/** Runs `calibrate <args>` in this process; returns the exit code and what was written. */
const calibrate = (...args: string[]) => cliInProcess("calibrate", ...args);

describe("calibrate command", () => {
  it("calibrate <store> --observed FILE writes <name>.calibrated.yaml beside it (comments kept) and prints the fit", async () => {
    const run = await calibrate(scenario, "--observed", observed, "--replications", "1", "--workers", "1", "--quiet", "--seed", "4");
    expect(run.stderr).toBe(""); // --quiet: no progress and no next: hint
    expect(run.code).toBe(0);
    const written = join(directory, "store.calibrated.yaml");
    expect(run.stdout).toMatch(/^Baseline mid-size store · 14 values fitted · 1 replications per evaluation/);
    expect(run.stdout).toMatch(/\nfitted values:\n {2}path +before +after +change +±s\.e\. \(95% interval\)\n {2}segments\[0\]\.addToCartProbability /);
    expect(run.stdout).toMatch(/\ngoodness of fit: χ² = [\d.]+ on 0 degrees of freedom \(no test: as many parameters as free cells\)/);
    expect(run.stdout).toContain(`calibrated scenario written to ${written}\n`);
    const text = readFileSync(written, "utf8");
    expect(text).toMatch(
      /^# Calibrated by convsim [\d.]+ calibrate against observed\.csv \(14 values fitted; deviance [\d.]+ → [\d.]+\)\.\n# Reproduce: npm run calibrate -- .*store\.yaml --observed .*observed\.csv --replications 1 --seed 4\n# a small store for the calibrate command test\n/,
    );
    expect(loadScenario(written).config.kind).toBe("store");
  });

  it("calibrate --json --out writes the calibration document", async () => {
    const out = join(directory, "calibration.json");
    const target = join(directory, "elsewhere", "fitted.yaml");
    const run = await calibrate(
      scenario,
      "--observed",
      observed,
      "--replications",
      "1",
      "--max-iterations",
      "1",
      "--workers",
      "1",
      "--quiet",
      "--json",
      "--out",
      out,
      "--out-scenario",
      target,
    );
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document).toEqual(JSON.parse(readFileSync(out, "utf8")));
    expect(document.stamp).toMatchObject({ command: "calibrate", replications: 1 });
    expect(document.calibratedScenario).toBe(target);
    const calibration = document.calibration;
    expect(calibration).toMatchObject({ kind: "calibration", scenario: "Baseline mid-size store" });
    expect(typeof calibration.method).toBe("string");
    expect(typeof calibration.objective).toBe("string");
    expect(Object.keys(calibration.steps[0])).toEqual(expect.arrayContaining(["step", "observedRate", "simulatedRate", "observedCount", "residual"]));
    expect(Object.keys(calibration.parameters[0])).toEqual(expect.arrayContaining(["path", "before", "after"]));
    expect(Object.keys(calibration.goodnessOfFit)).toEqual(expect.arrayContaining(["chiSquare", "degreesOfFreedom", "pValue", "rmse"]));
    expect(existsSync(target)).toBe(true);
  });

  const badInputs: [string, () => string[], RegExp][] = [
    ["no --observed", () => [scenario], /^error: missing --observed: the observed funnel counts/],
    ["a missing CSV", () => [scenario, "--observed", join(directory, "nope.csv")], /^error: invalid --observed: ".*nope\.csv" \(cannot read it: ENOENT\)\n$/],
    [
      "a CSV with the wrong header",
      () => [scenario, "--observed", write("bad-header.csv", "step,count\ncart,3\n")],
      /^error: invalid bad-header\.csv header: "step,count" \(must be kind,step,reason,interval,count\)\n$/,
    ],
    [
      "a CSV naming an unknown step",
      () => [scenario, "--observed", write("bad-step.csv", "kind,step,reason,interval,count\nsessions,,,,10\nreached,paymnet,,,3\n")],
      /^error: invalid bad-step\.csv row 2 step: "paymnet" \(steps of this scenario: browse, cart, account, shipping, payment, review, product\)\n$/,
    ],
    [
      "a CSV missing the interval column",
      () => [scenario, "--observed", write("no-interval.csv", "kind,step,reason,count\nsessions,,,10\n")],
      /^error: invalid no-interval\.csv header: "kind,step,reason,count" \(must be kind,step,reason,interval,count\)\n$/,
    ],
    [
      "a negative chat count",
      () => [scenario, "--observed", write("negative.csv", "kind,step,reason,interval,count\nsessions,,,,10\nchatsAbandoned,,,,-2\n")],
      /^error: invalid negative\.csv line 3 count: "-2" \(must be a number from 0 to 1e12\)\n$/,
    ],
    [
      "more invitations accepted than shown",
      () => [
        scenario,
        "--observed",
        write(
          "accepted.csv",
          "kind,step,reason,interval,count\nsessions,,,,1000\nreached,cart,,,80\ninvitations,,,,50\ninvitationsAccepted,,,,60\nchatRequests,,,,70\n",
        ),
      ],
      /^error: invalid accepted\.csv counts: 60 invitations accepted but only 50 shown \(invitations accepted cannot exceed shown\)\n$/,
    ],
    [
      "a chat-only scenario",
      () => [contactCenter, "--observed", observed],
      /^error: invalid scenario: .*contact-center\.yaml is chat-only \(calibrate fits a store's funnel\)\n$/,
    ],
    [
      "--out-scenario = the scenario",
      () => [scenario, "--observed", observed, "--out-scenario", scenario],
      /^error: invalid --out-scenario: .*store\.yaml \(is the scenario itself; write the calibrated scenario to another file\)\n$/,
    ],
    [
      "--replications 0",
      () => [scenario, "--observed", observed, "--replications", "0"],
      /^error: invalid --replications: "0" \(must be an integer from 1 to 100000\)\n$/,
    ],
    ["a misspelt option", () => [scenario, "--observd", observed], /^error: invalid option --observd: unknown option \(did you mean --observed\?\)/],
  ];
  for (const [name, args, message] of badInputs) {
    it(`calibrate with ${name} prints one error line and exits 2`, async () => {
      const run = await calibrate(...args(), "--quiet");
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe("");
    });
  }
});

function write(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}
