import { describe, expect, it } from "vitest";
import { createRenderContext } from "../renderContext.ts";
import { calibrationFixture, normalizeSvg } from "../testing/index.ts";
import { calibrationSection } from "./calibrationSection.ts";

describe("calibrationSection", () => {
  const section = calibrationSection(calibrationFixture(), createRenderContext())!;

  it("calibrationSection states the largest residual, RMSE and the chi-square test", () => {
    expect(section.takeaway).toBe("Simulated continuation rates are within 1.27 pp of observed (RMSE 0.64 pp); χ² = 3.12 on 2 df, p = 0.210: no evidence of misfit");
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
    expect(section.tables[0].rows.at(-1)!.slice(0, 2).map((cell) => cell.text)).toEqual(["Payment", "too few payment methods"]);
    expect(section.tables[1].rows.map((row) => row.at(-1)!.text)).toEqual(["+15.7%", "−6.7%", "+2.1%"]);
  });

  it.each(section.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
