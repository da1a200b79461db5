// House-format input errors shared by every sim folder (analytic formulas, random distributions).
export { invalidValue, requireFinite, requireInInterval, requireInteger, requireNonNegative, requirePositive } from "./invalidValue.ts";
