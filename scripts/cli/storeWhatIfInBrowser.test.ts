// The store report's what-if panel in Debian's Chromium, end to end, with every network request
// blocked: the CLI simulates a store scenario and writes its report; the page's own simulator
// (bundled into the file, run in a Web Worker) must show the CLI's figures for the published
// levers, and, when the reader sets traffic × 1.5 and a policy threshold, the figures the CLI
// prints and writes for the scenario file changed the same way, same seed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFormatter } from "../../experiments/format/index.ts";
import { type StoreWhatIfFigures, storeWhatIfFigures } from "../../reports/index.ts";
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from "../../reports/testing/index.ts";
import { formatStoreFigure, STORE_WHAT_IF_ROWS } from "../../reports/whatIf/index.ts";
import { spawnCli } from "./spawnCli.ts";

const SEED = 11;
const FIGURES: readonly (keyof StoreWhatIfFigures)[] = [
  "sessions",
  "conversionRate",
  "orders",
  "revenue",
  "contributionProfit",
  "chatRequests",
  "serviceLevel",
  "meanWaitOfServedSeconds",
  "agentCost",
];
/** The machine is shared: a store day in the worker may take long; poll, never sleep. */
const SETTLE_MILLISECONDS = 120_000;

/** The shipped baseline store at a quarter of its traffic (a faster day), inviting after 30 s idle on payment or review. */
function scenarioText(sessionsPerDay: number, policyPath: string): string {
  const baseline = readFileSync("experiments/scenarios/baseline.yaml", "utf8");
  return baseline.replace("sessionsPerDay: 40000", `sessionsPerDay: ${sessionsPerDay}`).replace("../policies/reactive-only.yaml", JSON.stringify(policyPath));
}

/** A column of the panel as numbers, once it has finished at least `runs` runs. */
async function column(page: Page, runs: number, attribute: "data-figure" | "data-published"): Promise<Record<string, number | null>> {
  await page.waitForFunction(
    (count) => {
      const panel = document.querySelector("section.whatif-store");
      return panel !== null && Number(panel.getAttribute("data-runs") ?? "0") >= count && panel.getAttribute("aria-busy") === "false";
    },
    runs,
    { timeout: SETTLE_MILLISECONDS, polling: 100 },
  );
  return page.evaluate(
    (name) =>
      Object.fromEntries(
        Array.from(document.querySelectorAll(`section.whatif-store td[${name}]`)).map((cell) => {
          const value = cell.getAttribute("data-value") ?? "";
          return [cell.getAttribute(name), value === "" ? null : Number(value)];
        }),
      ),
    attribute,
  );
}

/**
 * The page's figures are the CLI's: every count and share exactly, the mean wait and the amounts to 12
 * significant digits. Times may differ in their last bit: Chromium's V8 and Node's can round
 * Math.log or Math.exp differently for rare arguments (seen: the baseline store at seed 5, mean wait
 * 13.761340204407613 s in Chromium 156, 13.761340204407635 s in Node 20), and a changed traffic
 * level's rates can differ in their last bit from the loader's. Displayed figures are compared exactly.
 */
function expectCliFigures(page: Record<string, number | null>, cli: StoreWhatIfFigures): void {
  for (const figure of FIGURES.filter((name) => !SUMS_OF_TIMES_AND_AMOUNTS.includes(name))) expect(page[figure], figure).toBe(cli[figure]);
  // Relative to the CLI's value; a desk where nobody waited gives 0 on both sides.
  for (const figure of SUMS_OF_TIMES_AND_AMOUNTS) {
    const [onPage, inCli] = [page[figure]!, cli[figure]!];
    expect(Math.abs(onPage - inCli), `${figure}: ${onPage} vs ${inCli}`).toBeLessThanOrEqual(1e-12 * Math.abs(inCli));
  }
}

/**
 * Sums of floating-point times or amounts: when a rate differs in its last bit, two events at nearly
 * the same moment can swap, and the same terms are added in another order (a last-bit change).
 */
const SUMS_OF_TIMES_AND_AMOUNTS: readonly (typeof FIGURES)[number][] = ["meanWaitOfServedSeconds", "revenue", "contributionProfit"];

/** The text of one what-if cell. */
function cellText(page: Page, figure: keyof StoreWhatIfFigures): Promise<string | null> {
  return page.locator(`section.whatif-store td[data-figure=${figure}]`).textContent();
}

describe.skipIf(!chromiumAvailable())(`store what-if panel in Chromium (${CHROMIUM_PATH})`, () => {
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    browser = await launchChromium();
    folder = mkdtempSync(join(tmpdir(), "convsim-store-whatif-"));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("simulate --report: neutral levers give the published run's figures; traffic × 1.5 and idleSeconds 15 give what simulate gives for the scenario changed so", async () => {
    const policy = readFileSync("experiments/policies/idle-on-payment.yaml", "utf8");
    expect(policy).toContain("idleSeconds >= 30");
    writeFileSync(join(folder, "policy.yaml"), policy);
    writeFileSync(join(folder, "policy-15.yaml"), policy.replace("idleSeconds >= 30", "idleSeconds >= 15"));
    writeFileSync(join(folder, "store.yaml"), scenarioText(10_000, resolve(folder, "policy.yaml")));
    writeFileSync(join(folder, "changed.yaml"), scenarioText(15_000, resolve(folder, "policy-15.yaml")));
    const [published, changed] = await Promise.all([
      spawnCli(["simulate", join(folder, "store.yaml"), "--seed", String(SEED), "--out", join(folder, "run.json"), "--report", join(folder, "run.html")]),
      spawnCli(["simulate", join(folder, "changed.yaml"), "--seed", String(SEED), "--out", join(folder, "changed.json")]),
    ]);
    expect(published.code, published.stderr).toBe(0);
    expect(changed.code, changed.stderr).toBe(0);
    const cliPublished = storeWhatIfFigures(JSON.parse(readFileSync(join(folder, "run.json"), "utf8")).results);
    const cliChanged = storeWhatIfFigures(JSON.parse(readFileSync(join(folder, "changed.json"), "utf8")).results);
    const html = readFileSync(join(folder, "run.html"), "utf8");
    mkdirSync("test-artifacts/reports", { recursive: true });
    writeFileSync("test-artifacts/reports/store-what-if.html", html);

    let context: BrowserContext | undefined;
    try {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // Nothing may leave the file: every request but the file itself (and the worker's blob:) is refused and recorded.
      const requests: string[] = [];
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith("file:")) return route.continue();
        requests.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith("file:") && !url.startsWith("blob:") && !requests.includes(url)) requests.push(url);
      });
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      await page.goto(pathToFileURL(join(folder, "run.html")).href);

      // Neutral levers: the page's simulator reproduces the published run to the last bit.
      const neutral = await column(page, 1, "data-figure");
      const publishedColumn = await column(page, 1, "data-published");
      for (const figure of FIGURES) expect(publishedColumn[figure], figure).toBe(cliPublished[figure]);
      expectCliFigures(neutral, cliPublished);
      const format = createFormatter({ currency: "USD" });
      for (const row of STORE_WHAT_IF_ROWS) expect(await cellText(page, row.key), row.key).toBe(formatStoreFigure(cliPublished[row.key], row.format, format));
      expect(await page.locator("section.whatif-store td[data-change=orders]").textContent()).toBe("±0");

      // Record the progress bar while the next run works.
      await page.evaluate(() => {
        const bar = document.querySelector("section.whatif-store progress") as HTMLProgressElement;
        (window as unknown as { seenProgress: number[] }).seenProgress = [];
        new MutationObserver(() => {
          if (!bar.hidden) (window as unknown as { seenProgress: number[] }).seenProgress.push(bar.value);
        }).observe(bar, { attributes: true });
      });
      await page.evaluate(() => {
        const panel = document.querySelector("section.whatif-store") as HTMLElement;
        const traffic = panel.querySelector("input[name=trafficScale]") as HTMLInputElement;
        traffic.value = "1.5";
        traffic.dispatchEvent(new Event("change", { bubbles: true }));
        const idle = panel.querySelector("fieldset[data-policy=idle-on-payment] input[name=threshold]") as HTMLInputElement;
        idle.value = "15";
        idle.dispatchEvent(new Event("change", { bubbles: true }));
      });
      const moved = await column(page, 2, "data-figure");
      // The lever multiplies the resolved arrival rates; the loader multiplies sessionsPerDay before
      // dividing by the profile's sum, so some rates differ in their last bit (see expectCliFigures).
      expectCliFigures(moved, cliChanged);
      for (const row of STORE_WHAT_IF_ROWS) expect(await cellText(page, row.key), row.key).toBe(formatStoreFigure(cliChanged[row.key], row.format, format));
      expect(moved.sessions).toBeGreaterThan(cliPublished.sessions * 1.4);
      // The figures as the CLI prints them: "orders  3,456 (conversion 2.31%)".
      const ordersLine = changed.stdout.split("\n").find((line) => /^\s*orders\s/.test(line));
      expect(ordersLine).toContain(`${await cellText(page, "orders")} (conversion ${await cellText(page, "conversionRate")})`);
      const waitLine = changed.stdout.split("\n").find((line) => /^\s*mean wait \(answered\)\s/.test(line));
      expect(waitLine).toContain(await cellText(page, "meanWaitOfServedSeconds"));
      expect(await page.locator("section.whatif-store td[data-change=sessions]").textContent()).toBe(
        `+${format.count(cliChanged.sessions - cliPublished.sessions)}`,
      );
      const seen = await page.evaluate(() => (window as unknown as { seenProgress: number[] }).seenProgress);
      expect(Math.max(...seen)).toBeGreaterThan(0.5);
      expect(await page.locator("section.whatif-store progress").isHidden()).toBe(true);
      expect(await page.locator("output[data-for=trafficScale]").textContent()).toBe("× 1.50");

      // Back to the published run.
      await page.locator("section.whatif-store button.whatif-reset").click();
      const reset = await column(page, 3, "data-figure");
      expect(reset).toEqual(neutral);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await context?.close();
    }
  }, 300_000);
});
