export { renderReport, type ReportOptions } from "./renderReport.ts";
export { readReportFile, toReportDocument, scenarioInfo } from "./readReportFile.ts";
export {
  parseReportDocument,
  REPORT_KINDS,
  DEFAULT_CURRENCY,
  type ReportDocument,
  type ReportBody,
  type ReportKind,
  type BodyOfKind,
  type ScenarioInfo,
  parseTeamFiguresExport,
} from "./reportDocument.ts";
export { ReportInputError } from "./ReportInputError.ts";
export { parseTeamFiguresCsv, isTeamFiguresCsv, TEAM_FIGURES_CSV_HEADER } from "./parseTeamFiguresCsv.ts";
export { SECTION_BUILDERS, buildSections, type SectionRegistry } from "./sectionRegistry.ts";
export { createRenderContext, createPlotDocument, type RenderContext, type RenderContextOptions } from "./renderContext.ts";
export type { Chart, Section, SectionBuilder, Table, TableCell, TableColumn, KeyFigure, LegendItem } from "./reportTypes.ts";
export type { Estimate, MetricUnit, ComparisonResults, ComparisonDifference, StaffingResults, StaffingTarget, CalibrationResults, SyntheticCheckResults, CheckName, CheckStatus, TeamFiguresResults, TeamFigureExportRow } from "./inputTypes.ts";
export { escapeHtml, html, trustedHtml, htmlString, isSafeHtml, type SafeHtml, type HtmlValue } from "./escapeHtml.ts";
export { plotChart, labelMargin, heatmapChart, estimateBandChart, FULL_WIDTH, HALF_WIDTH, type ChartSpec, type HeatmapSeries, type EstimateBandSpec } from "./charts/index.ts";
export { funnelSection, abandonmentSection, chatQueueSection, daySection, comparisonSection, staffingSection, calibrationSection, syntheticCheckSection, liveDeskSection, liveAgentFigures } from "./sections/index.ts";
export { OKABE_ITO, COLORS } from "./palette.ts";
export { comparisonDecision, decisionCard, renderDecisionSummary, DEFAULT_MINIMUM_RELATIVE_EFFECT, MAX_FEASIBLE_TEST_DAYS, DECISION_SUMMARY_ID, type ComparisonDecision, type ComparisonVerdict, type DecisionCard, type DecisionFigure } from "./summary/index.ts";
export { applyLevers, neutralLevers, whatIfFigures, renderWhatIfPanel, type WhatIfFigures, type WhatIfLevers, type WhatIfPanelInput } from "./whatIf/index.ts";
