import { describe, expect, it } from "vitest";
import { createRenderContext } from "../renderContext.ts";
import { worldDecisionFixture as decisionFixture, normalizeSvg } from "../testing/index.ts";
import { decisionSection } from "./decisionSection.ts";

describe("decisionSection", () => {
  const section = decisionSection(decisionFixture(), createRenderContext())!;

  it("decisionSection names the choice, its probability best, the value of perfect information and the top parameter", () => {
    expect(section.takeaway).toBe(
      "Choose idle-on-payment: best in 75% of 32 parameter worlds; knowing the uncertain parameters exactly would add 0.01 pp of conversion; the choice hinges most on segments[1].invitationSensitivity",
    );
    expect(section.keyFigures.map((figure) => [figure.label, figure.value])).toEqual([
      ["Choice", "idle-on-payment"],
      ["Probability best", "75%"],
      ["Value of perfect information", "0.01 pp"],
      ["Worlds × replications", "32 × 4"],
    ]);
  });

  it("decisionSection draws a tornado of rank correlations and says which clear the noise bound", () => {
    expect(section.charts.map((chart) => chart.title)).toEqual(["What the decision hinges on"]);
    expect(section.charts[0].caption).toBe(
      "1 of 3 parameters move idle-on-payment − exit-intent-high-value (conversion) beyond the noise bound ±0.35; the largest: segments[1].invitationSensitivity (ρ = −0.5).",
    );
  });

  it("decisionSection draws first-order Sobol indices, labelled as such, when the decision measured them", () => {
    const decision = decisionFixture();
    const analysis = decision.analysis!;
    analysis.sensitivityMeasure = "sobolFirstOrder";
    analysis.sensitivity = analysis.sensitivity.map((row, i) => ({ ...row, firstOrder: [0.6, 0.25, 0][i], totalOrder: [0.7, 0.3, 0.02][i] }));
    const chart = decisionSection(decision, createRenderContext())!.charts[0];
    expect(chart.caption).toBe(
      "First-order Sobol indices: the share of the variance of idle-on-payment − exit-intent-high-value (conversion) across worlds each parameter explains alone; the largest: segments[1].invitationSensitivity (S = 0.6, total effect 0.7).",
    );
    expect(normalizeSvg(chart.svg)).toContain("first-order Sobol index");
  });

  it("decisionSection tables every variant with its expected value, range, probability best and expected loss", () => {
    const [table] = section.tables;
    expect(table.rows.map((row) => row[0].text)).toEqual(["reactive-only", "idle-on-payment (choice)", "exit-intent-high-value", "aggressive"]);
    expect(table.rows[1].map((cell) => cell.text)).toEqual(["idle-on-payment (choice)", "2.20% [2.18%, 2.22%]", "2.10% – 2.30%", "75%", "0.01 pp"]);
  });

  it("decisionSection is left out when no world completed", () => {
    expect(decisionSection({ ...decisionFixture(), analysis: null }, createRenderContext())).toBeNull();
  });

  it.each(section.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
