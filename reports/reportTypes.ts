import type { SafeHtml } from "./escapeHtml.ts";
import type { RenderContext } from "./renderContext.ts";

/** One swatch of an HTML legend (rendered beside a chart, so it needs no canvas and stays selectable text). */
export interface LegendItem {
  label: string;
  color: string;
  /** How the series is drawn, so the legend matches it. */
  shape: "square" | "line" | "dashed" | "dot" | "ring";
}

/** A rendered chart: a Plot SVG with its title, takeaway and text alternative. */
export interface Chart {
  /** Unique within the report (an HTML id). */
  id: string;
  title: string;
  /** One line computed from the data, shown as the figure caption. */
  caption: string;
  /** Text alternative: what the chart shows, for screen readers (aria-label). */
  description: string;
  /** Plot's SVG (and any Plot legend), serialized; safe markup. */
  svg: SafeHtml;
  legend: readonly LegendItem[];
  /** Half-width charts sit two to a row on wide screens. */
  size: "full" | "half";
  /** The plotted values, one record per row, for the chart's CSV download (empty: no data link). */
  data: readonly Readonly<Record<string, string | number | null>>[];
  /** The chart as a standalone SVG file, for its download link (absent: no SVG link, e.g. a screenshot). */
  svgFile?: string;
}

/** A table cell: display text, and the value the table sorts by. */
export interface TableCell {
  text: string;
  /** Sort key (numbers sort numerically); the text when absent. */
  sortValue?: number | string | null;
  /** Colour-independent emphasis, rendered with a symbol as well as a colour. */
  tone?: "good" | "bad" | null;
  /**
   * Files beside the report, shown as links instead of `text` (which stays the sort key and the CSV
   * value). Only relative paths that stay inside the report's folder become links (see `relativeHref`).
   */
  links?: ReadonlyArray<{ text: string; path: string }>;
}

export interface TableColumn {
  label: string;
  /** Right-aligned, tabular digits. */
  numeric: boolean;
  /** Keep cells on one line (short verdicts). */
  nowrap?: boolean;
}

/** A real HTML table. */
export interface Table {
  id: string;
  caption: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly TableCell[])[];
  /** Rows can be sorted by clicking a header (progressive enhancement: reads fine without JS). */
  sortable: boolean;
}

/** A headline number shown as a tile at the top of a section. */
export interface KeyFigure {
  label: string;
  value: string;
  /** A short qualifier under the value ("of sessions", "[0.22, 0.60]"). */
  detail?: string;
}

/** One section of a report, built by a SectionBuilder from one results document. */
export interface Section {
  id: string;
  title: string;
  /** One line computed from the data: the section's main finding. */
  takeaway: string;
  keyFigures: readonly KeyFigure[];
  charts: readonly Chart[];
  tables: readonly Table[];
  /** Paragraphs of plain text (explanations, verdicts). */
  notes: readonly string[];
  /** When set, the notes are a titled bullet list (e.g. reasons) instead of paragraphs. */
  notesTitle?: string;
}

/**
 * Builds one section from one results body: a pure function of its input (charts are rendered into
 * the context's DOM and serialized). Returns null when the section does not apply (e.g. no chats).
 */
export type SectionBuilder<Body> = (body: Body, context: RenderContext) => Section | null;
