import { describe, expect, it } from "vitest";
import type { DecisionResults } from "../inputTypes.ts";
import { createRenderContext } from "../renderContext.ts";
import { estimate, normalizeSvg } from "../testing/index.ts";
import { decisionSection } from "./decisionSection.ts";

/** Four policies over 32 worlds, round numbers: idle-on-payment best in 3 of 4 worlds. */
function decisionFixture(): DecisionResults {
  const variant = (name: string, mean: number, probabilityBest: number, expectedLoss: number) => ({
    variant: name,
    expected: estimate(mean, 0.0002, 32),
    worldRange: { p05: mean - 0.001, p95: mean + 0.001 },
    probabilityBest,
    expectedLoss,
  });
  return {
    kind: "decision",
    scenario: "Baseline mid-size store",
    metric: "conversionRate",
    metricLabel: "conversion",
    metricUnit: "rate",
    direction: "higher",
    worldsRequested: 32,
    replications: 4,
    parameters: [
      { path: "segments[1].invitationSensitivity", central: 0.06 },
      { path: "segments[0].patienceSeconds.mean", central: 300 },
      { path: "segments[2].invitationSensitivity", central: 0.05 },
    ],
    analysis: {
      worlds: 32,
      level: 0.95,
      variants: [variant("reactive-only", 0.02, 0, 0.002), variant("idle-on-payment", 0.022, 0.75, 0.0001), variant("exit-intent-high-value", 0.0215, 0.25, 0.0006), variant("aggressive", 0.019, 0, 0.003)],
      choice: "idle-on-payment",
      runnerUp: "exit-intent-high-value",
      evpi: 0.0001,
      sensitivityOf: "idle-on-payment − exit-intent-high-value",
      sensitivity: [
        { parameter: "segments[1].invitationSensitivity", rankCorrelation: -0.5, meanWhenLow: 0.001, meanWhenHigh: 0 },
        { parameter: "segments[0].patienceSeconds.mean", rankCorrelation: 0.25, meanWhenLow: 0.0004, meanWhenHigh: 0.0006 },
        { parameter: "segments[2].invitationSensitivity", rankCorrelation: null, meanWhenLow: 0.0005, meanWhenHigh: 0.0005 },
      ],
      noiseThreshold: 0.35,
    },
  };
}

describe("decisionSection", () => {
  const section = decisionSection(decisionFixture(), createRenderContext())!;

  it("decisionSection names the choice, its probability best, the value of perfect information and the top parameter", () => {
    expect(section.takeaway).toBe("Choose idle-on-payment: best in 75% of 32 parameter worlds; knowing the uncertain parameters exactly would add 0.01 pp of conversion; the choice hinges most on segments[1].invitationSensitivity");
    expect(section.keyFigures.map((figure) => [figure.label, figure.value])).toEqual([
      ["Choice", "idle-on-payment"],
      ["Probability best", "75%"],
      ["Value of perfect information", "0.01 pp"],
      ["Worlds × replications", "32 × 4"],
    ]);
  });

  it("decisionSection draws a tornado of rank correlations and says which clear the noise bound", () => {
    expect(section.charts.map((chart) => chart.title)).toEqual(["What the decision hinges on"]);
    expect(section.charts[0].caption).toBe("1 of 3 parameters move idle-on-payment − exit-intent-high-value (conversion) beyond the noise bound ±0.35; the largest: segments[1].invitationSensitivity (ρ = −0.5).");
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
