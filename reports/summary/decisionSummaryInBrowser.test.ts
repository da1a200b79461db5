// The decision summary in Debian's Chromium at the first-screen size the issue names (1280 × 800):
// it must sit whole above the fold, first on the page, every figure a working link.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../renderReport.ts";
import { parseReportDocument } from "../reportDocument.ts";
import {
  CHROMIUM_PATH,
  chromiumAvailable,
  comparisonFixture,
  launchChromium,
  staffingFixture,
  stampFixture,
  storeResultsFixture,
  withAbTestPlan,
} from "../testing/index.ts";

/** Where the report and the first-screen screenshot are kept for people to look at (git-ignored). */
const ARTIFACTS = resolve("test-artifacts/reports");
const FIRST_SCREEN = { width: 1280, height: 800 };

/** What `npm start` writes: the baseline simulation, the policy comparison (with its A/B plan) and the staffing plan. */
function mainJobReport(): string {
  const info = { description: "A mid-size store", currency: "USD" };
  return renderReport([
    parseReportDocument({ stamp: stampFixture({ command: "simulate" }), results: storeResultsFixture({ days: 1 }) }, "baseline.json", info),
    parseReportDocument(
      { stamp: stampFixture({ command: "compare" }), comparison: comparisonFixture(), abPlan: withAbTestPlan(comparisonFixture()).abPlan },
      "comparison.json",
      info,
    ),
    parseReportDocument({ stamp: stampFixture({ command: "staff" }), staffing: staffingFixture() }, "staffing.json", info),
  ]);
}

describe.skipIf(!chromiumAvailable())(`decision summary in Chromium (${CHROMIUM_PATH})`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the main job's report shows the decision summary whole on the first screen at 1280 × 800, and saves a screenshot", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const reportPath = join(ARTIFACTS, "main-job.html");
    writeFileSync(reportPath, mainJobReport());
    const page = await browser.newPage({ viewport: FIRST_SCREEN });
    try {
      await page.goto(pathToFileURL(reportPath).href);
      const summary = await page.locator("#decision").boundingBox();
      expect(summary).not.toBeNull();
      expect(summary!.y).toBeGreaterThanOrEqual(0);
      expect(summary!.y + summary!.height).toBeLessThanOrEqual(FIRST_SCREEN.height);
      expect(summary!.x + summary!.width).toBeLessThanOrEqual(FIRST_SCREEN.width);
      // Nothing but the page header comes before it.
      expect(await page.evaluate(() => document.querySelector("#decision")?.previousElementSibling?.className)).toBe("report-header");
      const headlines = await page.locator(".decision-headline").allTextContents();
      expect(headlines).toEqual([expect.stringMatching(/% conversion/), "Launch idle-on-payment", expect.stringMatching(/^Staff \d+ agents at peak/)]);
      // Every figure links to a section that exists on the page.
      const targets = await page.locator(".decision-figures a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(targets.length).toBeGreaterThanOrEqual(10);
      for (const target of targets) expect(await page.locator(target!).count(), target!).toBe(1);
      await page.screenshot({ path: join(ARTIFACTS, "first-screen-1280x800.png") });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      writeFileSync(
        join(ARTIFACTS, "first-screen.json"),
        `${JSON.stringify({ viewport: FIRST_SCREEN, summaryBottom: summary!.y + summary!.height, pageHeight: height }, null, 2)}\n`,
      );
    } finally {
      await page.close();
    }
  });
});
