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
  /** A legend drawn as its own small Plot chart above the figure (e.g. colorRampLegend). */
  legendPlot?: Plot.PlotOptions;
  /** The plotted values as rows, offered as a CSV download (column names are the keys of the first row). */
  data?: readonly DataRow[];
}

/** One row of a chart's data download. */
export type DataRow = Readonly<Record<string, string | number | null>>;

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
  const legend =
    spec.legendPlot === undefined
      ? []
      : // The class ends in "-ramp" like Plot's own legends, so styles and checks treat it as one.
        [
          Plot.plot({
            ...spec.legendPlot,
            className: "convsim-legend-ramp",
            style: { fontSize: `${CHART_FONT_SIZE - 1}px`, overflow: "visible" },
            ariaLabel: `colour scale of ${spec.title}`,
            document: context.document,
          }) as unknown as Element,
        ];
  const svgs = [...legend, ...(element.tagName.toLowerCase() === "figure" ? Array.from(element.children) : [element])].filter(
    (svg) => svg.tagName.toLowerCase() === "svg",
  );
  // Plot puts its legends before the plot: the last SVG is the chart itself.
  for (const [index, svg] of svgs.entries()) {
    svg.setAttribute("role", "img");
    if (!svg.hasAttribute("aria-label")) svg.setAttribute("aria-label", `colour scale of ${spec.title}`);
    // A <title> is the SVG's accessible name in every reader and its tooltip on hover.
    const title = context.document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = index === svgs.length - 1 ? spec.title : `colour scale of ${spec.title}`;
    svg.insertBefore(title, svg.firstChild);
  }
  return {
    id: `${context.idPrefix}-${spec.key}`,
    title: spec.title,
    caption: spec.caption,
    description: spec.description,
    svg: trustedHtml(svgs.map(serializeSvg).join("")),
    legend: spec.legend ?? [],
    size,
    data: spec.data ?? [],
    svgFile: standaloneSvg(svgs[svgs.length - 1]),
  };
}

/** The chart's SVG as a file of its own: the namespace a standalone SVG needs, and its <style> kept. */
function standaloneSvg(svg: Element | undefined): string {
  if (svg === undefined) return "";
  return serializeSvg(svg).replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ');
}

/** Left margin that fits the longest label at the chart font (an estimate: Plot cannot measure text in Node). */
export function labelMargin(labels: readonly string[], minimum = 40): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.max(minimum, Math.ceil(longest * CHART_FONT_SIZE * 0.6) + 16);
}
