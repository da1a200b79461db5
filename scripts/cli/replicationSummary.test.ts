import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cliInProcess } from "./cliInProcess.ts";

const directory = mkdtempSync(join(tmpdir(), "convsim-replicate-locale-"));
/** A small chat-only desk whose report locale is German and whose money is in euros. */
const GERMAN_DESK = join(directory, "desk-de.yaml");
writeFileSync(
  GERMAN_DESK,
  `name: Kleiner Desk
mode: chatOnly
currency: EUR
seed: 4
report: { locale: de-DE }
horizon: { days: 1, intervalMinutes: 60 }
arrivals: { chatsPerDay: 600 }
handleSeconds: { kind: exponential, mean: 300 }
patienceSeconds: { kind: exponential, mean: 120 }
serviceLevelSeconds: 30
agents: { concurrency: 1, shrinkage: 0, costPerHour: 21.5, schedule: 3 }
`,
);

afterEach(() => vi.restoreAllMocks());

/** Euros as a German reader writes them, by Intl alone (not the code under test): whole euros from 100 up. */
const euros = (value: number) =>
  new Intl.NumberFormat("de-DE", {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: value >= 100 ? 0 : 2,
    minimumFractionDigits: value >= 100 ? 0 : 2,
  }).format(value);
const percent = (value: number, digits: number) =>
  new Intl.NumberFormat("de-DE", { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

describe("replicationSummary", () => {
  it("replicate of a de-DE, EUR scenario writes every KPI with German marks and euros, as Intl writes the JSON's values", async () => {
    const out = join(directory, "replications.json");
    const run = await cliInProcess("replicate", GERMAN_DESK, "--replications", "3", "--workers", "1", "--quiet", "--out", out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const kpis = JSON.parse(readFileSync(out, "utf8")).replications.kpis;
    expect(run.stdout).toMatch(/^Kleiner Desk · 3 replications \(count\) · 95\s%/);
    expect(run.stdout).toMatch(new RegExp(`agent cost +${euros(kpis.agentCost.mean)}  \\[${euros(kpis.agentCost.lower)}, ${euros(kpis.agentCost.upper)}\\]`));
    const serviceDigits = kpis.serviceLevel.mean < 0.1 ? 2 : 1;
    expect(run.stdout).toContain(percent(kpis.serviceLevel.mean, serviceDigits));
    expect(run.stdout).not.toMatch(/\$|USD|\d\.\d+\s?%/); // no dollars, no English decimal point in a share
  });
});
