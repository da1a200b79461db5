import * as Plot from "@observablehq/plot";
import { trustedHtml } from "../escapeHtml.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, LegendItem } from "../reportTypes.ts";
import { serializeSvg } from "./serializeSvg.ts";

/** Chart widths in CSS pixels: a full-width chart and one of two side by side (the page is 960 px wide). */
export const FULL_WIDTH = 880;
export const HALF_WIDTH = 430;
/** Font size of axis and mark text; Plot does not measure text, so margins are estimated from it. */
export const CHART_FONT_SIZE = 12;

/** What a section asks for: the Plot options plus the figure's words. */
export interface ChartSpec {
  /** Id suffix, unique within the section's document. */
  key: string;
  title: string;
  /** One-line takeaway computed from the data. */
  caption: string;
  /** Text alternative (aria-label): what is plotted and the main values. */
  description: string;
  legend?: readonly LegendItem[];
  size?: Chart["size"];
  /** Plot options without `document`, `width` (from size unless given) or `ariaLabel`. */
  plot: Plot.PlotOptions;
}

/**
 * Renders a chart with Observable Plot into the context's DOM and serializes it with every text node
 * and attribute escaped (serializeSvg), so data strings (step names, variant names) stay text.
 * A Plot legend (e.g. a quantized colour ramp) comes back inside a <figure>: its SVGs are kept
 * and the figure itself dropped, since the report draws its own <figure>.
 */
export function plotChart(spec: ChartSpec, context: RenderContext): Chart {
  const size = spec.size ?? "full";
  const element = Plot.plot({
    width: size === "full" ? FULL_WIDTH : HALF_WIDTH,
    ...spec.plot,
    style: { fontSize: `${CHART_FONT_SIZE}px`, overflow: "visible", ...(spec.plot.style as object | undefined) },
    ariaLabel: spec.description,
    document: context.document,
  }) as unknown as Element;
  const svgs = element.tagName.toLowerCase() === "figure" ? Array.from(element.children) : [element];
  for (const svg of svgs) {
    if (svg.tagName.toLowerCase() !== "svg") continue;
    svg.setAttribute("role", "img");
    if (!svg.hasAttribute("aria-label")) svg.setAttribute("aria-label", `colour scale of ${spec.title}`);
  }
  return {
    id: `${context.idPrefix}-${spec.key}`,
    title: spec.title,
    caption: spec.caption,
    description: spec.description,
    svg: trustedHtml(svgs.filter((svg) => svg.tagName.toLowerCase() === "svg").map(serializeSvg).join("")),
    legend: spec.legend ?? [],
    size,
  };
}

/** Left margin that fits the longest label at the chart font (an estimate: Plot cannot measure text in Node). */
export function labelMargin(labels: readonly string[], minimum = 40): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.max(minimum, Math.ceil(longest * CHART_FONT_SIZE * 0.6) + 16);
}
