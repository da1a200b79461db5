// End to end: a full report opened in headless Chromium (Debian's, through playwright-core), from
// disk and from a static web server. Needs `apt-get install -y chromium` (or CONVSIM_CHROMIUM).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "./renderReport.ts";
import { parseReportDocument } from "./reportDocument.ts";
import {
  CHROMIUM_PATH,
  calibrationFixture,
  chatOnlyResultsFixture,
  checkReportInBrowser,
  chromiumAvailable,
  comparisonFixture,
  launchChromium,
  staffingFixture,
  stampFixture,
  storeResultsFixture,
  syntheticCheckFixture,
} from "./testing/index.ts";

/** Where the report and its screenshot are kept for people to look at (git-ignored). */
const ARTIFACTS = resolve("test-artifacts/reports");
const HOSTILE_NAME = "<script>alert(1)</script>";
const HOSTILE_DESCRIPTION = "<img src=x onerror=alert(1)>";

function fullReport(): string {
  return renderReport([
    parseReportDocument({ stamp: stampFixture({ scenario: HOSTILE_NAME }), results: storeResultsFixture({ days: 3, scenario: HOSTILE_NAME }) }, "store.json", {
      description: HOSTILE_DESCRIPTION,
      currency: "USD",
    }),
    parseReportDocument(
      { stamp: stampFixture({ command: "simulate", reproduce: "npm run simulate -- desk.yaml --seed 7" }), results: chatOnlyResultsFixture() },
      "desk.json",
      {
        description: "A support desk forecast",
        currency: "EUR",
      },
    ),
    parseReportDocument({ stamp: stampFixture({ command: "compare" }), comparison: comparisonFixture({ variant: "<svg onload=alert(2)>" }) }, "compare.json"),
    parseReportDocument({ stamp: stampFixture({ command: "staff" }), staffing: staffingFixture() }, "staff.json"),
    parseReportDocument({ stamp: stampFixture({ command: "calibrate" }), calibration: calibrationFixture() }, "calibrate.json"),
    parseReportDocument({ stamp: stampFixture({ command: "check" }), check: syntheticCheckFixture({ profileName: HOSTILE_NAME }) }, "check.json"),
  ]);
}

describe.skipIf(!chromiumAvailable())(`report in Chromium (${CHROMIUM_PATH})`, () => {
  let browser: Browser;
  let server: Server;
  let reportPath: string;
  let figureCount: number;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const page = fullReport();
    figureCount = (page.match(/<figure class="chart/g) ?? []).length;
    reportPath = join(ARTIFACTS, "report.html");
    writeFileSync(reportPath, page);
    server = createServer((request, response) => {
      if (request.url === "/report.html") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(readFileSync(reportPath));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it("opened from disk: no console errors, no requests, no dialogs, every chart visible, literal hostile text; saves a screenshot", async () => {
    const check = await checkReportInBrowser(browser, pathToFileURL(reportPath).href, { screenshotPath: join(ARTIFACTS, "report.png") });
    expect(check.consoleErrors).toEqual([]);
    expect(check.pageErrors).toEqual([]);
    expect(check.cspViolations).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.dialogs).toEqual([]);
    expect(check.scripts).toBe(1);
    expect(check.charts).toHaveLength(figureCount);
    expect(figureCount).toBeGreaterThan(20);
    for (const chart of check.charts) {
      expect({ id: chart.id, visible: chart.visible, sized: chart.width > 100 && chart.height > 50 }).toEqual({ id: chart.id, visible: true, sized: true });
    }
    expect(check.tablesOverflowing).toEqual([]);
    expect(check.text).toContain(HOSTILE_NAME);
    expect(check.text).toContain(HOSTILE_DESCRIPTION);
    expect(check.text).toContain("<svg onload=alert(2)>");
  });

  it("served by a static web server: no console errors and no request but the page itself", async () => {
    const { port } = server.address() as AddressInfo;
    const check = await checkReportInBrowser(browser, `http://127.0.0.1:${port}/report.html`);
    expect([check.consoleErrors, check.pageErrors, check.requests, check.dialogs, check.cspViolations]).toEqual([[], [], [], [], []]);
    expect(check.charts.every((chart) => chart.visible && chart.width > 0 && chart.height > 0)).toBe(true);
  });

  it("sorts a table when its header is clicked, and reads the same without JavaScript", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(reportPath).href);
    const header = page.locator("#r1-funnel-steps thead th").nth(1);
    const firstStep = () => page.locator("#r1-funnel-steps tbody tr").first().locator("th").innerText();
    expect(await firstStep()).toBe("Browse");
    await header.getByRole("button").click();
    expect([await header.getAttribute("aria-sort"), await firstStep()]).toEqual(["ascending", "Review"]);
    await header.getByRole("button").click();
    expect([await header.getAttribute("aria-sort"), await firstStep()]).toEqual(["descending", "Browse"]);
    await context.close();

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(pathToFileURL(reportPath).href);
    expect(await plain.locator("#r1-funnel-steps thead th button").count()).toBe(0);
    expect(await plain.locator("#r1-funnel-steps tbody tr").count()).toBe(6);
    expect(await plain.locator("figure.chart svg[role='img']").first().isVisible()).toBe(true);
    await noScript.close();
  });
});
