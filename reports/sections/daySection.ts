import * as Plot from "@observablehq/plot";
import { formatCompact, formatCount, formatDayClock, formatNumber, formatPercent, formatSeconds } from "../../experiments/format/index.ts";
import type { DayBandSeries, DayBands } from "../../experiments/replications/dayBands.ts";
import type { IntervalResults, SimulationResults } from "../../sim/model/index.ts";
import { heatmapChart } from "../charts/heatmapChart.ts";
import { integerTicks } from "../charts/integerTicks.ts";
import { plotChart } from "../charts/plotChart.ts";
import { type TimeAxis, timeAxis } from "../charts/timeAxis.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, SectionBuilder } from "../reportTypes.ts";

/** Chart height of the per-interval time series. */
const SERIES_HEIGHT = 220;

/**
 * The day: traffic, chat demand, staffing and occupancy per interval; heatmaps across days for
 * multi-day runs. With the day's replication bands beside the run (`dayBands`, written by `npm
 * start`), the estimated series also show the mean over the replications with its interval, so one
 * run's bumps are not read as the day's shape.
 */
export const daySection: SectionBuilder<SimulationResults & { dayBands?: DayBands }> = (results, context) => {
  const intervals = results.intervals;
  if (intervals.startSeconds.length === 0) return null;
  const bands = results.dayBands ?? null;
  const axis = timeAxis(intervals.startSeconds.length * intervals.intervalSeconds);
  const perInterval = `per ${formatSeconds(intervals.intervalSeconds)}`;
  const charts: Chart[] = [];
  const hasSessions = results.kind === "store" && intervals.sessions.some((value) => value > 0);
  if (hasSessions) charts.push(sessionsChart(intervals, axis, perInterval, bands, context));
  charts.push(
    chatDemandChart(intervals, axis, perInterval, bands, context),
    agentsChart(intervals, axis, context),
    occupancyChart(intervals, axis, results.chat.serviceLevelSeconds, bands, context),
  );
  if (axis.multiDay) {
    const format = (value: number): string => (Math.abs(value) >= 1000 ? formatCompact(value) : formatNumber(value, 1));
    if (hasSessions) {
      charts.push(
        heatmapChart(
          {
            key: "day-sessions-heatmap",
            title: "Sessions across days",
            caption: dayComparison(intervals, intervals.sessions, "sessions"),
            valueLabel: `sessions ${perInterval}`,
            startSeconds: intervals.startSeconds,
            values: intervals.sessions,
            intervalSeconds: intervals.intervalSeconds,
            format,
          },
          context,
        ),
      );
    }
    charts.push(
      heatmapChart(
        {
          key: "day-chat-heatmap",
          title: "Chat requests across days",
          caption: dayComparison(intervals, intervals.chatRequests, "chat requests"),
          valueLabel: `chat requests ${perInterval}`,
          startSeconds: intervals.startSeconds,
          values: intervals.chatRequests,
          intervalSeconds: intervals.intervalSeconds,
          format,
        },
        context,
      ),
      heatmapChart(
        {
          key: "day-occupancy-heatmap",
          title: "Occupancy across days",
          caption: "Share of online agent time spent with at least one chat; empty cells had no agents online.",
          valueLabel: "occupancy",
          startSeconds: intervals.startSeconds,
          values: intervals.occupancy,
          intervalSeconds: intervals.intervalSeconds,
          format: (value) => formatPercent(value, 0),
          domain: [0, Math.max(1, ...intervals.occupancy.map((value) => value ?? 0))],
        },
        context,
      ),
    );
  }
  const chatPeak = peak(intervals, intervals.chatRequests);
  const occupancyPeak = peak(intervals, intervals.occupancy);
  const takeaway = [
    hasSessions
      ? `Traffic peaks at ${formatCount(peak(intervals, intervals.sessions).value)} sessions ${perInterval} (${formatDayClock(peak(intervals, intervals.sessions).startSeconds, axis.multiDay)})`
      : null,
    `chat demand peaks at ${formatCount(chatPeak.value)} requests ${perInterval} (${formatDayClock(chatPeak.startSeconds, axis.multiDay)})`,
    occupancyPeak.value === null ? null : `occupancy reaches ${formatPercent(occupancyPeak.value, 0)}`,
  ]
    .filter((part): part is string => part !== null)
    .join("; ");
  return {
    id: `${context.idPrefix}-day`,
    title: axis.multiDay ? `The days (${results.horizonDays} days)` : "The day",
    takeaway: takeaway[0].toUpperCase() + takeaway.slice(1),
    keyFigures: [],
    charts,
    tables: [],
    notes:
      bands === null
        ? ["One run of the scenario: per-interval values move from run to run with the random arrivals."]
        : [
            `Lines and bands: mean of ${formatCount(bands.replications)} replications with its ${formatPercent(bands.level, 0)} t interval, interval by interval (pointwise); columns: the published run.`,
          ],
  };
};

/** The colour of a replication band's mean line, and of its band (lighter, translucent). */
const BAND_COLOR = COLORS.neutral;

/**
 * A band's marks for one series: the interval as an area (a gap where an interval has none) and the
 * replication mean as a line, each point at the middle of its interval, with a native tooltip.
 */
function bandMarks(bands: DayBands, series: DayBandSeries, format: (value: number) => string, color: string = BAND_COLOR): Plot.Markish[] {
  const middle = bands.intervalSeconds / 7200;
  const rows = bands.startSeconds.map((start, index) => {
    const estimate = bands.series[series][index];
    return { hour: start / 3600 + middle, mean: estimate?.mean ?? null, lower: estimate?.lower ?? null, upper: estimate?.upper ?? null };
  });
  return [
    Plot.areaY(rows, { x: "hour", y1: "lower", y2: "upper", fill: color, fillOpacity: 0.22 }),
    Plot.lineY(rows, { x: "hour", y: "mean", stroke: color, strokeWidth: 1.5 }),
    Plot.dot(rows, {
      x: "hour",
      y: "mean",
      r: 1.5,
      fill: color,
      title: (row: (typeof rows)[number]) =>
        row.mean === null ? "" : `mean ${format(row.mean)}${row.lower === null || row.upper === null ? "" : ` [${format(row.lower)}, ${format(row.upper)}]`}`,
    }),
  ];
}

/** The legend entry and caption sentence of a band over one run's columns. */
function bandLegend(bands: DayBands): { label: string; color: string; shape: "line" } {
  return { label: `mean of ${formatCount(bands.replications)} replications, ${formatPercent(bands.level, 0)} band`, color: BAND_COLOR, shape: "line" };
}

/** The caption's sentence about the band (empty without one). */
function bandSentence(bands: DayBands | null): string {
  return bands === null
    ? ""
    : ` Thin line and band: the mean over ${formatCount(bands.replications)} replications and its ${formatPercent(bands.level, 0)} interval per interval.`;
}

/** The highest upper bound of a band's series (0 when none), so the y axis holds the band. */
function bandTop(bands: DayBands | null, series: DayBandSeries): number {
  if (bands === null) return 0;
  return Math.max(0, ...bands.series[series].map((estimate) => estimate?.upper ?? estimate?.mean ?? 0));
}

interface Peak {
  value: number | null;
  startSeconds: number;
}

function peak(intervals: IntervalResults, values: readonly (number | null)[]): Peak {
  let best: Peak = { value: null, startSeconds: 0 };
  values.forEach((value, index) => {
    if (value !== null && (best.value === null || value > best.value)) best = { value, startSeconds: intervals.startSeconds[index] };
  });
  return best;
}

function dayComparison(intervals: IntervalResults, values: readonly number[], what: string): string {
  const totals = new Map<number, number>();
  intervals.startSeconds.forEach((start, index) => {
    const day = Math.floor(start / 86_400) + 1;
    totals.set(day, (totals.get(day) ?? 0) + values[index]);
  });
  const days = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const [busiest] = days;
  const quietest = days[days.length - 1];
  return `Busiest day: day ${busiest[0]} with ${formatCount(busiest[1])} ${what}; quietest: day ${quietest[0]} with ${formatCount(quietest[1])}.`;
}

function xScale(axis: TimeAxis): Plot.ScaleOptions {
  return { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: null };
}

function hours(intervals: IntervalResults, index: number): number {
  return intervals.startSeconds[index] / 3600;
}

function sessionsChart(intervals: IntervalResults, axis: TimeAxis, perInterval: string, bands: DayBands | null, context: RenderContext): Chart {
  const width = intervals.intervalSeconds / 3600;
  const rows = intervals.sessions.map((sessions, index) => ({ hour: hours(intervals, index), sessions }));
  const top = peak(intervals, intervals.sessions);
  const total = intervals.sessions.reduce((sum, value) => sum + value, 0);
  return plotChart(
    {
      key: "day-sessions",
      title: "Arrivals",
      caption: `${formatCount(total)} sessions; the busiest interval has ${formatCount(top.value)} (${formatDayClock(top.startSeconds, axis.multiDay)}).${bandSentence(bands)}`,
      legend: bands === null ? undefined : [{ label: "this run", color: COLORS.primary, shape: "square" }, bandLegend(bands)],
      description: `Column chart of sessions ${perInterval} over ${axis.multiDay ? "the horizon" : "the day"}; peak ${formatCount(top.value)} at ${formatDayClock(top.startSeconds, axis.multiDay)}`,
      plot: {
        height: SERIES_HEIGHT,
        marginBottom: axis.multiDay ? 44 : 30,
        x: xScale(axis),
        y: { label: `sessions ${perInterval}`, grid: true, domain: [0, Math.max(1, top.value ?? 0, bandTop(bands, "sessions"))] },
        marks: [
          Plot.rectY(rows, {
            x1: "hour",
            x2: (row: (typeof rows)[number]) => row.hour + width,
            y: "sessions",
            fill: COLORS.primary,
            insetLeft: 0.3,
            insetRight: 0.3,
          }),
          ...(bands === null ? [] : bandMarks(bands, "sessions", (value) => formatNumber(value, 1))),
          Plot.ruleY([0]),
        ],
      },
    },
    context,
  );
}

function chatDemandChart(intervals: IntervalResults, axis: TimeAxis, perInterval: string, bands: DayBands | null, context: RenderContext): Chart {
  const width = intervals.intervalSeconds / 3600;
  const rows = intervals.chatRequests.flatMap((_, index) => [
    { hour: hours(intervals, index), count: intervals.chatsServed[index], status: "answered" },
    { hour: hours(intervals, index), count: intervals.chatsAbandoned[index], status: "gave up in the queue" },
  ]);
  const requests = intervals.chatRequests.reduce((sum, value) => sum + value, 0);
  const abandoned = intervals.chatsAbandoned.reduce((sum, value) => sum + value, 0);
  const top = peak(intervals, intervals.chatRequests);
  return plotChart(
    {
      key: "day-chat-demand",
      title: "Chat demand",
      caption: `${formatCount(requests)} chat requests, ${formatCount(abandoned)} gave up waiting; the busiest interval has ${formatCount(top.value)} (${formatDayClock(top.startSeconds, axis.multiDay)}).${bandSentence(bands)}`,
      description: `Stacked column chart of chats ${perInterval}, answered and abandoned in the queue; ${formatCount(requests)} requests in total, ${formatCount(abandoned)} abandoned`,
      legend: [
        { label: "answered", color: COLORS.primary, shape: "square" },
        { label: "gave up in the queue", color: COLORS.bad, shape: "square" },
        ...(bands === null ? [] : [bandLegend(bands)]),
      ],
      plot: {
        height: SERIES_HEIGHT,
        marginBottom: axis.multiDay ? 44 : 30,
        x: xScale(axis),
        y: { label: `chats ${perInterval}`, grid: true, domain: [0, Math.max(1, top.value ?? 0, bandTop(bands, "chatRequests"))] },
        color: { domain: ["answered", "gave up in the queue"], range: [COLORS.primary, COLORS.bad] },
        marks: [
          Plot.rectY(
            rows,
            Plot.stackY({ x1: "hour", x2: (row: (typeof rows)[number]) => row.hour + width, y: "count", fill: "status", insetLeft: 0.3, insetRight: 0.3 }),
          ),
          ...(bands === null ? [] : bandMarks(bands, "chatRequests", (value) => formatNumber(value, 1))),
          Plot.ruleY([0]),
        ],
      },
    },
    context,
  );
}

function agentsChart(intervals: IntervalResults, axis: TimeAxis, context: RenderContext): Chart {
  const end = intervals.startSeconds.length;
  // Repeat the last value at the horizon's end so the step line covers the last interval.
  const series = (values: readonly number[], label: string) => [
    ...values.map((value, index) => ({ hour: hours(intervals, index), agents: value, label })),
    { hour: (intervals.startSeconds[end - 1] + intervals.intervalSeconds) / 3600, agents: values[end - 1], label },
  ];
  const rows = [...series(intervals.agentsScheduled, "scheduled"), ...series(intervals.agentsOnline, "online (after shrinkage)")];
  const maximum = Math.max(0, ...intervals.agentsScheduled);
  const scheduledHours = intervals.agentsScheduled.reduce((sum, value) => sum + value, 0) * (intervals.intervalSeconds / 3600);
  return plotChart(
    {
      key: "day-agents",
      title: "Agents",
      caption: `${formatNumber(scheduledHours, 1)} agent-hours scheduled; at most ${formatCount(maximum)} agents at once.`,
      description: `Step chart of agents scheduled and online per interval; at most ${formatCount(maximum)} scheduled, ${formatNumber(scheduledHours, 1)} agent-hours in total`,
      legend: [
        { label: "scheduled", color: COLORS.neutral, shape: "dashed" },
        { label: "online (after shrinkage)", color: COLORS.primary, shape: "line" },
      ],
      plot: {
        height: SERIES_HEIGHT - 40,
        marginBottom: axis.multiDay ? 44 : 30,
        x: xScale(axis),
        y: { label: "agents", grid: true, domain: [0, Math.max(1, maximum) * 1.15], ticks: integerTicks(maximum, 5), tickFormat: "d" },
        marks: [
          Plot.lineY(
            rows.filter((row) => row.label === "scheduled"),
            { x: "hour", y: "agents", curve: "step-after", stroke: COLORS.neutral, strokeDasharray: "5,3", strokeWidth: 1.5 },
          ),
          Plot.lineY(
            rows.filter((row) => row.label !== "scheduled"),
            { x: "hour", y: "agents", curve: "step-after", stroke: COLORS.primary, strokeWidth: 2 },
          ),
          Plot.ruleY([0]),
        ],
      },
    },
    context,
  );
}

function occupancyChart(intervals: IntervalResults, axis: TimeAxis, serviceLevelSeconds: number, bands: DayBands | null, context: RenderContext): Chart {
  const middle = intervals.intervalSeconds / 7200;
  const rows = intervals.startSeconds.flatMap((_, index) => [
    { hour: hours(intervals, index) + middle, value: intervals.occupancy[index], label: "occupancy" },
    { hour: hours(intervals, index) + middle, value: intervals.serviceLevel[index], label: "service level" },
  ]);
  const meanOf = (values: readonly (number | null)[]): number | null => {
    const defined = values.filter((value): value is number => value !== null);
    return defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
  };
  const lowest = intervals.serviceLevel.reduce<{ value: number | null; index: number }>(
    (best, value, index) => (value !== null && (best.value === null || value < best.value) ? { value, index } : best),
    { value: null, index: 0 },
  );
  return plotChart(
    {
      key: "day-occupancy",
      title: "Occupancy and service level",
      caption:
        `Mean occupancy per interval ${formatPercent(meanOf(intervals.occupancy), 0)}` +
        (lowest.value === null
          ? "."
          : `; the worst interval answers ${formatPercent(lowest.value, 0)} within ${formatSeconds(serviceLevelSeconds)} (${formatDayClock(intervals.startSeconds[lowest.index], axis.multiDay)}).`) +
        bandSentence(bands),
      description: `Line chart of agent occupancy and service level (answered within ${formatSeconds(serviceLevelSeconds)}) per interval, 0 to 100%`,
      legend: [
        { label: "occupancy", color: COLORS.primary, shape: "line" },
        { label: `service level (answered ≤ ${formatSeconds(serviceLevelSeconds)})`, color: COLORS.secondary, shape: "dashed" },
        ...(bands === null ? [] : [{ ...bandLegend(bands), label: `thin lines and bands: ${bandLegend(bands).label}` }]),
      ],
      plot: {
        height: SERIES_HEIGHT,
        marginBottom: axis.multiDay ? 44 : 30,
        x: xScale(axis),
        // Occupancy can pass 100% in an interval: agents going off shift finish their chats after it ends.
        y: {
          label: "share",
          grid: true,
          domain: [0, Math.max(1, ...rows.map((row) => row.value ?? 0), bandTop(bands, "occupancy"), bandTop(bands, "serviceLevel"))],
          tickFormat: "%",
        },
        marks: [
          ...(bands === null
            ? []
            : [
                ...bandMarks(bands, "occupancy", (value) => formatPercent(value, 1), COLORS.primary),
                ...bandMarks(bands, "serviceLevel", (value) => formatPercent(value, 1), COLORS.secondary),
              ]),
          Plot.lineY(
            rows.filter((row) => row.label === "occupancy"),
            { x: "hour", y: "value", stroke: COLORS.primary, strokeWidth: 2 },
          ),
          Plot.lineY(
            rows.filter((row) => row.label === "service level"),
            { x: "hour", y: "value", stroke: COLORS.secondary, strokeWidth: 2, strokeDasharray: "6,3" },
          ),
          Plot.ruleY([0]),
        ],
      },
    },
    context,
  );
}
