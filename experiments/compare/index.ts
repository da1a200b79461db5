export { AB_TEST_FORMULA, type AbTestPlan, type AbTestPlanOptions, type AbTestPlanRow, abTestPlan } from "./abTestPlan.ts";
export { type ComparisonGrid, compareGrid, withConstantStaffing } from "./compareGrid.ts";
export { type CompareOptions, compareVariants, DEFAULT_CORRECTION, DEFAULT_PRIMARY_METRIC, type Variant } from "./compareVariants.ts";
export type { ComparisonResults, PrimaryEffect, VariantDifference, VariantSummary } from "./comparisonTypes.ts";
export { primaryEffect } from "./comparisonVerdict.ts";
export { formatDifference } from "./formatDifference.ts";
export { deepMerge, type LoadedVariants, loadVariants } from "./loadVariants.ts";
export { DEFAULT_MINIMUM_RELATIVE_EFFECT } from "./minimumEffect.ts";
