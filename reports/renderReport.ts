import { createHash } from "node:crypto";
import { formatCount, formatSeconds } from "../experiments/format/index.ts";
import type { ResolvedPolicy } from "../sim/policy/index.ts";
import { html, htmlString, type SafeHtml, trustedHtml } from "./escapeHtml.ts";
import { createPlotDocument, createRenderContext, type RenderContext } from "./renderContext.ts";
import { renderSection } from "./renderSection.ts";
import { DEFAULT_CURRENCY, type ReportBody, type ReportDocument, type ReportKind } from "./reportDocument.ts";
import { REPORT_CSS } from "./reportStyles.ts";
import type { Section } from "./reportTypes.ts";
import { buildSections, SECTION_BUILDERS, type SectionRegistry } from "./sectionRegistry.ts";
import { SORTABLE_TABLES_SCRIPT } from "./sortableTablesScript.ts";
import { DEFAULT_MINIMUM_RELATIVE_EFFECT, type DecisionCard, decisionCard, renderDecisionSummary } from "./summary/index.ts";
import {
  renderStoreWhatIfPanel,
  renderWhatIfPanel,
  STORE_WHAT_IF_PAGE_SCRIPT,
  type StoreWhatIfPanelInput,
  storeWhatIfFigures,
  WHAT_IF_PAGE_SCRIPT,
  whatIfFigures,
} from "./whatIf/index.ts";

export interface ReportOptions {
  /** Page title; default "convsim report: <scenario>" (or the scenarios, joined). */
  title?: string;
  /** Section builders per kind (tests and new kinds); default SECTION_BUILDERS. */
  registry?: SectionRegistry;
  /** Smallest relative change of a comparison's primary metric worth acting on (default DEFAULT_MINIMUM_RELATIVE_EFFECT, 1%). */
  minimumRelativeEffect?: number;
  /**
   * The bundled simulator (an IIFE Web Worker script, scripts/build buildWhatIfWorker). With it,
   * each store or chat-only run whose model is known (and is the one the run used) gets a what-if
   * panel; without it, none.
   */
  whatIfWorkerSource?: string;
  /** Policies a store run's what-if panel offers beside the run's own (e.g. the ones a comparison tried). */
  whatIfPolicies?: readonly ResolvedPolicy[];
  /**
   * Store panels a command built itself, by document index (compare: its control's run at the
   * comparison seed, which the comparison document does not hold); they need the worker bundle too.
   */
  whatIfPanels?: readonly (StoreWhatIfPanelInput | undefined)[];
}

/** What a run is called: a synthetic check by the store profile it checked (a third-party store is not the shopper model's scenario), anything else by its scenario. */
function runName(body: ReportDocument["body"]): string {
  return body.kind === "syntheticCheck" ? body.profile.name : body.scenario;
}

const KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  store: "Store simulation",
  chatOnly: "Chat-only simulation",
  comparison: "Policy comparison",
  decision: "Decision under parameter uncertainty",
  staffing: "Staffing plan",
  calibration: "Calibration",
  syntheticCheck: "Synthetic check",
  teamFigures: "Live desk team export",
};

/**
 * The whole report as one self-contained HTML page: inline CSS and SVG, one small inline script
 * (sortable tables), no external resource of any kind. A Content-Security-Policy allows nothing
 * else: no network, and no script but the one whose hash it names, so even markup that slipped
 * through escaping could not run. Deterministic: the same documents give the same bytes.
 */
export function renderReport(documents: readonly ReportDocument[], options: ReportOptions = {}): string {
  const registry = options.registry ?? SECTION_BUILDERS;
  const dom = createPlotDocument();
  const runs = documents.map((document, index): Run => {
    const context = createRenderContext({
      document: dom,
      currency: document.scenario?.currency ?? DEFAULT_CURRENCY,
      locale: document.scenario?.locale,
      idPrefix: `r${index + 1}`,
      peers: documents.filter((peer) => peer !== document).map((peer) => peer.body),
    });
    const sections = buildSections(document.body, context, registry);
    const card = decisionCard(document.body, {
      sections,
      format: context.format,
      minimumRelativeEffect: options.minimumRelativeEffect ?? DEFAULT_MINIMUM_RELATIVE_EFFECT,
    });
    const panel = whatIfPanelOf(document, context, options, options.whatIfPanels?.[index]);
    return { document, id: context.idPrefix, sections, card, whatIf: panel?.html ?? null, whatIfKind: panel?.kind ?? null };
  });
  // Each kind of panel brings its page script; both share the one worker bundle.
  const panelKinds = new Set(runs.map((run) => run.whatIfKind));
  const whatIfScripts = [...(panelKinds.has("chatOnly") ? [WHAT_IF_PAGE_SCRIPT] : []), ...(panelKinds.has("store") ? [STORE_WHAT_IF_PAGE_SCRIPT] : [])];
  const hasWhatIf = whatIfScripts.length > 0;
  const scenarios = [...new Set(documents.map((document) => runName(document.body)))];
  const title = options.title ?? (scenarios.length === 1 ? `convsim report: ${scenarios[0]}` : "convsim report");
  const dates = documents
    .map((document) => document.stamp?.generatedAt)
    .filter((date): date is string => typeof date === "string")
    .sort();
  const scripts = [SORTABLE_TABLES_SCRIPT, ...whatIfScripts];
  const hashes = scripts.map((script) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`).join(" ");
  // The what-if worker starts from a blob: URL made of the embedded bundle; nothing else may load.
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${hashes};${hasWhatIf ? " worker-src blob:;" : ""} base-uri 'none'; form-action 'none'`;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="generator" content="convsim">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${REPORT_CSS_SAFE}</style>
</head>
<body>
<div class="page">
<header class="report-header">
<p class="eyebrow">convsim report</p>
<h1>${title}</h1>
<p class="subtitle">${documents.length === 1 ? KIND_LABELS[documents[0].body.kind] : `${documents.length} result files`}${dates.length > 0 ? ` · results from ${formatDate(dates[0])}${dates.length > 1 && dates[dates.length - 1] !== dates[0] ? ` to ${formatDate(dates[dates.length - 1])}` : ""}` : ""}</p>
</header>
${renderDecisionSummary(runs.map((run) => run.card).filter((card): card is DecisionCard => card !== null))}
${renderContents(runs)}
<main>
${runs.map((run) => renderRun(run.document, run.id, run.sections, run.whatIf))}
</main>
<footer class="report-footer">Generated by convsim${versionOf(documents)}. This file is self-contained: it loads nothing from the network and opens from disk.</footer>
</div>
<script>${SCRIPT_SAFE}</script>
${
  hasWhatIf
    ? html`<script type="text/plain" id="whatif-worker">${trustedConstant(options.whatIfWorkerSource ?? "")}</script>
${whatIfScripts.map((script) => html`<script>${trustedConstant(script)}</script>\n`)}`
    : null
}
</body>
</html>
`;
  return htmlString(page);
}

// The stylesheet and script are constants of this package (no data in them), inserted as is.
const REPORT_CSS_SAFE: SafeHtml = trustedConstant(REPORT_CSS);
const SCRIPT_SAFE: SafeHtml = trustedConstant(SORTABLE_TABLES_SCRIPT);

function trustedConstant(text: string): SafeHtml {
  if (/<\/(style|script)/i.test(text)) throw new Error("report stylesheet or script contains a closing tag");
  return trustedHtml(text);
}

interface Run {
  document: ReportDocument;
  id: string;
  sections: readonly Section[];
  card: DecisionCard | null;
  whatIf: SafeHtml | null;
  whatIfKind: "store" | "chatOnly" | null;
}

function renderContents(runs: readonly Run[]): SafeHtml {
  return html`<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${runs.map(
    (run) =>
      html`<li><a href="#${run.id}">${runName(run.document.body)}: ${KIND_LABELS[run.document.body.kind].toLowerCase()}</a><ol>${run.sections.map(
        (section) => html`<li><a href="#${section.id}">${section.title}</a></li>`,
      )}${run.whatIf ? html`<li><a href="#${run.id}-whatif">What if?</a></li>` : null}</ol></li>`,
  )}</ol></nav>`;
}

/**
 * The what-if panel of a store or chat-only run whose model and seed are known, when the worker
 * bundle is given. The model is read again from the scenario file: it is the run's only when its
 * hash is the stamp's (a run with --days or --warmup has another hash, and gets no panel).
 */
function whatIfPanelOf(
  document: ReportDocument,
  context: RenderContext,
  options: ReportOptions,
  given: StoreWhatIfPanelInput | undefined,
): { html: SafeHtml; kind: "store" | "chatOnly" } | null {
  if (options.whatIfWorkerSource === undefined) return null;
  if (given !== undefined) return { html: renderStoreWhatIfPanel(given, context), kind: "store" };
  const model = document.scenario?.model;
  const seed = document.stamp?.seed ?? ("seed" in document.body ? document.body.seed : undefined);
  const stampHash = document.stamp?.scenarioHash;
  const sameModel = typeof stampHash !== "string" || document.scenario?.hash === undefined || stampHash === document.scenario.hash;
  if (seed === undefined || !sameModel) return null;
  if (document.body.kind === "chatOnly" && model?.kind === "chatOnly")
    return { html: renderWhatIfPanel({ model, seed, published: whatIfFigures(document.body) }, context), kind: "chatOnly" };
  if (document.body.kind === "store" && model?.kind === "store")
    return {
      html: renderStoreWhatIfPanel({ model, seed, published: storeWhatIfFigures(document.body), policies: options.whatIfPolicies }, context),
      kind: "store",
    };
  return null;
}

function renderRun(document: ReportDocument, id: string, sections: readonly Section[], whatIf: SafeHtml | null = null): SafeHtml {
  const { stamp, body } = document;
  const description = document.scenario?.description ?? "";
  const meta: [string, string | null][] = [
    ["Date", typeof stamp?.generatedAt === "string" ? formatDate(stamp.generatedAt) : "–"],
    ["Version", typeof stamp?.version === "string" ? `${stamp.tool ?? "convsim"} ${stamp.version}` : "–"],
    ["Seed", stamp?.seed !== undefined ? String(stamp.seed) : "seed" in body ? String(body.seed) : "–"],
    ["Replications", replicationsOf(body)],
    ["Scenario hash", typeof stamp?.scenarioHash === "string" ? stamp.scenarioHash : "–"],
    ["Horizon", "horizonDays" in body ? `${formatCount(body.horizonDays)} day${body.horizonDays === 1 ? "" : "s"}` : null],
    ["Run time", typeof stamp?.runSeconds === "number" ? formatSeconds(stamp.runSeconds) : null],
    ["Source", document.source],
  ];
  return html`<article class="run" id="${id}" aria-labelledby="${id}-title">
<header class="run-header">
<h2 id="${id}-title">${runName(body)}</h2>
<p class="kind">${KIND_LABELS[body.kind]}${typeof stamp?.command === "string" ? ` · ${stamp.command}` : ""}</p>
${description.length > 0 ? html`<p class="description">${description}</p>` : null}
<dl class="run-meta">${meta.map(([label, value]) => (value === null ? null : html`<div><dt>${label}</dt><dd>${value}</dd></div>`))}</dl>
${typeof stamp?.reproduce === "string" && stamp.reproduce.length > 0 ? html`<div class="reproduce"><h3>How to reproduce</h3><pre><code>${stamp.reproduce}</code></pre></div>` : null}
</header>
${sections.map(renderSection)}
${whatIf}
</article>
`;
}

function replicationsOf(body: ReportBody): string | null {
  switch (body.kind) {
    case "store":
    case "chatOnly":
      return "1";
    case "comparison":
      return formatCount(body.replications);
    case "decision":
      return `${formatCount(body.worldsRequested)} worlds × ${formatCount(body.replications)}`;
    case "staffing": {
      const n = body.replications ?? body.sweep[0]?.serviceLevel?.n ?? body.intervals[0]?.serviceLevel?.n;
      return n === undefined ? "–" : formatCount(n);
    }
    case "calibration":
    case "teamFigures":
      return "–";
    case "syntheticCheck":
      // Synthetic shoppers are not replications; the persona count is in the section.
      return null;
  }
}

function versionOf(documents: readonly ReportDocument[]): string {
  const versions = [...new Set(documents.map((document) => document.stamp?.version).filter((version): version is string => typeof version === "string"))];
  return versions.length === 0 ? "" : ` ${versions.join(", ")}`;
}

/** "2026-11-23 04:06 UTC" from an ISO time; other text is shown as written. */
function formatDate(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match === null ? iso : `${match[1]} ${match[2]} UTC`;
}
