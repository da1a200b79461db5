/**
 * The report's whole stylesheet, inlined into the page: system fonts only (nothing fetched), a
 * 960 px reading column, tabular digits in tables, and print rules that keep figures whole.
 */
export const REPORT_CSS = `
:root {
  --ink: #1b1f24; --muted: #57606a; --faint: #8c959f; --rule: #d8dee4; --panel: #f6f8fa;
  --accent: #0072B2; --good: #00795a; --bad: #b34700;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: #fff; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.page { max-width: 960px; margin: 0 auto; padding: 32px 40px 48px; }
a { color: var(--accent); }
h1, h2, h3 { line-height: 1.25; margin: 0; font-weight: 650; }
h1 { font-size: 28px; letter-spacing: -0.01em; }
h2 { font-size: 22px; }
h3 { font-size: 18px; }
.eyebrow { margin: 0 0 4px; font-size: 12px; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); }
.report-header { border-bottom: 3px solid var(--ink); padding-bottom: 16px; margin-bottom: 20px; }
.report-header .subtitle { margin: 6px 0 0; color: var(--muted); }
.decision-summary { margin: 0 0 24px; }
.decision-summary > h2 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin-bottom: 8px; }
.decision-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); gap: 12px; }
.decision-card { border: 1px solid var(--rule); border-top: 4px solid var(--faint); border-radius: 6px; padding: 10px 14px 12px; min-width: 0; }
.decision-card.tone-good { border-top-color: var(--good); }
.decision-card.tone-bad { border-top-color: var(--bad); }
.decision-kind { margin: 0; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.decision-headline { margin: 2px 0 0; font-size: 17px; font-weight: 650; line-height: 1.3; overflow-wrap: anywhere; }
.decision-verdict { margin: 2px 0 8px; font-size: 13px; }
.decision-card.tone-good .decision-verdict { color: var(--good); }
.decision-card.tone-bad .decision-verdict { color: var(--bad); }
.decision-figures { margin: 0; display: grid; gap: 6px; }
.decision-figures dt { font-size: 12px; color: var(--muted); line-height: 1.3; }
.decision-figures dd { margin: 0; font-variant-numeric: tabular-nums; line-height: 1.3; }
.decision-figures dd a { font-weight: 650; text-decoration: none; border-bottom: 1px dotted var(--accent); }
.decision-figures .tone-good dd a { color: var(--good); }
.decision-figures .tone-bad dd a { color: var(--bad); }
.decision-detail { display: block; font-size: 12px; color: var(--muted); }
nav.toc { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 12px 20px; margin-bottom: 28px; font-size: 14px; }
nav.toc h2 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin-bottom: 4px; }
nav.toc ol { margin: 0; padding-left: 20px; }
nav.toc ol ol { display: flex; flex-wrap: wrap; gap: 0 6px; padding: 0; list-style: none; }
nav.toc ol ol li:not(:last-child)::after { content: " ·"; color: var(--faint); }
nav.toc li { margin: 2px 0; }
article.run { margin-bottom: 40px; }
.run-header { border: 1px solid var(--rule); border-radius: 6px; padding: 18px 20px; margin-bottom: 24px; }
.run-header .kind { margin: 2px 0 0; color: var(--muted); font-size: 14px; }
.run-header .description { margin: 10px 0 0; }
.run-meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 8px 20px; margin: 14px 0 0; }
.run-meta div { min-width: 0; }
.run-meta dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
.run-meta dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.reproduce { margin-top: 14px; }
.reproduce h3 { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; font-weight: 600; margin-bottom: 4px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; background: var(--panel); border: 1px solid var(--rule); border-radius: 4px; padding: 8px 12px; overflow-x: auto; font-size: 13px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
section.report-section { margin: 0 0 36px; padding-top: 8px; border-top: 1px solid var(--rule); }
section.report-section > h3 { margin: 14px 0 6px; }
.takeaway { margin: 0 0 16px; font-size: 16px; border-left: 4px solid var(--accent); padding: 2px 0 2px 12px; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 0 0 20px; padding: 0; list-style: none; }
.key-figures li { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; display: grid; grid-row: span 3; grid-template-rows: subgrid; row-gap: 0; align-content: start; }
.key-figures .label { align-self: end; }
.key-figures .label { display: block; font-size: 12px; color: var(--muted); }
.key-figures .value { display: block; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.key-figures .detail { display: block; font-size: 12px; color: var(--muted); }
.charts { display: flex; flex-wrap: wrap; gap: 20px; }
figure.chart { margin: 0; flex: 1 1 100%; min-width: 0; break-inside: avoid; display: flex; flex-direction: column; }
.chart-frame { margin-top: auto; }
figure.chart-half { flex: 1 1 calc(50% - 10px); }
figure.chart figcaption { margin-bottom: 6px; }
.chart-title { display: block; font-weight: 650; font-size: 15px; }
.chart-caption { display: block; color: var(--muted); font-size: 14px; }
.chart-body svg { display: block; max-width: 100%; height: auto; overflow: visible; }
.chart-body svg + svg { margin-top: 6px; }
.chart-body > svg[class$="-ramp"] { margin: 2px 0 8px; }
ul.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 0 6px; padding: 0; list-style: none; font-size: 13px; color: var(--muted); }
ul.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 2px; }
.swatch-line { height: 0; border-top: 3px solid; border-radius: 0; width: 20px; }
.swatch-dashed { height: 0; border-top: 3px dashed; border-radius: 0; width: 20px; }
.swatch-dot { width: 10px; height: 10px; border-radius: 50%; }
.swatch-ring { width: 10px; height: 10px; border-radius: 50%; border: 2px solid; background: transparent !important; }
.table-wrap { overflow-x: auto; margin: 20px 0 0; max-width: 100%; }
.whatif-levers { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 10px 20px; align-items: end; margin: 0 0 8px; }
.whatif-lever { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; font-size: 14px; }
.whatif-lever span { grid-column: 1 / -1; color: var(--muted); font-size: 13px; }
.whatif-lever output { font-variant-numeric: tabular-nums; min-width: 3.5em; text-align: right; }
.whatif-thresholds { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 6px 20px; margin: 0; padding: 6px 10px 8px; border: 1px solid var(--rule); border-radius: 4px; }
.whatif-thresholds[hidden] { display: none; }
.whatif-thresholds legend { font-size: 13px; color: var(--muted); padding: 0 4px; }
.whatif-thresholds .whatif-lever { min-width: 200px; }
.whatif-progress { margin: 6px 0 0; font-size: 13px; color: var(--muted); min-height: 1.5em; }
.downloads { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
.downloads a { color: inherit; }
table.data { border-collapse: collapse; width: 100%; font-size: 13.5px; }
table.data caption { text-align: left; font-weight: 650; padding: 0 0 6px; }
table.data th, table.data td { padding: 5px 7px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
table.data thead th { border-bottom: 2px solid var(--ink); font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); font-weight: 600; vertical-align: bottom; }
table.data tbody tr:nth-child(even) { background: #fafbfc; }
table.data tbody th { font-weight: 500; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data .nowrap { white-space: nowrap; }
table.data .tone-good { color: var(--good); font-weight: 600; }
table.data .tone-bad { color: var(--bad); font-weight: 600; }
table.data th button { all: unset; cursor: pointer; font: inherit; color: inherit; letter-spacing: inherit; text-transform: inherit; }
table.data th button::after { content: " ↕"; color: var(--faint); }
table.data th[aria-sort="ascending"] button::after { content: " ↑"; color: var(--ink); }
table.data th[aria-sort="descending"] button::after { content: " ↓"; color: var(--ink); }
table.data th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.notes p { margin: 12px 0 0; color: var(--ink); }
.notes h4 { margin: 18px 0 0; font-size: 15px; }
.notes ul { margin: 6px 0 0; padding-left: 20px; }
.notes li { margin: 3px 0; }
footer.report-footer { border-top: 1px solid var(--rule); margin-top: 40px; padding-top: 12px; font-size: 13px; color: var(--muted); }
@media (max-width: 720px) {
  .page { padding: 20px 16px 32px; }
  figure.chart-half { flex-basis: 100%; }
}
@media print {
  .page { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section.report-section, figure.chart, table.data { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
