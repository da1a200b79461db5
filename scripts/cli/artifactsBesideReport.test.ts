import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parseReportDocument, renderReport } from "../../reports/index.ts";
import { syntheticCheckFixture } from "../../reports/testing/index.ts";
import { launchChromium } from "../browser/index.ts";
import { artifactsBesideReport } from "./artifactsBesideReport.ts";

describe("artifactsBesideReport", () => {
  it("artifactsBesideReport copies a check's screenshots and traces beside the report and points at them relative to it", () => {
    const cwd = mkdtempSync(join(tmpdir(), "convsim-artifacts-"));
    mkdirSync(join(cwd, "a"));
    writeFileSync(join(cwd, "a/persona0-money.png"), "png");
    writeFileSync(join(cwd, "a/persona0-trace.zip"), "zip");
    const document = parseReportDocument({ check: syntheticCheckFixture() }, "check.json");
    const [moved] = artifactsBesideReport([document], "out/report.html", cwd);
    const checks = (moved.body as unknown as { checks: Array<{ persona: string; check: string; artifacts: { screenshot?: string; trace?: string } }> }).checks;
    const record = (
      moved.body as unknown as { checks: Array<{ persona: string; check: string; artifacts: { screenshot?: string; trace?: string } }> }
    ).checks.find((check) => check.persona === "persona0" && check.check === "money")!;
    expect(record.artifacts).toEqual({ screenshot: "report-artifacts/persona0-money.png", trace: "report-artifacts/persona0-trace.zip" });
    expect(readFileSync(join(cwd, "out/report-artifacts/persona0-money.png"), "utf8")).toBe("png");
    // persona1's trace was never written: its path stays as it was.
    const missing = checks.find((check) => check.persona === "persona1" && check.artifacts.trace)!;
    expect(missing.artifacts.trace).toBe("a/persona1-trace.zip");
    expect(existsSync(join(cwd, "out/report-artifacts/persona1-trace.zip"))).toBe(false);
  });

  it("the report links each copied screenshot and trace: opened from a moved copy of its folder in Chromium, every link resolves to its file", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "convsim-artifacts-"));
    mkdirSync(join(cwd, "a"));
    mkdirSync(join(cwd, "out"));
    // A real 1×1 PNG, so the browser can open the screenshot.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const contents: Record<string, Buffer> = {
      "persona0-money.png": png,
      "persona0-trace.zip": Buffer.from("trace of persona0"),
      "persona1-trace.zip": Buffer.from("trace of persona1"),
    };
    for (const [name, bytes] of Object.entries(contents)) writeFileSync(join(cwd, "a", name), bytes);
    const checkDocument = parseReportDocument({ check: syntheticCheckFixture() }, "check.json");
    writeFileSync(join(cwd, "out/report.html"), renderReport(artifactsBesideReport([checkDocument], "out/report.html", cwd)));
    // The report and its artifacts folder moved somewhere else; the run's own files are gone.
    const moved = mkdtempSync(join(tmpdir(), "convsim-moved-report-"));
    cpSync(join(cwd, "out"), moved, { recursive: true });
    rmSync(cwd, { recursive: true, force: true });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(moved, "report.html")).href);
      const links = await page.$$eval('table[id$="synthetic-problems"] a[href]', (anchors) =>
        anchors.map((anchor) => ({ text: anchor.textContent, href: anchor.getAttribute("href"), url: (anchor as HTMLAnchorElement).href })),
      );
      expect(links.map(({ text, href }) => [text, href])).toEqual([
        ["screenshot", "report-artifacts/persona0-money.png"],
        ["trace", "report-artifacts/persona0-trace.zip"],
        ["trace", "report-artifacts/persona1-trace.zip"],
      ]);
      for (const link of links) {
        const file = fileURLToPath(link.url);
        expect(file.startsWith(moved)).toBe(true);
        expect(readFileSync(file).equals(contents[file.slice(file.lastIndexOf("/") + 1)])).toBe(true);
      }
      // The screenshot opens in the browser from the moved folder.
      await page.goto(links[0].url);
      expect(await page.evaluate(() => document.images[0]?.naturalWidth)).toBe(1);
    } finally {
      await browser.close();
      rmSync(moved, { recursive: true, force: true });
    }
  });
});
