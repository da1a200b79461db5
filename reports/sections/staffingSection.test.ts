import { describe, expect, it } from "vitest";
import { createRenderContext } from "../renderContext.ts";
import { estimate, normalizeSvg, staffingFixture } from "../testing/index.ts";
import { staffingSection } from "./staffingSection.ts";

describe("staffingSection", () => {
  const section = staffingSection(staffingFixture(), createRenderContext())!;

  it("staffingSection states agent-hours and cost against the Erlang answer and the target", () => {
    expect(section.takeaway).toBe(
      "The recommended schedule needs 82 agent-hours ($2,296), 1 h fewer than Erlang C (83 h), to meet 80% answered within 30 s, at most 5% giving up",
    );
  });

  it("staffingSection charts service level, queue abandonment, conversion and contribution profit against agents, then the schedule", () => {
    expect(section.charts.map((chart) => chart.title)).toEqual([
      "Service level",
      "Queue abandonment",
      "Conversion",
      "Contribution profit",
      "Recommended schedule and the Erlang C answer",
    ]);
    expect(section.charts[0].caption).toBe("Reaches the 80% target from 6 agents.");
    expect(section.charts.slice(0, 4).every((chart) => chart.size === "half")).toBe(true);
  });

  it("staffingSection tables the schedule per interval and marks intervals below target with a symbol", () => {
    const [table] = section.tables;
    expect(table.rows).toHaveLength(48);
    expect(table.rows[0][0].text).toBe("00:00–00:30");
    const below = table.rows.filter((row) => row[5].tone === "bad");
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((row) => row[5].text.startsWith("✗ "))).toBe(true);
  });

  it("staffingSection names Erlang A when the closed form used patience, and drops charts without data", () => {
    const plan = {
      ...staffingFixture(),
      analyticModel: "erlangA" as const,
      target: { serviceLevel: null, serviceLevelSeconds: 30, maxQueueAbandonment: null },
    };
    plan.sweep = plan.sweep.map((level) => ({ ...level, conversionRate: null, contributionProfit: null }));
    const built = staffingSection(plan, createRenderContext())!;
    expect(built.charts.map((chart) => chart.title)).toEqual(["Service level", "Queue abandonment", "Recommended schedule and the Erlang A answer"]);
    expect(built.takeaway).toMatch(/than Erlang A \([\d.]+ h\)$/);
  });

  it("staffingSection adds the video plan (key figure and per-interval table) only when the desk has video", () => {
    expect(section.tables).toHaveLength(1);
    expect(section.keyFigures.map((figure) => figure.label)).not.toContain("Video");
    const plan = staffingFixture();
    const video = {
      model: "separate requirement per interval (own agents, one call each)",
      meanHandleSeconds: 600,
      agentHours: 14.5,
      cost: 406,
      intervals: plan.intervals.map((interval, i) => ({
        index: interval.index,
        startSeconds: interval.startSeconds,
        videoRequestsPerHour: i === 0 ? 0 : 2.5,
        agentsScheduled: i === 0 ? 0 : 1,
        // The target is 80%: interval 1 meets it, interval 2 misses it, interval 0 has no calls.
        serviceLevel: i === 0 ? null : estimate(i === 2 ? 0.62 : 0.91, 0.05),
        queueAbandonment: i === 0 ? null : estimate(0.04, 0.01),
        occupancy: i === 0 ? null : estimate(0.41, 0.03),
        meetsTarget: i === 0 ? null : i !== 2,
      })),
    };
    const built = staffingSection({ ...plan, video }, createRenderContext())!;
    expect(built.keyFigures.at(-1)).toEqual({ label: "Video", value: "14.5 h", detail: "$406 for video agents, one call each" });
    const table = built.tables[1];
    expect(table.caption).toBe(
      "Video calls per 30 min interval: video agents (separate requirement per interval (own agents, one call each), mean call 10 min) and the simulated outcome (✗: below the service level target)",
    );
    expect(table.rows).toHaveLength(plan.intervals.length);
    expect(table.rows[0].map((cell) => cell.text)).toEqual(["00:00–00:30", "0", "0", "–", "–", "–"]);
    expect(table.rows[1].map((cell) => cell.text)).toEqual(["00:30–01:00", "2.5", "1", "91% [86%, 96%]", "4.0%", "41%"]);
    expect(table.rows[2][3]).toMatchObject({ text: "✗ 62% [57%, 67%]", tone: "bad" });
    expect(table.rows.filter((row) => row[3].tone === "bad")).toHaveLength(1);
  });

  it.each(section.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
