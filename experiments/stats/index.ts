export { DEFAULT_CONFIDENCE_LEVEL, type Estimate, relativeHalfWidth, shareInterval, tInterval } from "./estimate.ts";
export { adjustPValues, benjaminiHochberg, type Correction, holm } from "./multipleComparisons.ts";
export { type PairedComparison, pairedComparison } from "./pairedComparison.ts";
export { probabilityBest } from "./probabilityBest.ts";
export { type ShareEstimate, wilsonInterval } from "./wilsonInterval.ts";
