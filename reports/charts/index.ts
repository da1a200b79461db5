export { type CountColorScale, colorOptions, colorRampLegend, countColorScale, LOG_SCALE_FROM_SPREAD } from "./countColorScale.ts";
export { type EstimateBandSpec, estimateBandChart } from "./estimateBandChart.ts";
export { type HeatmapSeries, heatmapChart } from "./heatmapChart.ts";
export { integerTicks } from "./integerTicks.ts";
export { CHART_FONT_SIZE, type ChartSpec, type DataRow, FULL_WIDTH, HALF_WIDTH, labelMargin, plotChart } from "./plotChart.ts";
export { type TimeAxis, timeAxis } from "./timeAxis.ts";
