export { tInterval, shareInterval, relativeHalfWidth, DEFAULT_CONFIDENCE_LEVEL, type Estimate } from "./estimate.ts";
export { wilsonInterval, type ShareEstimate } from "./wilsonInterval.ts";
export { pairedComparison, type PairedComparison } from "./pairedComparison.ts";
export { holm, benjaminiHochberg, adjustPValues, type Correction } from "./multipleComparisons.ts";
export { probabilityBest } from "./probabilityBest.ts";
