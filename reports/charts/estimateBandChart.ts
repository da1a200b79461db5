import * as Plot from "@observablehq/plot";
import type { Estimate } from "../inputTypes.ts";
import { COLORS } from "../palette.ts";
import type { RenderContext } from "../renderContext.ts";
import type { Chart } from "../reportTypes.ts";
import { integerTicks } from "./integerTicks.ts";
import { plotChart } from "./plotChart.ts";

/** A replicated estimate at each x, drawn as mean line and dots over a confidence band. */
export interface EstimateBandSpec {
  key: string;
  title: string;
  caption: string;
  xLabel: string;
  yLabel: string;
  points: readonly { x: number; estimate: Estimate }[];
  /** d3-format string or function for the y axis. */
  yTickFormat: string | ((value: number) => string);
  /** Describes one value in the text alternative. */
  format: (value: number) => string;
  /** A horizontal reference line (a target, or zero), labelled at the right. */
  reference?: { value: number; label: string };
  /** Fixed y domain (e.g. [0, 1] for shares). */
  yDomain?: [number, number];
  size?: Chart["size"];
}

/** Confidence band (lower–upper; a gap where an estimate has no interval), mean line and dots; integer x ticks (agents are whole people). */
export function estimateBandChart(spec: EstimateBandSpec, context: RenderContext): Chart {
  const rows = spec.points.map((point) => ({ x: point.x, mean: point.estimate.mean, lower: point.estimate.lower, upper: point.estimate.upper }));
  const xs = rows.map((row) => row.x);
  const marks: Plot.Markish[] = [
    Plot.areaY(rows, { x: "x", y1: "lower", y2: "upper", fill: COLORS.primaryLight, fillOpacity: 0.35 }),
    Plot.lineY(rows, { x: "x", y: "mean", stroke: COLORS.primary, strokeWidth: 2 }),
    Plot.dot(rows, {
      x: "x",
      y: "mean",
      fill: COLORS.primary,
      r: 3,
      title: (row: (typeof rows)[number]) =>
        `${row.x}: ${spec.format(row.mean)}${row.lower === null || row.upper === null ? "" : ` [${spec.format(row.lower)}, ${spec.format(row.upper)}]`}`,
    }),
  ];
  if (spec.reference !== undefined) {
    marks.unshift(Plot.ruleY([spec.reference.value], { stroke: COLORS.secondary, strokeDasharray: "5,3", strokeWidth: 1.5 }));
    marks.push(
      Plot.text([spec.reference], {
        y: "value",
        text: "label",
        frameAnchor: "right",
        textAnchor: "end",
        dy: -7,
        fill: "#8a5a00",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    );
  }
  return plotChart(
    {
      key: spec.key,
      title: spec.title,
      caption: spec.caption,
      size: spec.size ?? "half",
      description: `Line chart with confidence band of ${spec.yLabel} against ${spec.xLabel}: ${rows.map((row) => `${row.x}: ${spec.format(row.mean)}${row.lower === null || row.upper === null ? "" : ` [${spec.format(row.lower)}, ${spec.format(row.upper)}]`}`).join("; ")}`,
      data: rows.map((row) => ({ [spec.xLabel]: row.x, mean: row.mean, lower: row.lower, upper: row.upper })),
      legend: [
        { label: "mean", color: COLORS.primary, shape: "line" },
        { label: "confidence interval", color: COLORS.primaryLight, shape: "square" },
        ...(spec.reference === undefined ? [] : [{ label: spec.reference.label, color: COLORS.secondary, shape: "dashed" as const }]),
      ],
      plot: {
        height: 240,
        marginLeft: 56,
        marginBottom: 42,
        marginRight: 16,
        // A regular axis (1-2-5 steps over the range), not a tick at each level swept: sweeps skip levels.
        x: {
          label: spec.xLabel,
          domain: [Math.min(...xs), Math.max(...xs)],
          ticks: integerTicks(Math.max(...xs), 8, Math.min(...xs)),
          tickFormat: "d",
          labelAnchor: "center",
          labelArrow: "none",
        },
        y: { label: spec.yLabel, grid: true, tickFormat: spec.yTickFormat, domain: spec.yDomain, nice: spec.yDomain === undefined },
        marks,
      },
    },
    context,
  );
}
