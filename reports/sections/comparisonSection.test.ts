import { describe, expect, it } from "vitest";
import { htmlString } from "../escapeHtml.ts";
import { createRenderContext } from "../renderContext.ts";
import { comparisonFixture, estimate, normalizeSvg } from "../testing/index.ts";
import { comparisonSection, effectOf } from "./comparisonSection.ts";

describe("comparisonSection", () => {
  const section = comparisonSection(comparisonFixture(), createRenderContext())!;

  it("comparisonSection states the best policy's lift on the primary metric with its interval", () => {
    expect(section.takeaway).toBe("idle-on-payment lifts conversion by 0.41 pp [+0.31 pp, +0.51 pp] over reactive-only");
  });

  it("comparisonSection says so when no policy beats the control", () => {
    const comparison = comparisonFixture();
    for (const difference of comparison.differences) if (difference.metric === "conversionRate") difference.significant = false;
    expect(comparisonSection(comparison, createRenderContext())!.takeaway).toBe(
      "No policy beats reactive-only on conversion at 95% confidence (closest: idle-on-payment, +0.41 pp [+0.31 pp, +0.51 pp])",
    );
  });

  it("comparisonSection draws a forest plot, relative changes and probability best", () => {
    expect(section.charts.map((chart) => chart.title)).toEqual([
      "Conversion: difference from reactive-only",
      "Every metric: relative change from the control",
      "Probability of being best",
    ]);
    expect(section.charts[0].description).toContain("idle-on-payment +0.41 pp [+0.31 pp, +0.51 pp], better");
    expect(section.charts[0].description).toContain("aggressive +0.08 pp [−0.02 pp, +0.18 pp], no clear difference");
  });

  it("comparisonSection has one guardrails table per policy with verdicts that do not rely on colour", () => {
    expect(section.tables.map((table) => table.caption)).toEqual([
      "Every metric: idle-on-payment against reactive-only (↑ higher is better, ↓ lower is better)",
      "Every metric: exit-intent-high-value against reactive-only (↑ higher is better, ↓ lower is better)",
      "Every metric: aggressive against reactive-only (↑ higher is better, ↓ lower is better)",
    ]);
    const serviceLevel = section.tables[0].rows.find((row) => row[0].text === "Service level ↑")!;
    expect(serviceLevel.map((cell) => cell.text)).toEqual(["Service level ↑", "70.4%", "64.3%", "−6.10 pp [−8.08 pp, −4.12 pp]", "−8.7%", "0.001", "✗ worse"]);
    expect(serviceLevel.at(-1)!.tone).toBe("bad");
  });

  it("effectOf reads significance against the metric's direction", () => {
    const base = comparisonFixture().differences[0];
    expect(effectOf({ ...base, direction: "lower", difference: estimate(-2, 1) })).toBe("better");
    expect(effectOf({ ...base, direction: "higher", difference: estimate(-2, 1) })).toBe("worse");
    expect(effectOf({ ...base, direction: "neutral", difference: estimate(-2, 1) })).toBe("changed");
    expect(effectOf({ ...base, significant: false })).toBe("no clear difference");
  });

  it("comparisonSection keeps a guardrail whose control is 0 (no relative change) in the relative-change chart, labelled from 0", () => {
    const fixture = comparisonFixture();
    const row = fixture.differences.find((difference) => difference.metric !== fixture.primaryMetric)!;
    const fromZero = {
      ...fixture,
      differences: fixture.differences.map((difference) =>
        difference === row ? { ...difference, unit: "count" as const, relativeLift: null, difference: estimate(112.4, 20) } : difference,
      ),
    };
    const chart = comparisonSection(fromZero, createRenderContext())!.charts.find((candidate) => candidate.title.startsWith("Every metric"))!;
    expect(chart.description).toContain(`${row.variant}: +112 from 0`);
    expect(htmlString(chart.svg)).toContain("+112 from 0");
  });

  it("comparisonSection copes with estimates without intervals (one replication)", () => {
    const comparison = comparisonFixture();
    for (const difference of comparison.differences)
      difference.difference = { ...difference.difference, lower: null, upper: null, halfWidth: null, standardDeviation: null, n: 1 };
    const built = comparisonSection(comparison, createRenderContext())!;
    expect(built.charts[0].description).toContain("idle-on-payment +0.41 pp,");
  });

  it.each(section.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
