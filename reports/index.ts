export {
  type ChartSpec,
  type EstimateBandSpec,
  estimateBandChart,
  FULL_WIDTH,
  HALF_WIDTH,
  type HeatmapSeries,
  heatmapChart,
  labelMargin,
  plotChart,
} from "./charts/index.ts";
export { escapeHtml, type HtmlValue, html, htmlString, isSafeHtml, type SafeHtml, trustedHtml } from "./escapeHtml.ts";
export type {
  CalibrationResults,
  CheckName,
  CheckStatus,
  ComparisonDifference,
  ComparisonResults,
  Estimate,
  MetricUnit,
  StaffingResults,
  StaffingTarget,
  SyntheticCheckResults,
  TeamFigureExportRow,
  TeamFiguresResults,
} from "./inputTypes.ts";
export { COLORS, OKABE_ITO } from "./palette.ts";
export { isTeamFiguresCsv, parseTeamFiguresCsv, TEAM_FIGURES_CSV_HEADER } from "./parseTeamFiguresCsv.ts";
export { ReportInputError } from "./ReportInputError.ts";
export { readReportFile, scenarioInfo, toReportDocument } from "./readReportFile.ts";
export { createPlotDocument, createRenderContext, type RenderContext, type RenderContextOptions } from "./renderContext.ts";
export { type ReportOptions, renderReport } from "./renderReport.ts";
export {
  type BodyOfKind,
  DEFAULT_CURRENCY,
  parseReportDocument,
  parseTeamFiguresExport,
  REPORT_KINDS,
  type ReportBody,
  type ReportDocument,
  type ReportKind,
  type ScenarioInfo,
} from "./reportDocument.ts";
export type { Chart, KeyFigure, LegendItem, Section, SectionBuilder, Table, TableCell, TableColumn } from "./reportTypes.ts";
export { buildSections, SECTION_BUILDERS, type SectionRegistry } from "./sectionRegistry.ts";
export {
  abandonmentSection,
  calibrationSection,
  chatQueueSection,
  comparisonSection,
  daySection,
  funnelSection,
  liveAgentFigures,
  liveDeskSection,
  staffingSection,
  syntheticCheckSection,
} from "./sections/index.ts";
export {
  type ComparisonDecision,
  type ComparisonVerdict,
  comparisonDecision,
  DECISION_SUMMARY_ID,
  DEFAULT_MINIMUM_RELATIVE_EFFECT,
  type DecisionCard,
  type DecisionFigure,
  decisionCard,
  MAX_FEASIBLE_TEST_DAYS,
  renderDecisionSummary,
} from "./summary/index.ts";
export {
  applyLevers,
  applyStoreLevers,
  neutralLevers,
  neutralStoreLevers,
  policyThresholds,
  renderStoreWhatIfPanel,
  renderWhatIfPanel,
  type StoreWhatIfFigures,
  type StoreWhatIfLevers,
  type StoreWhatIfPanelInput,
  storeWhatIfFigures,
  type WhatIfFigures,
  type WhatIfLevers,
  type WhatIfPanelInput,
  whatIfFigures,
} from "./whatIf/index.ts";
