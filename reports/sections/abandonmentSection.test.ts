import { describe, expect, it } from "vitest";
import { createRenderContext } from "../renderContext.ts";
import { normalizeSvg, storeResultsFixture } from "../testing/index.ts";
import { abandonmentSection } from "./abandonmentSection.ts";

describe("abandonmentSection", () => {
  const section = abandonmentSection(storeResultsFixture(), createRenderContext())!;

  it("abandonmentSection(store) names the top checkout reason and the step most shoppers leave at", () => {
    expect(section.takeaway).toBe(
      "Extra costs too high is the top checkout reason: 22.0% of checkout abandonments (632); most shoppers leave at the cart step (3,374)",
    );
  });

  it("abandonmentSection(store) charts abandonment by step, by reason, and reason × step", () => {
    expect(section.charts.map((chart) => chart.title)).toEqual(["Abandonment by step", "Abandonment by reason", "Reasons by step"]);
    expect(section.charts[0].caption).toBe("Cart has the highest abandonment rate: 39.1% of shoppers reaching it leave there.");
    expect(section.charts[2].caption).toBe("The largest single cause: just browsing at cart (3,222).");
  });

  it("abandonmentSection(store) tables reasons with shares of all and of checkout problems", () => {
    const [table] = section.tables;
    expect(table.rows[0].map((cell) => cell.text)).toEqual(["Just browsing", "3,222", "52.9%", "–"]);
    expect(table.rows[1].map((cell) => cell.text)).toEqual(["Extra costs too high", "632", "10.4%", "22.0%"]);
    expect(table.rows.some((row) => row[0].text === "Annoyed by chat")).toBe(false);
  });

  it("abandonmentSection(store) returns null when nobody abandoned", () => {
    const results = storeResultsFixture();
    for (const reason of Object.keys(results.abandonment.byReason) as (keyof typeof results.abandonment.byReason)[]) results.abandonment.byReason[reason] = 0;
    expect(abandonmentSection(results, createRenderContext())).toBeNull();
  });

  it.each(section.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
