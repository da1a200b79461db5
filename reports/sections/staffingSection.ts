import * as Plot from "@observablehq/plot";
import { formatClock, formatCompact, formatInterval, formatMoney, formatNumber, formatPercent, formatSeconds } from "../../experiments/format/index.ts";
import { estimateBandChart } from "../charts/estimateBandChart.ts";
import { integerTicks } from "../charts/integerTicks.ts";
import { plotChart } from "../charts/plotChart.ts";
import { timeAxis } from "../charts/timeAxis.ts";
import type { Estimate, StaffingResults } from "../inputTypes.ts";
import { capitalize } from "../labels.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart, SectionBuilder, Table } from "../reportTypes.ts";
import { numberCell } from "../table.ts";
import { serviceLevelCell } from "./serviceLevelCell.ts";
import { coverageChart, shiftGanttChart } from "./shiftCharts.ts";
import { videoKeyFigure, videoStaffingTable } from "./videoStaffingTable.ts";

type SweepPoint = StaffingResults["sweep"][number];

/** Staffing: the day's results against flat staffing levels, and the recommended schedule beside Erlang's. */
export const staffingSection: SectionBuilder<StaffingResults> = (staffing, context) => {
  const { totals, target } = staffing;
  const money = (value: number): string => formatMoney(value, context.currency);
  const savedHours = totals.erlangAgentHours - totals.recommendedAgentHours;
  const erlang = erlangName(staffing);
  const comparison =
    Math.abs(savedHours) < 1e-9
      ? `the same as ${erlang}`
      : `${formatNumber(Math.abs(savedHours), 1)} h ${savedHours > 0 ? "fewer" : "more"} than ${erlang} (${formatNumber(totals.erlangAgentHours, 1)} h)`;
  const targetText = describeTarget(target);
  const charts: Chart[] = sweepCharts(staffing, context);
  if (staffing.intervals.length > 0) charts.push(scheduleChart(staffing, context));
  const shifts = staffing.shifts ?? null;
  if (shifts !== null && shifts.shifts.length > 0 && staffing.intervals.length > 0)
    charts.push(coverageChart(staffing, shifts.shifts, context), shiftGanttChart(shifts.shifts, context));
  return {
    id: `${context.idPrefix}-staffing`,
    title: "Staffing",
    takeaway: `The recommended schedule needs ${formatNumber(totals.recommendedAgentHours, 1)} agent-hours (${money(totals.recommendedCost)}), ${comparison}${targetText === null ? "" : `, to meet ${targetText}`}`,
    keyFigures: [
      ...(target.serviceLevel === null
        ? []
        : [{ label: "Target", value: formatPercent(target.serviceLevel, 0), detail: `answered ≤ ${formatSeconds(target.serviceLevelSeconds)}` }]),
      { label: "Recommended", value: `${formatNumber(totals.recommendedAgentHours, 1)} h`, detail: `${money(totals.recommendedCost)} agent cost` },
      { label: erlang, value: `${formatNumber(totals.erlangAgentHours, 1)} h`, detail: `${money(totals.erlangCost)} agent cost` },
      { label: "Difference", value: formatMoney(totals.recommendedCost - totals.erlangCost, context.currency, true), detail: `recommended − ${erlang} cost` },
      ...(staffing.video === undefined ? [] : [videoKeyFigure(staffing.video, context)]),
    ],
    charts,
    tables: [scheduleTable(staffing, context), ...(staffing.video === undefined ? [] : [videoStaffingTable(staffing, staffing.video, context)])],
    notes: staffing.explanation.map(capitalize),
    notesTitle: `How the plan was found, and why it differs from ${erlang}`,
  };
};

/** "Erlang A" when the closed form accounts for patience, else "Erlang C". */
export function erlangName(staffing: StaffingResults): string {
  return staffing.analyticModel === "erlangA" ? "Erlang A" : "Erlang C";
}

/** "80% answered within 30 s, at most 5% giving up", or null without targets. */
function describeTarget(target: StaffingResults["target"]): string | null {
  const parts = [
    target.serviceLevel === null ? null : `${formatPercent(target.serviceLevel, 0)} answered within ${formatSeconds(target.serviceLevelSeconds)}`,
    target.maxQueueAbandonment === null ? null : `at most ${formatPercent(target.maxQueueAbandonment, 0)} giving up`,
    target.maxOccupancy === null || target.maxOccupancy === undefined ? null : `occupancy at most ${formatPercent(target.maxOccupancy, 0)}`,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(", ");
}

function sweepCharts(staffing: StaffingResults, context: RenderContext): Chart[] {
  const { sweep, target } = staffing;
  if (sweep.length === 0) return [];
  const points = (pick: (point: SweepPoint) => Estimate | null): SweepSeries =>
    [...sweep]
      .sort((a, b) => a.agentsScheduled - b.agentsScheduled)
      .flatMap((point) => {
        const estimate = pick(point);
        return estimate === null ? [] : [{ x: point.agentsScheduled, estimate }];
      });
  return [
    serviceLevelChart(
      points((point) => point.serviceLevel),
      target,
      context,
    ),
    abandonmentChart(
      points((point) => point.queueAbandonment),
      target,
      context,
    ),
    conversionChart(
      points((point) => point.conversionRate),
      context,
    ),
    profitChart(
      points((point) => point.contributionProfit),
      context,
    ),
  ].filter((chart): chart is Chart => chart !== null);
}

/** One sweep measure against the flat number of agents scheduled, in agents order. */
type SweepSeries = { x: number; estimate: Estimate }[];

const SWEEP_X_LABEL = "agents scheduled (flat)";

function percent(value: number): string {
  return formatPercent(value, 1);
}

/** Service level against agents, with the target line and where the sweep first reaches it. */
function serviceLevelChart(service: SweepSeries, target: StaffingResults["target"], context: RenderContext): Chart | null {
  if (service.length === 0) return null;
  const serviceTarget = target.serviceLevel;
  const meets = serviceTarget === null ? undefined : service.find((point) => point.estimate.mean >= serviceTarget);
  const last = service[service.length - 1];
  return estimateBandChart(
    {
      key: "staffing-service-level",
      title: "Service level",
      caption:
        serviceTarget === null
          ? `${percent(last.estimate.mean)} answered within ${formatSeconds(target.serviceLevelSeconds)} at ${last.x} agents.`
          : meets === undefined
            ? `No staffing level in the sweep reaches the ${formatPercent(serviceTarget, 0)} target.`
            : `Reaches the ${formatPercent(serviceTarget, 0)} target from ${meets.x} agents.`,
      xLabel: SWEEP_X_LABEL,
      yLabel: `answered ≤ ${formatSeconds(target.serviceLevelSeconds)}`,
      points: service,
      yTickFormat: "%",
      format: percent,
      reference: serviceTarget === null ? undefined : { value: serviceTarget, label: `target ${formatPercent(serviceTarget, 0)}` },
      yDomain: [0, 1],
    },
    context,
  );
}

/** Queue abandonment against agents, with the limit line and where the sweep first stays under it. */
function abandonmentChart(abandonment: SweepSeries, target: StaffingResults["target"], context: RenderContext): Chart | null {
  const abandonmentTarget = target.maxQueueAbandonment;
  const abandonmentMeets = abandonmentTarget === null ? undefined : abandonment.find((point) => point.estimate.mean <= abandonmentTarget);
  const lowest = [...abandonment].sort((a, b) => a.estimate.mean - b.estimate.mean)[0];
  if (lowest === undefined) return null;
  return estimateBandChart(
    {
      key: "staffing-queue-abandonment",
      title: "Queue abandonment",
      caption:
        abandonmentTarget === null
          ? `Falls to ${percent(lowest.estimate.mean)} at ${lowest.x} agents.`
          : abandonmentMeets === undefined
            ? `Stays above the ${formatPercent(abandonmentTarget, 0)} limit across the sweep.`
            : `Falls below the ${formatPercent(abandonmentTarget, 0)} limit from ${abandonmentMeets.x} agents.`,
      xLabel: SWEEP_X_LABEL,
      yLabel: "gave up in the queue",
      points: abandonment,
      yTickFormat: "%",
      format: percent,
      reference: abandonmentTarget === null ? undefined : { value: abandonmentTarget, label: `limit ${formatPercent(abandonmentTarget, 0)}` },
    },
    context,
  );
}

/** Conversion against agents (store scenarios only). */
function conversionChart(conversion: SweepSeries, context: RenderContext): Chart | null {
  if (conversion.length === 0) return null;
  const first = conversion[0];
  const last = conversion[conversion.length - 1];
  return estimateBandChart(
    {
      key: "staffing-conversion",
      title: "Conversion",
      caption: `From ${formatPercent(first.estimate.mean)} at ${first.x} agents to ${formatPercent(last.estimate.mean)} at ${last.x}.`,
      xLabel: SWEEP_X_LABEL,
      yLabel: "conversion rate",
      points: conversion,
      yTickFormat: ".2%",
      format: (value) => formatPercent(value, 2),
    },
    context,
  );
}

/** Contribution profit against agents (store scenarios only), with break-even and the best level. */
function profitChart(benefit: SweepSeries, context: RenderContext): Chart | null {
  if (benefit.length === 0) return null;
  const best = [...benefit].sort((a, b) => b.estimate.mean - a.estimate.mean)[0];
  const money = (value: number): string => formatMoney(value, context.currency, true);
  return estimateBandChart(
    {
      key: "staffing-contribution-profit",
      title: "Contribution profit",
      caption: `Highest at ${best.x} agents: ${formatInterval(best.estimate.mean, best.estimate.lower, best.estimate.upper, "money", context.currency, true)} (revenue − cost of goods − shipping − card fees − agent cost).`,
      xLabel: SWEEP_X_LABEL,
      yLabel: `contribution profit (${context.currency})`,
      points: benefit,
      yTickFormat: formatCompact,
      format: money,
      reference: { value: 0, label: "break-even" },
    },
    context,
  );
}

function scheduleChart(staffing: StaffingResults, context: RenderContext): Chart {
  const { intervals, intervalSeconds } = staffing;
  const axis = timeAxis(intervals.length * intervalSeconds);
  const end = intervals[intervals.length - 1];
  const series = (label: string, pick: (interval: (typeof intervals)[number]) => number) => [
    ...intervals.map((interval) => ({ hour: interval.startSeconds / 3600, agents: pick(interval), label })),
    { hour: (end.startSeconds + intervalSeconds) / 3600, agents: pick(end), label },
  ];
  const recommended = series("recommended", (interval) => interval.recommendedAgentsScheduled);
  const erlang = series(erlangName(staffing), (interval) => interval.erlangAgentsScheduled);
  const differing = intervals.filter((interval) => interval.recommendedAgentsScheduled !== interval.erlangAgentsScheduled).length;
  const maximum = Math.max(...intervals.map((interval) => Math.max(interval.recommendedAgentsScheduled, interval.erlangAgentsScheduled)));
  return plotChart(
    {
      key: "staffing-schedule",
      title: `Recommended schedule and the ${erlangName(staffing)} answer`,
      caption: `The simulation-based schedule differs from ${erlangName(staffing)} in ${differing} of ${intervals.length} intervals.`,
      description: `Step chart of agents scheduled per interval, recommended and ${erlangName(staffing)}: ${intervals.map((interval) => `${formatClock(interval.startSeconds)} ${interval.recommendedAgentsScheduled} vs ${interval.erlangAgentsScheduled}`).join("; ")}`,
      legend: [
        { label: "recommended", color: COLORS.primary, shape: "line" },
        { label: `${erlangName(staffing)} (drawn on top)`, color: COLORS.secondary, shape: "dashed" },
      ],
      data: intervals.map((interval) => ({
        start: formatClock(interval.startSeconds),
        recommended: interval.recommendedAgentsScheduled,
        [erlangName(staffing)]: interval.erlangAgentsScheduled,
      })),
      plot: {
        height: 240,
        marginBottom: axis.multiDay ? 44 : 30,
        x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: null },
        y: { label: "agents scheduled", grid: true, domain: [0, Math.max(1, maximum) * 1.15], ticks: integerTicks(maximum, 5), tickFormat: "d" },
        // Erlang is drawn last, dashed and thinner, over a wide recommended line: where the two agree
        // both stay visible (the wide line shows at the dash gaps and around the dashes).
        marks: [
          Plot.lineY(recommended, { x: "hour", y: "agents", curve: "step-after", stroke: COLORS.primary, strokeWidth: 4.5, strokeOpacity: 0.75 }),
          Plot.lineY(erlang, { x: "hour", y: "agents", curve: "step-after", stroke: COLORS.secondary, strokeWidth: 2, strokeDasharray: "6,4" }),
          Plot.dot(intervals, {
            x: (interval: (typeof intervals)[number]) => (interval.startSeconds + intervalSeconds / 2) / 3600,
            y: "recommendedAgentsScheduled",
            r: 6,
            fill: "transparent",
            title: (interval: (typeof intervals)[number]) =>
              `${formatClock(interval.startSeconds)}: recommended ${interval.recommendedAgentsScheduled}, ${erlangName(staffing)} ${interval.erlangAgentsScheduled}`,
          }),
          Plot.ruleY([0]),
        ],
      },
    },
    context,
  );
}

function scheduleTable(staffing: StaffingResults, context: RenderContext): Table {
  const serviceTarget = staffing.target.serviceLevel;
  const erlang = erlangName(staffing);
  return {
    id: `${context.idPrefix}-staffing-schedule-table`,
    caption: `Schedule per ${formatSeconds(staffing.intervalSeconds)} interval and the simulated outcome of the recommendation${serviceTarget === null ? "" : " (✗: below the service level target)"}`,
    sortable: true,
    columns: [
      { label: "Interval", numeric: false, nowrap: true },
      { label: "Chats / h", numeric: true },
      { label: erlang, numeric: true },
      { label: "Recommended", numeric: true },
      { label: "Δ", numeric: true },
      { label: "Service level [CI]", numeric: true },
      { label: "Gave up", numeric: true },
      { label: "Occupancy", numeric: true },
    ],
    rows: staffing.intervals.map((interval) => {
      const delta = interval.recommendedAgentsScheduled - interval.erlangAgentsScheduled;
      return [
        { text: `${formatClock(interval.startSeconds)}–${formatClock(interval.startSeconds + staffing.intervalSeconds)}`, sortValue: interval.startSeconds },
        numberCell(interval.chatsPerHour, formatNumber(interval.chatsPerHour, 1)),
        numberCell(interval.erlangAgentsScheduled, String(interval.erlangAgentsScheduled)),
        numberCell(interval.recommendedAgentsScheduled, String(interval.recommendedAgentsScheduled)),
        numberCell(delta, delta === 0 ? "0" : delta > 0 ? `+${delta}` : `−${-delta}`),
        serviceLevelCell(interval.serviceLevel, serviceTarget),
        numberCell(interval.queueAbandonment?.mean ?? null, formatPercent(interval.queueAbandonment?.mean ?? null, 1)),
        numberCell(interval.occupancy?.mean ?? null, formatPercent(interval.occupancy?.mean ?? null, 0)),
      ];
    }),
  };
}
