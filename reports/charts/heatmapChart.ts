import * as Plot from "@observablehq/plot";
import { formatClock } from "../../experiments/format/index.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart } from "../reportTypes.ts";
import { colorOptions, colorRampLegend, countColorScale } from "./countColorScale.ts";
import { plotChart } from "./plotChart.ts";

/** One value per interval of a multi-day horizon, laid out as days (rows) × time of day (columns). */
export interface HeatmapSeries {
  key: string;
  title: string;
  caption: string;
  /** What a value is, for the legend and the text alternative ("chat requests per 30 min"). */
  valueLabel: string;
  startSeconds: readonly number[];
  values: readonly (number | null)[];
  intervalSeconds: number;
  /** Formats a legend threshold and a cell's tooltip value. */
  format: (value: number) => string;
  /** Fixed colour domain (e.g. [0, 1] for occupancy); the data's extent when absent. */
  domain?: [number, number];
}

/**
 * A day × time-of-day heatmap with Plot's `cell` mark and a continuous single-hue scale, linear (log
 * when the values span orders of magnitude) with a ramp legend. Missing values (null) leave the cell empty.
 */
export function heatmapChart(series: HeatmapSeries, context: RenderContext): Chart {
  const cells = series.startSeconds.map((start, index) => ({
    day: `day ${Math.floor(start / 86_400) + 1}`,
    slot: Math.round((start % 86_400) / series.intervalSeconds),
    clock: formatClock(start),
    value: series.values[index],
  }));
  const defined = cells.filter((cell) => cell.value !== null).map((cell) => cell.value as number);
  const scale = countColorScale(defined, series.domain);
  const slotsPerDay = Math.round(86_400 / series.intervalSeconds);
  const tickEvery = Math.max(1, Math.round((3 * 3600) / series.intervalSeconds));
  const days = [...new Set(cells.map((cell) => cell.day))];
  const peak = cells.reduce((best, cell) => ((cell.value ?? -Infinity) > (best.value ?? -Infinity) ? cell : best), cells[0]);
  return plotChart(
    {
      key: series.key,
      title: series.title,
      caption: series.caption,
      description: `Heatmap of ${series.valueLabel} by day and time of day over ${days.length} days; highest ${peak?.value === null || peak === undefined ? "none" : `${series.format(peak.value)} on ${peak.day} at ${peak.clock}`}`,
      legendPlot: colorRampLegend(scale, { label: series.valueLabel, format: series.format }),
      data: cells.map((cell) => ({ day: cell.day, time: cell.clock, [series.valueLabel]: cell.value })),
      plot: {
        height: 40 + days.length * 28 + 40,
        marginLeft: 56,
        marginBottom: 34,
        padding: 0.06,
        x: {
          type: "band",
          domain: Array.from({ length: slotsPerDay }, (_, slot) => slot),
          ticks: Array.from({ length: Math.ceil(slotsPerDay / tickEvery) }, (_, index) => index * tickEvery),
          tickFormat: (slot: number) => formatClock(slot * series.intervalSeconds),
          label: "time of day",
          labelAnchor: "center",
          labelArrow: "none",
        },
        y: { domain: days, label: null },
        color: colorOptions(scale),
        marks: [
          Plot.cell(
            cells.filter((cell) => cell.value !== null),
            {
              x: "slot",
              y: "day",
              fill: "value",
              inset: 0.5,
              title: (cell: (typeof cells)[number]) => `${cell.day} ${cell.clock}: ${series.format(cell.value as number)}`,
            },
          ),
        ],
      },
    },
    context,
  );
}
