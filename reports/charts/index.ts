export { plotChart, labelMargin, FULL_WIDTH, HALF_WIDTH, CHART_FONT_SIZE, type ChartSpec, type DataRow } from "./plotChart.ts";
export { heatmapChart, type HeatmapSeries } from "./heatmapChart.ts";
export { estimateBandChart, type EstimateBandSpec } from "./estimateBandChart.ts";
export { timeAxis, type TimeAxis } from "./timeAxis.ts";
export { integerTicks } from "./integerTicks.ts";
export { countColorScale, colorRampLegend, colorOptions, LOG_SCALE_FROM_SPREAD, type CountColorScale } from "./countColorScale.ts";
