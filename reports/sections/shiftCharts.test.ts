import { describe, expect, it } from "vitest";
import { htmlString } from "../escapeHtml.ts";
import { createRenderContext } from "../renderContext.ts";
import { normalizeSvg, staffingFixture } from "../testing/index.ts";
import { coverageChart, shiftGanttChart, staffedAgents } from "./shiftCharts.ts";
import { staffingSection } from "./staffingSection.ts";

const HOUR = 3600;

describe("shiftCharts", () => {
  const shifts = [
    { startSeconds: 8 * HOUR, endSeconds: 16 * HOUR, agents: 3 },
    { startSeconds: 12 * HOUR, endSeconds: 20 * HOUR, agents: 2 },
  ];

  it("staffedAgents counts the agents of every shift covering the whole interval", () => {
    expect([
      staffedAgents(shifts, 7.5 * HOUR, 1800),
      staffedAgents(shifts, 8 * HOUR, 1800),
      staffedAgents(shifts, 12 * HOUR, 1800),
      staffedAgents(shifts, 15.5 * HOUR, 1800),
      staffedAgents(shifts, 16 * HOUR, 1800),
    ]).toEqual([0, 3, 5, 5, 2]);
  });

  it("coverageChart offers staffed and required per interval and counts the understaffed intervals", () => {
    const staffing = staffingFixture();
    const chart = coverageChart(staffing, shifts, createRenderContext());
    expect(chart.data).toHaveLength(staffing.intervals.length);
    const nine = chart.data.find((row) => row.start === "09:00")!;
    expect(nine.staffed).toBe(3);
    expect(nine.required).toBe(staffing.intervals.find((interval) => interval.startSeconds === 9 * HOUR)!.recommendedAgentsScheduled);
    const short = chart.data.filter((row) => (row.staffed as number) < (row.required as number)).length;
    expect(chart.caption).toMatch(new RegExp(`^${short} of 48 intervals are understaffed`));
  });

  it("shiftGanttChart draws one bar per shift with its agents as a native tooltip", () => {
    const chart = shiftGanttChart(shifts, createRenderContext());
    const markup = htmlString(chart.svg);
    expect(chart.caption).toBe("2 shift starts, 5 agent shifts in all.");
    expect(markup).toContain("<title>08:00–16:00 #1: 3 agents</title>");
    expect(markup).toContain("<title>Shift plan</title>");
  });

  it("staffingSection adds the coverage and Gantt charts only when there is a shift plan", () => {
    const withShifts = staffingSection({ ...staffingFixture(), shifts: { shiftHours: 8, shifts } }, createRenderContext())!;
    expect(withShifts.charts.map((chart) => chart.title).slice(-2)).toEqual(["Coverage: staffed by the shift plan vs required", "Shift plan"]);
    expect(staffingSection(staffingFixture(), createRenderContext())!.charts.some((chart) => chart.title === "Shift plan")).toBe(false);
  });

  it.each([
    ["staffing-coverage", () => coverageChart(staffingFixture(), shifts, createRenderContext())],
    ["staffing-shift-gantt", () => shiftGanttChart(shifts, createRenderContext())],
  ])("chart %s matches its SVG snapshot", async (name, build) => {
    await expect(normalizeSvg(build().svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
