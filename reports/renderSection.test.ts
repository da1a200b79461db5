import { describe, expect, it } from "vitest";
import { htmlString, trustedHtml } from "./escapeHtml.ts";
import { relativeHref, renderChart, renderSection, renderTable } from "./renderSection.ts";
import type { Chart, Table } from "./reportTypes.ts";

const chart: Chart = {
  id: "r1-x",
  title: "T <1>",
  caption: "C & D",
  description: "desc",
  svg: trustedHtml('<svg role="img" aria-label="desc"></svg>'),
  legend: [
    { label: "a<b", color: "#0072B2", shape: "line" },
    { label: "bad colour", color: "red;background:url(http://x)", shape: "square" },
  ],
  size: "half",
  data: [],
};

const table: Table = {
  id: "r1-t",
  caption: "Caption",
  sortable: true,
  columns: [
    { label: "Name", numeric: false },
    { label: "Value", numeric: true },
    { label: "Verdict", numeric: false, nowrap: true },
  ],
  rows: [
    [
      { text: "<x>", sortValue: 0 },
      { text: "1.5%", sortValue: 0.015 },
      { text: "✗ worse", tone: "bad" },
    ],
    [{ text: "y" }, { text: "–", sortValue: null }, { text: "ok" }],
  ],
};

describe("renderSection", () => {
  it("renderChart wraps the SVG in a figure with a figcaption and an escaped legend; colours must be hex", () => {
    const markup = htmlString(renderChart(chart));
    expect(markup).toContain('<figure class="chart chart-half" id="r1-x">');
    expect(markup).toContain('<figcaption><span class="chart-title">T &lt;1&gt;</span><span class="chart-caption">C &amp; D</span></figcaption>');
    expect(markup).toContain('<span class="swatch swatch-line" style="border-color:#0072B2" aria-hidden="true"></span>a&lt;b');
    expect(markup).toContain('style="background:#000000"');
    expect(markup).not.toContain("url(");
  });

  it("renderTable shows a cell's links as anchors to relative paths inside the report's folder; any other path stays text", () => {
    const linked: Table = {
      id: "files",
      caption: "Files",
      columns: [
        { label: "Persona", numeric: false },
        { label: "Artifacts", numeric: false },
      ],
      rows: [
        [
          { text: "persona0" },
          {
            text: "x",
            links: [
              { text: "screenshot", path: "report-artifacts/persona 0#1.png" },
              { text: "trace", path: "../secret.zip" },
              { text: "elsewhere", path: "javascript:alert(1)" },
            ],
          },
        ],
      ],
      sortable: false,
    };
    expect(htmlString(renderTable(linked))).toContain('<td><a href="report-artifacts/persona%200%231.png">screenshot</a> · trace · elsewhere</td>');
    expect(["a.png", "dir/a.zip", "/etc/passwd", "C:\\x.png", "a/../../b", "https://example.com/a.png", "\\\\host\\share", ""].map(relativeHref)).toEqual([
      "a.png",
      "dir/a.zip",
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("renderTable writes a real table: caption, column headers, row headers, sort keys, numeric and tone classes", () => {
    const markup = htmlString(renderTable(table));
    expect(markup).toContain('<table class="data sortable" id="r1-t">');
    expect(markup).toContain("<caption>Caption</caption>");
    expect(markup).toContain('<th scope="col" class="num">Value</th>');
    expect(markup).toContain(
      '<tr><th scope="row" data-sort="0">&lt;x&gt;</th><td class="num" data-sort="0.015">1.5%</td><td class="nowrap tone-bad">✗ worse</td></tr>',
    );
    expect(markup).toContain('<td class="num" data-sort="">–</td>');
  });

  it("renderSection writes heading, takeaway, key figures, charts, tables and notes", () => {
    const markup = htmlString(
      renderSection({
        id: "r1-s",
        title: "S",
        takeaway: "Up <3>",
        keyFigures: [{ label: "K", value: "1" }],
        charts: [chart],
        tables: [table],
        notes: ["n & m"],
      }),
    );
    expect(markup).toContain('<section class="report-section" id="r1-s" aria-labelledby="r1-s-title">');
    expect(markup).toContain('<p class="takeaway">Up &lt;3&gt;</p>');
    expect(markup).toContain('<li><span class="label">K</span><span class="value">1</span><span class="detail"></span></li>');
    expect(markup).toContain("<p>n &amp; m</p>");
  });
});
