// Opens a report in headless Chromium (Debian's, through playwright-core) and records what a test
// asserts on: console errors, network requests, dialogs, chart sizes, visible text, a screenshot.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

// The same binary and flags as scripts/browser/chromium.ts, which launches Chromium for the store
// and the synthetic shoppers. Reports may not import from scripts/ (imports point downward) and the
// launcher is no report concept, so this test helper keeps its own copy; chromium.test.ts there
// fails if the two drift apart.

/** The Chromium binary: $CONVSIM_CHROMIUM, else Debian's. */
export const CHROMIUM_PATH = process.env.CONVSIM_CHROMIUM || "/usr/bin/chromium";

/** Flags for a quiet, sandbox-less headless run (containers) that makes no background requests. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface ChartBox {
  id: string;
  width: number;
  height: number;
  visible: boolean;
}

export interface BrowserCheck {
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request other than the page itself. */
  requests: string[];
  dialogs: string[];
  charts: ChartBox[];
  /** document.body.innerText, to check escaped strings show as text. */
  text: string;
  /** Number of <script> elements in the DOM (the report has exactly one). */
  scripts: number;
  /** CSP violations reported by the page. */
  cspViolations: string[];
  /** Ids of tables whose box reaches past their section (a wide table must scroll inside its card). */
  tablesOverflowing: string[];
}

/** Loads `url`, waits for it to settle, and collects diagnostics; saves a full-page screenshot when asked. */
export async function checkReportInBrowser(browser: Browser, url: string, options: { screenshotPath?: string; width?: number } = {}): Promise<BrowserCheck> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1100, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const result: BrowserCheck = {
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    dialogs: [],
    charts: [],
    text: "",
    scripts: 0,
    cspViolations: [],
    tablesOverflowing: [],
  };
  page.on("console", (message) => {
    if (message.type() === "error") result.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => result.pageErrors.push(error.message));
  page.on("dialog", (dialog) => {
    result.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    if (request.url() !== url) result.requests.push(request.url());
  });
  try {
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        const seen = window as unknown as { __csp?: string[] };
        seen.__csp ??= [];
        seen.__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const figures = await page.locator("figure.chart").all();
    for (const figure of figures) {
      const id = (await figure.getAttribute("id")) ?? "";
      // A Plot chart's SVG, or an embedded screenshot (synthetic check failures).
      const svg = figure.locator(".chart-body > svg[role='img']:not([class$='-ramp']), .chart-body > img").first();
      const box = await svg.boundingBox();
      result.charts.push({ id, width: box?.width ?? 0, height: box?.height ?? 0, visible: await svg.isVisible() });
    }
    result.tablesOverflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>(".table-wrap"))
        .filter((wrap) => {
          const card = wrap.closest("section") ?? document.body;
          return wrap.getBoundingClientRect().right > card.getBoundingClientRect().right + 1;
        })
        .map((wrap) => wrap.querySelector("table")?.id ?? "?"),
    );
    result.text = await page.evaluate(() => document.body.textContent);
    result.scripts = await page.evaluate(() => document.querySelectorAll("script").length);
    result.cspViolations = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    if (options.screenshotPath !== undefined) await page.screenshot({ path: options.screenshotPath, fullPage: true });
  } finally {
    await context.close();
  }
  return result;
}
