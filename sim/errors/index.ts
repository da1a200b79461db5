// House-format input errors shared by every sim folder (analytic formulas, random distributions).
export { invalidValue, requireFinite, requirePositive, requireNonNegative, requireInteger, requireInInterval } from "./invalidValue.ts";
