import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { htmlString } from "../escapeHtml.ts";
import { createRenderContext } from "../renderContext.ts";
import { labelMargin, plotChart } from "./plotChart.ts";

describe("plotChart", () => {
  it("plotChart renders an SVG with role img and the description as aria-label, escaping data strings", () => {
    const chart = plotChart(
      {
        key: "k",
        title: "T",
        caption: "C",
        description: 'bars of "<x>"',
        plot: { marks: [Plot.barX([{ name: "<script>alert(1)</script>", value: 1 }], { y: "name", x: "value" })] },
      },
      createRenderContext({ idPrefix: "p" }),
    );
    const markup = htmlString(chart.svg);
    expect(chart.id).toBe("p-k");
    expect(markup).toMatch(/^<svg [^>]*role="img"/);
    expect(markup).toContain('aria-label="bars of &quot;&lt;x&gt;&quot;"');
    expect(markup).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(markup).not.toContain("<script>");
  });

  it("plotChart keeps a Plot colour legend (a quantized ramp) and drops Plot's figure wrapper", () => {
    const chart = plotChart(
      {
        key: "h",
        title: "Heat",
        caption: "",
        description: "heatmap",
        plot: {
          color: { type: "quantize", n: 4, scheme: "blues", domain: [0, 1], legend: true },
          marks: [Plot.cell([{ x: 1, y: 1, v: 0.5 }], { x: "x", y: "y", fill: "v" })],
        },
      },
      createRenderContext(),
    );
    const markup = htmlString(chart.svg);
    expect(markup).not.toContain("<figure");
    expect(markup.match(/<svg /g)).toHaveLength(2);
    expect(markup).toContain('aria-label="colour scale of Heat"');
  });

  it("labelMargin estimates room for the longest label at the chart font", () => {
    expect([labelMargin([]), labelMargin(["Cart"]), labelMargin(["Did not trust card details"])]).toEqual([40, 45, 204]);
  });
});
