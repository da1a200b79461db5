import { describe, expect, it } from "vitest";
import { createRenderContext } from "../renderContext.ts";
import { calibrationFixture, normalizeSvg } from "../testing/index.ts";
import { calibrationSection } from "./calibrationSection.ts";

describe("calibrationSection", () => {
  const section = calibrationSection(calibrationFixture(), createRenderContext())!;

  it("calibrationSection states the largest residual, RMSE and the chi-square test", () => {
    expect(section.takeaway).toBe(
      "Simulated continuation rates are within 1.27 pp of observed (RMSE 0.64 pp); χ² = 3.12 on 2 df, p = 0.210: no evidence of misfit",
    );
  });

  it("calibrationSection reads a small p-value as a rejected fit", () => {
    const calibration = calibrationFixture();
    calibration.goodnessOfFit.pValue = 0.003;
    expect(calibrationSection(calibration, createRenderContext())!.takeaway).toMatch(/p = 0\.003: the fit is rejected at 5%$/);
  });

  it("calibrationSection reads a missing p-value (no degrees of freedom) as untestable", () => {
    const calibration = calibrationFixture();
    calibration.goodnessOfFit = { ...calibration.goodnessOfFit, degreesOfFreedom: 0, pValue: null };
    expect(calibrationSection(calibration, createRenderContext())!.takeaway).toMatch(/p = –: no degrees of freedom left to test the fit$/);
  });

  it("calibrationSection charts continuation rows only and tables every step and outcome", () => {
    expect(section.charts[0].description).not.toContain("Too few payment methods");
    expect(section.tables[0].rows[1].map((cell) => cell.text)).toEqual(["Account", "continued", "5,330", "90.5%", "91.8%", "+1.27 pp", "−3.37 (large)"]);
    expect(section.tables[0].rows[1].at(-1)!.tone).toBe("bad");
    expect(
      section.tables[0].rows
        .at(-1)!
        .slice(0, 2)
        .map((cell) => cell.text),
    ).toEqual(["Payment", "too few payment methods"]);
    expect(section.tables[1].rows.map((row) => row.at(-1)!.text)).toEqual(["+15.7%", "−6.7%", "+2.1%"]);
  });

  it.each(section.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});

describe("calibrationSection with chat results", () => {
  const calibration = {
    ...calibrationFixture(),
    chat: {
      identifiability: [
        { parameter: "invitation acceptance", identified: true, note: "invitation acceptance: identified by invitations accepted ÷ shown (400 of 2000)" },
        {
          parameter: "rescue",
          identified: true,
          note: "rescue: without a holdout the rescue effect is confounded with self-selection: chatters' purchase rate is fitted by trusting the scenario's model of who chats (set policy.holdout to identify the causal lift)",
        },
      ],
      causalLift: { data: { points: 12.34, lower: 4.1, upper: 20.6, chatShare: 0.05 }, model: { points: 11.02, lower: 3, upper: 19, chatShare: 0.05 } },
    },
  };
  const section = calibrationSection(calibration, createRenderContext())!;

  it("calibrationSection puts each chat identifiability line in the notes and in a table", () => {
    expect(section.notes[1]).toBe(
      "Chat, rescue: without a holdout the rescue effect is confounded with self-selection: chatters' purchase rate is fitted by trusting the scenario's model of who chats (set policy.holdout to identify the causal lift).",
    );
    const table = section.tables.at(-1)!;
    expect(table.caption).toBe("What the chat data can and cannot identify");
    expect(table.rows[0].map((cell) => cell.text)).toEqual(["invitation acceptance", "yes", "identified by invitations accepted ÷ shown (400 of 2000)"]);
  });

  it("calibrationSection shows the holdout's causal lift with its interval and the model's", () => {
    expect(section.keyFigures[0]).toEqual({
      label: "Chat's causal lift (holdout)",
      value: "12.3 points",
      detail: "for chat users, 95% CI 4.1 to 20.6; the fitted model: 11 points",
    });
  });

  it("calibrationSection without chat results has neither (results written before chat was calibrated)", () => {
    const plain = calibrationSection(calibrationFixture(), createRenderContext())!;
    expect(plain.tables).toHaveLength(2);
    expect(plain.keyFigures[0].label).toBe("RMSE");
  });
});
