import * as Plot from "@observablehq/plot";
import { formatClock } from "../../experiments/format/index.ts";
import { integerTicks } from "../charts/integerTicks.ts";
import { plotChart } from "../charts/plotChart.ts";
import { timeAxis } from "../charts/timeAxis.ts";
import type { StaffingResults } from "../inputTypes.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart } from "../reportTypes.ts";

/** One shift of a plan: `agents` agents from `startSeconds` to `endSeconds` (seconds since the start of day 1). */
export type PlannedShift = NonNullable<StaffingResults["shifts"]>["shifts"][number];

/**
 * Agents a shift plan puts on duty in the interval starting at `startSeconds`: the shifts that cover
 * the whole interval. `staffedAgents([{ startSeconds: 0, endSeconds: 7200, agents: 2 }], 3600, 1800)` → `2`.
 */
export function staffedAgents(shifts: readonly PlannedShift[], startSeconds: number, intervalSeconds: number): number {
  return shifts
    .filter((shift) => shift.startSeconds <= startSeconds && shift.endSeconds >= startSeconds + intervalSeconds)
    .reduce((sum, shift) => sum + shift.agents, 0);
}

/**
 * Coverage: agents the shift plan staffs per interval (area) against the agents required (the
 * recommended schedule, a step line); gaps (understaffed) are marked. Shows what rounding to shifts costs.
 */
export function coverageChart(staffing: StaffingResults, shifts: readonly PlannedShift[], context: RenderContext): Chart {
  const { intervals, intervalSeconds } = staffing;
  const axis = timeAxis(intervals.length * intervalSeconds);
  const rows = intervals.map((interval) => {
    const staffed = staffedAgents(shifts, interval.startSeconds, intervalSeconds);
    return {
      hour: interval.startSeconds / 3600,
      end: (interval.startSeconds + intervalSeconds) / 3600,
      clock: formatClock(interval.startSeconds),
      required: interval.recommendedAgentsScheduled,
      staffed,
    };
  });
  const short = rows.filter((row) => row.staffed < row.required);
  const surplusHours = rows.reduce((sum, row) => sum + Math.max(0, row.staffed - row.required), 0) * (intervalSeconds / 3600);
  const maximum = Math.max(1, ...rows.map((row) => Math.max(row.required, row.staffed)));
  return plotChart(
    {
      key: "staffing-coverage",
      title: "Coverage: staffed by the shift plan vs required",
      caption:
        short.length === 0
          ? `The shifts cover every interval; ${context.format.number(surplusHours, 1)} agent-hours above the requirement are the price of whole shifts.`
          : `${short.length} of ${rows.length} intervals are understaffed by the shift plan (first at ${short[0].clock}).`,
      description: `Coverage per interval, staffed vs required agents: ${rows.map((row) => `${row.clock} ${row.staffed} of ${row.required}`).join("; ")}`,
      legend: [
        { label: "staffed (shift plan)", color: COLORS.primaryLight, shape: "square" },
        { label: "required (recommended schedule)", color: COLORS.secondary, shape: "line" },
        ...(short.length === 0 ? [] : [{ label: "understaffed", color: COLORS.bad, shape: "square" as const }]),
      ],
      data: rows.map((row) => ({ start: row.clock, required: row.required, staffed: row.staffed })),
      plot: {
        height: 240,
        marginBottom: axis.multiDay ? 44 : 30,
        x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: null },
        y: { label: "agents", grid: true, domain: [0, maximum * 1.15], ticks: integerTicks(maximum, 5), tickFormat: "d" },
        marks: [
          Plot.rectY(rows, {
            x1: "hour",
            x2: "end",
            y: "staffed",
            fill: COLORS.primaryLight,
            fillOpacity: 0.8,
            title: (row: (typeof rows)[number]) => `${row.clock}: staffed ${row.staffed}, required ${row.required}`,
          }),
          Plot.rectY(short, { x1: "hour", x2: "end", y1: "staffed", y2: "required", fill: COLORS.bad, fillOpacity: 0.6 }),
          Plot.lineY([...rows, { ...rows[rows.length - 1], hour: rows[rows.length - 1].end }], {
            x: "hour",
            y: "required",
            curve: "step-after",
            stroke: COLORS.secondary,
            strokeWidth: 2,
          }),
          Plot.ruleY([0]),
        ],
      },
    },
    context,
  );
}

/** The shift plan as a Gantt chart: one bar per shift start, its length the shift, labelled with its agents. */
export function shiftGanttChart(shifts: readonly PlannedShift[], context: RenderContext): Chart {
  const bars = [...shifts]
    .sort((a, b) => a.startSeconds - b.startSeconds || a.endSeconds - b.endSeconds)
    .map((shift, index) => ({
      row: `${formatClock(shift.startSeconds)}–${formatClock(shift.endSeconds)}${shifts.length > 1 ? ` #${index + 1}` : ""}`,
      start: shift.startSeconds / 3600,
      end: shift.endSeconds / 3600,
      agents: shift.agents,
      label: `${shift.agents} agent${shift.agents === 1 ? "" : "s"}`,
    }));
  const axis = timeAxis(Math.max(...shifts.map((shift) => shift.endSeconds)));
  const agents = bars.reduce((sum, bar) => sum + bar.agents, 0);
  return plotChart(
    {
      key: "staffing-shift-gantt",
      title: "Shift plan",
      caption: `${context.format.count(bars.length)} shift starts, ${context.format.count(agents)} agent shifts in all.`,
      description: `Gantt chart of the shift plan: ${bars.map((bar) => `${bar.row}: ${bar.label}`).join("; ")}`,
      data: bars.map((bar) => ({ shift: bar.row, start: formatClock(bar.start * 3600), end: formatClock(bar.end * 3600), agents: bar.agents })),
      plot: {
        height: bars.length * 26 + 50,
        marginLeft: 130,
        marginBottom: axis.multiDay ? 44 : 30,
        x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: null, grid: true },
        y: { domain: bars.map((bar) => bar.row), label: null, tickSize: 0 },
        marks: [
          Plot.barX(bars, {
            y: "row",
            x1: "start",
            x2: "end",
            fill: COLORS.primary,
            insetTop: 4,
            insetBottom: 4,
            title: (bar: (typeof bars)[number]) => `${bar.row}: ${bar.label}`,
          }),
          Plot.text(bars, { y: "row", x: "start", text: "label", textAnchor: "start", dx: 6, fill: "white" }),
        ],
      },
    },
    context,
  );
}
