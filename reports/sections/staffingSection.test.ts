import { describe, expect, it } from "vitest";
import { createRenderContext } from "../renderContext.ts";
import { normalizeSvg, staffingFixture } from "../testing/index.ts";
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

  it.each(section.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
