import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import type { ComparisonResults } from "./comparisonTypes.ts";

export interface AbTestPlanOptions {
  /** Two-sided significance level. */
  alpha?: number;
  /** Probability of detecting the predicted lift. */
  power?: number;
  /** Share of the store's traffic that enters the test (split evenly across the arms). */
  trafficShare?: number;
}

export interface AbTestPlanRow {
  variant: string;
  controlMean: number;
  variantMean: number;
  /** Predicted absolute difference per visitor. */
  predictedDifference: number;
  predictedRelativeLift: number | null;
  controlVariancePerVisitor: number;
  variantVariancePerVisitor: number;
  /** Visitors needed in each arm (null when the predicted difference is 0: not detectable). */
  visitorsPerArm: number | null;
  testDays: number | null;
}

export interface AbTestPlan {
  metric: "conversionRate" | "revenuePerSession";
  formula: string;
  alpha: number;
  power: number;
  trafficShare: number;
  dailySessions: number;
  rows: AbTestPlanRow[];
}

export const AB_TEST_FORMULA =
  "two-sided two-sample z-test on per-visitor means (normal approximation): n per arm = (z[1−α/2] + z[power])² · (σ²control + σ²variant) ÷ Δ²; " +
  "conversion: σ² = p(1 − p); revenue per visitor: σ² = p(s² + m²) − (p·m)² with p conversion, m and s the order-value mean and s.d. " +
  "(Chow, Shao & Wang, Sample Size Calculations in Clinical Research, §3.2)";

/**
 * The hand-off for a live A/B test: from the simulated per-visitor mean and variance of each arm,
 * the visitors per arm to detect the predicted difference at the given significance and power, and
 * how many days of the store's traffic that takes. Only for conversion or revenue per visitor.
 */
export function abTestPlan(comparison: ComparisonResults, options: AbTestPlanOptions = {}): AbTestPlan {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const trafficShare = options.trafficShare ?? 1;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`invalid alpha: ${alpha} (must be between 0 and 1)`);
  if (!(power > 0 && power < 1)) throw new RangeError(`invalid power: ${power} (must be between 0 and 1)`);
  if (!(trafficShare > 0 && trafficShare <= 1)) throw new RangeError(`invalid traffic share: ${trafficShare} (must be in (0, 1])`);
  const metric = comparison.primaryMetric === "revenuePerSession" ? "revenuePerSession" : "conversionRate";
  const control = comparison.variants.find((variant) => variant.name === comparison.control)!;
  const dailySessions = (control.kpis.sessions?.mean ?? 0) / comparison.horizonDays;
  // stdlib's quantile is exact to double precision; simple-statistics' probit is off by ~1e-3, which
  // shifts sample sizes by ~0.2%.
  const z = normalQuantile(1 - alpha / 2, 0, 1) + normalQuantile(power, 0, 1);
  const moments = (kpis: Record<string, { mean: number } | null>): { mean: number; variance: number } => {
    const p = kpis.conversionRate?.mean ?? 0;
    if (metric === "conversionRate") return { mean: p, variance: p * (1 - p) };
    const m = kpis.averageOrderValue?.mean ?? 0;
    const s = kpis.orderValueStandardDeviation?.mean ?? 0;
    return { mean: p * m, variance: p * (s * s + m * m) - (p * m) ** 2 };
  };
  const base = moments(control.kpis);
  const rows = comparison.variants
    .filter((variant) => variant.name !== comparison.control)
    .map((variant): AbTestPlanRow => {
      const arm = moments(variant.kpis);
      const difference = arm.mean - base.mean;
      const visitorsPerArm = difference === 0 ? null : Math.ceil((z * z * (base.variance + arm.variance)) / (difference * difference));
      return {
        variant: variant.name,
        controlMean: base.mean,
        variantMean: arm.mean,
        predictedDifference: difference,
        predictedRelativeLift: base.mean === 0 ? null : difference / base.mean,
        controlVariancePerVisitor: base.variance,
        variantVariancePerVisitor: arm.variance,
        visitorsPerArm,
        testDays: visitorsPerArm === null || dailySessions <= 0 ? null : Math.ceil((2 * visitorsPerArm) / (dailySessions * trafficShare)),
      };
    });
  return { metric, formula: AB_TEST_FORMULA, alpha, power, trafficShare, dailySessions, rows };
}
