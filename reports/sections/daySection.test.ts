import { describe, expect, it } from "vitest";
import { createRenderContext } from "../renderContext.ts";
import { chatOnlyResultsFixture, normalizeSvg, storeResultsFixture } from "../testing/index.ts";
import { daySection } from "./daySection.ts";

describe("daySection", () => {
  const multiDay = daySection(storeResultsFixture({ days: 3 }), createRenderContext())!;
  const oneDay = daySection(storeResultsFixture({ days: 1 }), createRenderContext({ idPrefix: "one" }))!;

  it("daySection(3-day store) adds heatmaps across days for sessions, chat requests and occupancy", () => {
    expect(multiDay.title).toBe("The days (3 days)");
    expect(multiDay.charts.map((chart) => chart.title)).toEqual([
      "Arrivals",
      "Chat demand",
      "Agents",
      "Occupancy and service level",
      "Sessions across days",
      "Chat requests across days",
      "Occupancy across days",
    ]);
    expect(multiDay.takeaway).toMatch(
      /^Traffic peaks at [\d,]+ sessions per 30 min \(day \d, \d\d:\d\d\); chat demand peaks at \d+ requests per 30 min \(day \d, \d\d:\d\d\); occupancy reaches \d+%$/,
    );
  });

  it("daySection(1-day store) draws the time series only, with clock-time ticks", () => {
    expect(oneDay.title).toBe("The day");
    expect(oneDay.charts.map((chart) => chart.title)).toEqual(["Arrivals", "Chat demand", "Agents", "Occupancy and service level"]);
    expect(oneDay.takeaway).not.toContain("day 1,");
  });

  it("daySection(chat-only) leaves out the sessions chart", () => {
    const section = daySection(chatOnlyResultsFixture(), createRenderContext())!;
    expect(section.charts.map((chart) => chart.title)).toEqual(["Chat demand", "Agents", "Occupancy and service level"]);
    expect(section.takeaway).toMatch(/^Chat demand peaks at/);
  });

  it("daySection heatmaps use a quantized scale drawn with cell marks, never a canvas ramp", () => {
    const heatmap = multiDay.charts.find((chart) => chart.title === "Occupancy across days")!;
    const markup = normalizeSvg(heatmap.svg);
    expect(markup).not.toContain("<image");
    expect(markup).toContain('aria-label="cell"');
  });

  it.each(multiDay.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s (3 days) matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });

  it("chart day-occupancy (1 day) matches its SVG snapshot", async () => {
    const chart = oneDay.charts.find((candidate) => candidate.id === "one-day-occupancy")!;
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot("__snapshots__/day-occupancy-one-day.html");
  });
});
