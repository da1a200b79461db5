import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { readDataFile } from "../../experiments/index.ts";
import { cliInProcess } from "./cliInProcess.ts";

const baselinePath = fileURLToPath(new URL("../../experiments/scenarios/baseline.yaml", import.meta.url));
const aggressive = fileURLToPath(new URL("../../experiments/policies/aggressive.yaml", import.meta.url));
const directory = mkdtempSync(join(tmpdir(), "convsim-compare-locale-"));

/** The shipped baseline store with a German report locale and euros (policy files stay absolute). */
function germanBaseline(): string {
  const data = readDataFile(baselinePath, "scenario file") as Record<string, any>;
  const policy = data.chat?.policy;
  const chat =
    typeof policy === "string" ? { ...data.chat, policy: fileURLToPath(new URL(`../../experiments/scenarios/${policy}`, import.meta.url)) } : data.chat;
  const path = join(directory, "baseline-de.yaml");
  writeFileSync(path, stringify({ ...data, chat, currency: "EUR", report: { ...(data.report ?? {}), locale: "de-DE" } }));
  return path;
}

afterEach(() => vi.restoreAllMocks());

/** Euros below 100 as a German reader writes them, by Intl alone (not the code under test). */
const euros = (value: number) =>
  new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

describe("comparisonSummary", () => {
  it("compare of a de-DE, EUR store writes the ranking, differences, p-values and verdict with German marks and euros", async () => {
    const out = join(directory, "comparison.json");
    const run = await cliInProcess(
      "compare",
      germanBaseline(),
      "--policies",
      aggressive,
      "--metric",
      "revenuePerSession",
      "--replications",
      "3",
      "--days",
      "1",
      "--workers",
      "1",
      "--quiet",
      "--out",
      out,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { comparison } = JSON.parse(readFileSync(out, "utf8"));
    for (const variant of comparison.variants) {
      const estimate = variant.kpis.revenuePerSession;
      expect(run.stdout).toContain(`${euros(estimate.mean)} [${euros(estimate.lower)}, ${euros(estimate.upper)}]`);
    }
    expect(run.stdout).toMatch(/^ {2}\S+ +queue abandonment +[−+±]\d+,\d\d pp \[[−+±]\d+,\d\d pp, [−+±]\d+,\d\d pp\] {2}p (= \d,\d{3}|< 0,001)/m);
    expect(run.stdout).toMatch(/^verdict: .*(\d,\d|\d\s%)/m); // the verdict's figures in the same locale
    expect(run.stdout).toMatch(/live A\/B test plan .* [\d.]+ sessions\/day/);
    expect(run.stdout).not.toMatch(/\$|USD|\d\.\d\d pp|\d,\d{3} (visitors|sessions)/);
  });
});
