import { describe, expect, it } from "vitest";
import { createRenderContext } from "../renderContext.ts";
import { normalizeSvg, storeResultsFixture } from "../testing/index.ts";
import { funnelSection } from "./funnelSection.ts";

describe("funnelSection", () => {
  const section = funnelSection(storeResultsFixture(), createRenderContext())!;

  it("funnelSection(store) states conversion and the leakiest step in its takeaway", () => {
    expect(section.takeaway).toBe("2.14% of sessions convert (2,543 orders from 118,995 sessions); the biggest leak is the cart step, where 39.1% leave");
    expect(section.keyFigures.map((figure) => `${figure.label}: ${figure.value}`)).toEqual([
      "Sessions: 118,995",
      "Add to cart: 7.26%",
      "Conversion: 2.14%",
      "Cart abandonment: 70.6%",
      "Checkout abandonment: 51.7%",
    ]);
  });

  it("funnelSection(store) draws bars from the cart to the order, with counts and step-to-step rates", () => {
    const [chart] = section.charts;
    expect(chart.description).toContain("Cart 8,638 · 60.9% continue");
    expect(chart.description).toContain("Order 2,543 · 2.14% of sessions");
    expect(chart.caption).toContain("118,995 sessions → 8,638 carts (7.26%)");
  });

  it("funnelSection(store) lists every step in a sortable table", () => {
    const [table] = section.tables;
    expect(table.sortable).toBe(true);
    expect(table.rows.map((row) => row[0].text)).toEqual(["Browse", "Cart", "Account", "Shipping", "Payment", "Review"]);
    expect(table.rows[4].map((cell) => cell.text)).toEqual(["Payment", "3,764", "2,918", "77.5%", "846", "22.5%", "Did not trust card details (335)"]);
  });

  it("funnelSection(store) returns null when there are no steps", () => {
    const results = storeResultsFixture();
    results.funnel.steps = [];
    expect(funnelSection(results, createRenderContext())).toBeNull();
  });

  it.each(section.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
