import { describe, expect, it } from "vitest";
import { formatNumber } from "../../experiments/format/index.ts";
import { dayBands } from "../../experiments/replications/dayBands.ts";
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

  describe("with the day's replication bands", () => {
    // Three "replications": the fixture's day with chat requests scaled by 0.8, 1 and 1.2 (mean: the fixture's).
    const base = storeResultsFixture({ days: 1 });
    const scaled = (factor: number) => ({
      ...base,
      intervals: { ...base.intervals, chatRequests: base.intervals.chatRequests.map((count) => count * factor) },
    });
    const bands = dayBands([scaled(0.8), scaled(1), scaled(1.2)]);
    const section = daySection({ ...base, dayBands: bands }, createRenderContext({ idPrefix: "band" }))!;

    it("daySection({...results, dayBands}) says in captions and notes that lines and bands are the mean of 3 replications with a 95% interval", () => {
      const demand = section.charts.find((chart) => chart.title === "Chat demand")!;
      expect(demand.caption).toContain("the mean over 3 replications and its 95% interval per interval");
      expect(section.notes.join(" ")).toMatch(/^Lines and bands: mean of 3 replications with its 95% t interval/);
      expect(oneDay.notes.join(" ")).toMatch(/^One run of the scenario/);
    });

    it("daySection bands draw an area, a mean line and dots whose tooltips give mean and interval, the y axis holding the band's top", () => {
      const demand = section.charts.find((chart) => chart.title === "Chat demand")!;
      const estimates = bands.series.chatRequests.filter((estimate) => estimate !== null);
      const peak = estimates.reduce((best, estimate) => (estimate.mean > best.mean ? estimate : best), estimates[0]);
      const markup = normalizeSvg(demand.svg);
      expect(markup).toContain('aria-label="area"');
      expect(markup).toContain(`<title>mean ${formatNumber(peak.mean, 1)} [${formatNumber(peak.lower!, 1)}, ${formatNumber(peak.upper!, 1)}]</title>`);
      expect(bandTopTick(markup)).toBeGreaterThanOrEqual(Math.floor(peak.upper! / 10) * 10);
    });

    it("chart day-chat-demand with bands matches its SVG snapshot", async () => {
      const demand = section.charts.find((chart) => chart.title === "Chat demand")!;
      await expect(normalizeSvg(demand.svg)).toMatchFileSnapshot("__snapshots__/day-chat-demand-bands.html");
    });
  });
});

/** The largest y tick label of a chart's SVG. */
function bandTopTick(markup: string): number {
  const ticks = [...markup.matchAll(/aria-label="y-axis tick label"[\s\S]*?<\/g>/g)].flatMap((group) =>
    [...group[0].matchAll(/>([\d,.]+)<\/text>/g)].map((match) => Number(match[1].replace(/,/g, ""))),
  );
  return Math.max(...ticks);
}
