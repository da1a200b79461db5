// The report's what-if panel in Debian's Chromium, end to end: the CLI simulates a chat-only
// scenario and writes its report; the page's own simulator (bundled into the file, run in a Web
// Worker) must give the CLI's figures for the published levers, and the numbers the same code
// gives in Node when a lever moves.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../experiments/index.ts";
import { applyLevers, type WhatIfFigures, whatIfFigures } from "../../reports/index.ts";
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from "../../reports/testing/index.ts";
import { type ChatOnlyModelConfig, simulateChatOnly } from "../../sim/model/index.ts";
import { spawnCli } from "./spawnCli.ts";

const SEED = 7;
const SCENARIO = `name: What-if desk
mode: chatOnly
currency: EUR
report: { locale: de-DE }
horizon: { days: 1, intervalMinutes: 60 }
arrivals: { chatsPerDay: 600 }
handleSeconds: { kind: lognormal, mean: 420, sd: 240 }
patienceSeconds: { kind: exponential, mean: 120 }
serviceLevelSeconds: 30
agents: { concurrency: 2, shrinkage: 0, costPerHour: 25, schedule: 2 }
`;
const FIGURES: readonly (keyof WhatIfFigures)[] = [
  "requests",
  "serviceLevel",
  "queueAbandonmentRate",
  "meanWaitSeconds",
  "occupancy",
  "agentHoursScheduled",
  "agentCost",
];
/** The machine is shared: a run of the worker may take long; poll, never sleep. */
const SETTLE_MILLISECONDS = 90_000;

/** The what-if column as numbers, once the panel has finished at least `runs` runs. */
async function whatIfColumn(page: Page, runs: number): Promise<Record<string, number | null>> {
  await page.waitForFunction(
    (count) => {
      const panel = document.querySelector("section.whatif");
      return panel !== null && Number(panel.getAttribute("data-runs") ?? "0") >= count && panel.getAttribute("aria-busy") === "false";
    },
    runs,
    { timeout: SETTLE_MILLISECONDS, polling: 100 },
  );
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll("td[data-figure]")).map((cell) => {
        const value = cell.getAttribute("data-value") ?? "";
        return [cell.getAttribute("data-figure"), value === "" ? null : Number(value)];
      }),
    ),
  );
}

describe.skipIf(!chromiumAvailable())(`what-if panel in Chromium (${CHROMIUM_PATH})`, () => {
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    browser = await launchChromium();
    folder = mkdtempSync(join(tmpdir(), "convsim-whatif-"));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("simulate --report: the page's simulator gives the CLI's figures for the same seed, and moving a slider gives Node's figures for that change", async () => {
    const scenarioPath = join(folder, "desk.yaml");
    writeFileSync(scenarioPath, SCENARIO);
    const run = await spawnCli([
      "simulate",
      scenarioPath,
      "--seed",
      String(SEED),
      "--out",
      join(folder, "run.json"),
      "--report",
      join(folder, "run.html"),
      "--quiet",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const cli = JSON.parse(readFileSync(join(folder, "run.json"), "utf8")).results;
    const html = readFileSync(join(folder, "run.html"), "utf8");
    mkdirSync("test-artifacts/reports", { recursive: true });
    writeFileSync("test-artifacts/reports/what-if.html", html);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    const requests: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith("file:") && !request.url().startsWith("blob:")) requests.push(request.url());
    });
    try {
      await page.goto(pathToFileURL(join(folder, "run.html")).href);
      const published = await whatIfColumn(page, 1);
      // Determinism across bundles: the browser bundle and the CLI give the same numbers (see sameFigures).
      sameFigures(published, cli.chat);

      await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>("input[name=agentsDelta]")!;
        input.value = "1";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      const changed = await whatIfColumn(page, 2);
      const config = loadScenario(scenarioPath).config as ChatOnlyModelConfig;
      const expected = whatIfFigures(simulateChatOnly(applyLevers(config, { agentsDelta: 1, concurrency: 2, arrivalScale: 1 }), { seed: SEED }));
      sameFigures(changed, expected);
      expect(changed.serviceLevel).not.toBe(published.serviceLevel);
      // Two agents scheduled in every interval become three (the warm-up's hours are left out of both).
      expect(changed.agentHoursScheduled).toBeCloseTo(published.agentHoursScheduled! * 1.5, 9);
      // The page writes numbers in the scenario's locale (de-DE) and currency.
      const costText = await page.locator("td[data-figure=agentCost]").textContent();
      expect(costText).toMatch(/^[\d.]+\s€$/);
      expect(await page.locator("output[data-for=agentsDelta]").textContent()).toBe("+1");
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);
});

/**
 * Counts and shares to the last bit; the mean wait to 12 significant digits: Chromium's V8 and
 * Node's may round Math.log or Math.exp apart for rare arguments (the normal sampler uses both), and
 * a wait is a sum of times (seen: 17.561842934083547 s in Chromium, 17.561842934083554 s in Node 20).
 */
function sameFigures(page: Partial<Record<string, number | null>>, node: Partial<Record<string, number | null>> | WhatIfFigures): void {
  const of = (figures: typeof node, name: string) => (figures as Partial<Record<string, number | null>>)[name];
  for (const figure of FIGURES.filter((name) => name !== "meanWaitSeconds")) expect(page[figure], figure).toBe(of(node, figure));
  const [onPage, inNode] = [page.meanWaitSeconds!, of(node, "meanWaitSeconds")!];
  expect(Math.abs(onPage - inNode), `meanWaitSeconds: ${onPage} vs ${inNode}`).toBeLessThanOrEqual(1e-12 * Math.abs(inNode));
}
