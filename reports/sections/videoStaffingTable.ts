import { formatClock, formatMoney, formatNumber, formatPercent, formatSeconds } from "../../experiments/format/index.ts";
import type { StaffingResults, VideoStaffingResults } from "../inputTypes.ts";
import type { RenderContext } from "../renderContext.ts";
import type { KeyFigure, Table } from "../reportTypes.ts";
import { numberCell } from "../table.ts";
import { serviceLevelCell } from "./serviceLevelCell.ts";

/** The video plan's key figure: its agent-hours and cost, which the text chat's totals leave out. */
export function videoKeyFigure(video: VideoStaffingResults, context: RenderContext): KeyFigure {
  return {
    label: "Video",
    value: `${formatNumber(video.agentHours, 1)} h`,
    detail: `${formatMoney(video.cost, context.currency)} for video agents, one call each`,
  };
}

/**
 * The video channel's plan per interval (staff sizes it apart from text chat: one call per agent, its
 * own handle time), with what simulating it measured, like the text schedule's table. Intervals below
 * the service level target get the same ✗ as the text chat's.
 */
export function videoStaffingTable(staffing: StaffingResults, video: VideoStaffingResults, context: RenderContext): Table {
  const serviceTarget = staffing.target.serviceLevel;
  return {
    id: `${context.idPrefix}-staffing-video-table`,
    caption: `Video calls per ${formatSeconds(staffing.intervalSeconds)} interval: video agents (${video.model}, mean call ${formatSeconds(video.meanHandleSeconds)}) and the simulated outcome${serviceTarget === null ? "" : " (✗: below the service level target)"}`,
    sortable: true,
    columns: [
      { label: "Interval", numeric: false, nowrap: true },
      { label: "Calls / h", numeric: true },
      { label: "Video agents", numeric: true },
      { label: "Service level [CI]", numeric: true },
      { label: "Gave up", numeric: true },
      { label: "Occupancy", numeric: true },
    ],
    rows: video.intervals.map((interval) => {
      return [
        { text: `${formatClock(interval.startSeconds)}–${formatClock(interval.startSeconds + staffing.intervalSeconds)}`, sortValue: interval.startSeconds },
        numberCell(interval.videoRequestsPerHour, formatNumber(interval.videoRequestsPerHour, 1)),
        numberCell(interval.agentsScheduled, String(interval.agentsScheduled)),
        serviceLevelCell(interval.serviceLevel, serviceTarget),
        numberCell(interval.queueAbandonment?.mean ?? null, formatPercent(interval.queueAbandonment?.mean ?? null, 1)),
        numberCell(interval.occupancy?.mean ?? null, formatPercent(interval.occupancy?.mean ?? null, 0)),
      ];
    }),
  };
}
