import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderReport } from "./renderReport.ts";
import { parseReportDocument } from "./reportDocument.ts";
import { SORTABLE_TABLES_SCRIPT } from "./sortableTablesScript.ts";
import {
  calibrationFixture,
  chatOnlyResultsFixture,
  comparisonFixture,
  FAILURE_SCREENSHOT,
  staffingFixture,
  stampFixture,
  storeResultsFixture,
  syntheticCheckFixture,
} from "./testing/index.ts";

const HOSTILE_NAME = "<script>alert(1)</script>";
const HOSTILE_DESCRIPTION = "<img src=x onerror=alert(1)>";

function hostileReport(): string {
  const store = storeResultsFixture({ scenario: HOSTILE_NAME });
  store.funnel.steps[2].step = "<b>acc</b>";
  return renderReport([
    parseReportDocument({ stamp: stampFixture({ reproduce: "npm run simulate -- '<x>' && rm -rf /" }), results: store }, "<i>store</i>.json", {
      description: HOSTILE_DESCRIPTION,
      currency: "USD",
    }),
    parseReportDocument({ stamp: stampFixture(), comparison: comparisonFixture({ variant: "<svg onload=alert(1)>" }) }, "compare.json"),
  ]);
}

describe("renderReport", () => {
  it("renderReport escapes every string from a scenario or a results file", () => {
    const page = hostileReport();
    expect(page).not.toContain(HOSTILE_NAME);
    expect(page).not.toContain(HOSTILE_DESCRIPTION);
    expect(page).not.toContain("<svg onload");
    expect(page).not.toContain("<b>acc</b>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page.match(/<script\b/g)).toHaveLength(1);
  });

  it("renderReport is self-contained: nothing to fetch, and a CSP that allows only its own inline script", () => {
    const page = hostileReport();
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(page).not.toMatch(/<iframe\b|<object\b|<embed\b|<img\b|@import|url\(/);
    // The only link is an empty data: favicon, so a static web server gets no /favicon.ico request.
    expect(page.match(/<link\b[^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
    const hash = createHash("sha256").update(SORTABLE_TABLES_SCRIPT).digest("base64");
    const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", "&#39;")}">`);
  });

  it("renderReport shows the run card: scenario, description, date, version, seed, replications, hash and how to reproduce", () => {
    const page = renderReport([
      parseReportDocument({ stamp: stampFixture(), results: storeResultsFixture() }, "sim.json", { description: "A store.", currency: "USD" }),
    ]);
    for (const text of [
      "<title>convsim report: Baseline mid-size store</title>",
      '<p class="description">A store.</p>',
      "<dt>Date</dt><dd>2026-11-23 04:06 UTC</dd>",
      "<dt>Version</dt><dd>convsim 0.1.0</dd>",
      "<dt>Seed</dt><dd>20261123</dd>",
      "<dt>Replications</dt><dd>1</dd>",
      "<dt>Scenario hash</dt><dd>9ecf2cc6739a31a5</dd>",
      "<h3>How to reproduce</h3><pre><code>npm run simulate -- experiments/scenarios/baseline.yaml --seed 20261123 --days 3</code></pre>",
    ]) {
      expect(page).toContain(text);
    }
  });

  it("renderReport gives every chart a figure with a caption and an accessible SVG, and every id is unique", () => {
    const page = renderReport([
      parseReportDocument({ stamp: stampFixture(), results: storeResultsFixture() }, "a.json"),
      parseReportDocument({ stamp: stampFixture(), results: chatOnlyResultsFixture() }, "b.json"),
      parseReportDocument({ stamp: stampFixture(), staffing: staffingFixture() }, "c.json"),
      parseReportDocument({ stamp: stampFixture(), calibration: calibrationFixture() }, "d.json"),
    ]);
    const figures = page.match(/<figure class="chart[^"]*"/g) ?? [];
    expect(figures.length).toBeGreaterThan(20);
    expect(page.match(/<figcaption>/g)).toHaveLength(figures.length);
    const svgs = page.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.filter((tag) => / role="img"/.test(tag) && / aria-label="[^"]+"/.test(tag)).length).toBe(svgs.length);
    expect(svgs.length).toBeGreaterThanOrEqual(figures.length);
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("renderReport shows a `check` document: its run card, its section, and failure screenshots only as data: images", () => {
    const page = renderReport([parseReportDocument({ stamp: stampFixture({ command: "check" }), check: syntheticCheckFixture() }, "check.json")]);
    expect(page).toContain('<p class="kind">Synthetic check · check</p>');
    expect(page).toContain('<h3 id="r1-synthetic-check-title">Synthetic check: Fernhill &amp; Co.</h3>');
    expect(page).not.toContain("<dt>Replications</dt>");
    expect(page.match(/<img\b[^>]*>/g)).toEqual([expect.stringContaining(`<img src="${FAILURE_SCREENSHOT}"`)]);
    expect(page).not.toContain("javascript:");
    expect(page).toContain("img-src data:;");
  });

  it("renderReport is deterministic and takes its title from options", () => {
    const documents = [parseReportDocument({ stamp: stampFixture(), results: storeResultsFixture({ days: 1 }) }, "a.json")];
    const first = renderReport(documents, { title: "Weekly <review>" });
    expect(renderReport(documents, { title: "Weekly <review>" })).toBe(first);
    expect(first).toContain("<h1>Weekly &lt;review&gt;</h1>");
  });
});
