import { Buffer } from "node:buffer";
import { formatCsv } from "../experiments/csv/index.ts";
import { html, type SafeHtml } from "./escapeHtml.ts";
import type { Chart, KeyFigure, LegendItem, Section, Table, TableCell } from "./reportTypes.ts";

/** A section as HTML: heading, takeaway, key figures, charts, tables and notes. Every string is escaped. */
export function renderSection(section: Section): SafeHtml {
  return html`<section class="report-section" id="${section.id}" aria-labelledby="${section.id}-title">
<h3 id="${section.id}-title">${section.title}</h3>
<p class="takeaway">${section.takeaway}</p>
${section.keyFigures.length > 0 ? renderKeyFigures(section.keyFigures) : null}
${section.charts.length > 0 ? html`<div class="charts">${section.charts.map(renderChart)}</div>` : null}
${section.tables.map(renderTable)}
${section.notes.length > 0 ? renderNotes(section) : null}
</section>
`;
}

function renderNotes(section: Section): SafeHtml {
  if (section.notesTitle === undefined) return html`<div class="notes">${section.notes.map((note) => html`<p>${note}</p>`)}</div>`;
  return html`<div class="notes"><h4>${section.notesTitle}</h4><ul>${section.notes.map((note) => html`<li>${note}</li>`)}</ul></div>`;
}

function renderKeyFigures(figures: readonly KeyFigure[]): SafeHtml {
  return html`<ul class="key-figures">${figures.map(
    (figure) =>
      html`<li><span class="label">${figure.label}</span><span class="value">${figure.value}</span><span class="detail">${figure.detail ?? ""}</span></li>`,
  )}</ul>`;
}

/** A chart as a <figure>: title and takeaway in the <figcaption>, an HTML legend, then Plot's SVG. */
export function renderChart(chart: Chart): SafeHtml {
  return html`
<figure class="chart chart-${chart.size}" id="${chart.id}">
<figcaption><span class="chart-title">${chart.title}</span><span class="chart-caption">${chart.caption}</span></figcaption>
<div class="chart-frame">
${chart.legend.length > 0 ? renderLegend(chart.legend) : null}
<div class="chart-body">${chart.svg}</div>
</div>
${renderDownloads(chart.id, chart.data.length > 0 ? formatCsv(chart.data) : null, chart.svgFile ?? null)}
</figure>`;
}

/**
 * Download links as data: URLs, so the report stays one file that fetches nothing: the figure's data
 * as CSV and the chart as SVG. Nothing when there is nothing to download.
 */
function renderDownloads(id: string, csv: string | null, svg: string | null): SafeHtml | null {
  if (csv === null && (svg === null || svg === "")) return null;
  const links = [
    csv === null ? null : html`<a download="${id}.csv" href="${dataUrl("text/csv;charset=utf-8", csv)}">data (CSV)</a>`,
    svg === null || svg === "" ? null : html`<a download="${id}.svg" href="${dataUrl("image/svg+xml;charset=utf-8", svg)}">chart (SVG)</a>`,
  ].filter((link) => link !== null);
  return html`<p class="downloads">Download ${links.map((link, index) => html`${index > 0 ? " · " : ""}${link}`)}</p>`;
}

function dataUrl(type: string, text: string): string {
  return `data:${type};base64,${Buffer.from(text, "utf8").toString("base64")}`;
}

function renderLegend(items: readonly LegendItem[]): SafeHtml {
  return html`<ul class="legend" aria-label="Legend">${items.map((item) => {
    // Colours come from the palette, never from data; still, only a hex colour may reach the style attribute.
    const color = /^#[0-9a-fA-F]{3,8}$/.test(item.color) ? item.color : "#000000";
    const style = item.shape === "line" || item.shape === "dashed" || item.shape === "ring" ? `border-color:${color}` : `background:${color}`;
    return html`<li><span class="swatch swatch-${item.shape}" style="${style}" aria-hidden="true"></span>${item.label}</li>`;
  })}</ul>`;
}

/** A real HTML table; numeric columns right-aligned, `data-sort` keys for the sortable-table script. */
export function renderTable(table: Table): SafeHtml {
  const head = table.columns.map((column) => html`<th scope="col"${column.numeric ? html` class="num"` : null}>${column.label}</th>`);
  const rows = table.rows.map(
    (row) =>
      html`<tr>${row.map((cell, index) => {
        const column = table.columns[index];
        const classes = [column?.numeric ? "num" : null, column?.nowrap ? "nowrap" : null, cell.tone ? `tone-${cell.tone}` : null]
          .filter((name) => name !== null)
          .join(" ");
        const sort = cell.sortValue === undefined ? null : html` data-sort="${cell.sortValue === null ? "" : String(cell.sortValue)}"`;
        const attributes = html`${classes.length > 0 ? html` class="${classes}"` : null}${sort}`;
        const content = cell.links === undefined || cell.links.length === 0 ? cell.text : renderLinks(cell.links);
        return index === 0 ? html`<th scope="row"${attributes}>${content}</th>` : html`<td${attributes}>${content}</td>`;
      })}</tr>`,
  );
  const csv = formatCsv(
    table.rows.map((row) =>
      Object.fromEntries(
        table.columns.map((column, index) => [column.label, typeof row[index]?.sortValue === "number" ? row[index].sortValue : (row[index]?.text ?? "")]),
      ),
    ),
    table.columns.map((column) => column.label),
  );
  return html`<div class="table-wrap"><table class="data${table.sortable ? " sortable" : ""}" id="${table.id}">
<caption>${table.caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.map((row) => html`${row}\n`)}</tbody>
</table></div>
${renderDownloads(table.id, table.rows.length > 0 ? csv : null, null)}`;
}

/** Links to files beside the report, separated by " · "; a path that is not a safe relative one stays text. */
function renderLinks(links: NonNullable<TableCell["links"]>): SafeHtml {
  return html`${links.map((link, index) => {
    const href = relativeHref(link.path);
    const shown = href === null ? html`${link.text}` : html`<a href="${href}">${link.text}</a>`;
    return index === 0 ? shown : html` · ${shown}`;
  })}`;
}

/**
 * `path` as a relative URL inside the report's folder, or null: no scheme, no leading slash or
 * backslash, no `..` segment, so a link can only reach files copied beside the report and resolves
 * wherever the folder is moved. Each segment is percent-encoded (spaces, `#`, `?` in file names).
 *
 * relativeHref("report-artifacts/persona 0.png") // → "report-artifacts/persona%200.png"
 * relativeHref("../etc/passwd") // → null
 */
export function relativeHref(path: string): string | null {
  const segments = path.split(/[\\/]/);
  if (path === "" || /^[a-z][a-z0-9+.-]*:/i.test(path) || segments[0] === "" || segments.some((segment) => segment === ".." || segment === "")) return null;
  return segments.map(encodeURIComponent).join("/");
}
