export { compareVariants, DEFAULT_PRIMARY_METRIC, DEFAULT_CORRECTION, type Variant, type CompareOptions } from "./compareVariants.ts";
export { loadVariants, deepMerge, type LoadedVariants } from "./loadVariants.ts";
export { abTestPlan, AB_TEST_FORMULA, type AbTestPlan, type AbTestPlanRow, type AbTestPlanOptions } from "./abTestPlan.ts";
export { formatDifference } from "./formatDifference.ts";
export type { ComparisonResults, VariantDifference, VariantSummary } from "./comparisonTypes.ts";
export { compareGrid, withConstantStaffing, type ComparisonGrid } from "./compareGrid.ts";
