import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { mean, sampleStandardDeviation } from "simple-statistics";
import { DEFAULT_CONFIDENCE_LEVEL, type Estimate, tInterval } from "./estimate.ts";

/** A paired comparison of a treatment with a control over the same replications. */
export interface PairedComparison {
  /** Treatment − control, paired by replication (common random numbers). */
  difference: Estimate;
  /** (treatment − control) ÷ control mean, by the delta method on the paired means; null if control mean is 0. */
  relativeLift: Estimate | null;
  /** Two-sided p-value of the paired t test of a zero difference (1 when the differences have no spread and are 0). */
  pValue: number;
  /** Half-width the interval would have without pairing (two independent samples, Welch): shows what CRN buys. */
  unpairedHalfWidth: number | null;
}

/**
 * Paired t comparison: differences d_r = treatment_r − control_r share each replication's random
 * numbers, so their variance excludes the shopper-to-shopper noise both arms see (Law, §11.2, "paired-t
 * confidence interval"). Relative lift uses the ratio of means with a delta-method standard error
 * (var(D/C̄) ≈ var of d_r − (D̄/C̄)·c_r, all ÷ C̄).
 */
export function pairedComparison(treatment: readonly number[], control: readonly number[], level = DEFAULT_CONFIDENCE_LEVEL): PairedComparison {
  if (treatment.length !== control.length || treatment.length === 0) {
    throw new RangeError(`invalid paired samples: ${treatment.length} and ${control.length} values (must be equally many, at least 1)`);
  }
  const differences = treatment.map((value, r) => value - control[r]);
  const difference = tInterval(differences, level);
  const controlMean = mean(control as number[]);
  let relativeLift: Estimate | null = null;
  if (controlMean !== 0) {
    const ratio = difference.mean / controlMean;
    const linearised = differences.map((d, r) => (d - ratio * control[r]) / controlMean);
    const spread = tInterval(linearised, level);
    relativeLift = {
      ...spread,
      mean: ratio,
      lower: spread.halfWidth === null ? null : ratio - spread.halfWidth,
      upper: spread.halfWidth === null ? null : ratio + spread.halfWidth,
    };
  }
  return { difference, relativeLift, pValue: pairedPValue(differences), unpairedHalfWidth: unpairedHalfWidth(treatment, control, level) };
}

function pairedPValue(differences: readonly number[]): number {
  const n = differences.length;
  if (n < 2) return 1;
  const sd = sampleStandardDeviation(differences as number[]);
  const average = mean(differences as number[]);
  if (sd === 0) return average === 0 ? 1 : 0;
  const t = average / (sd / Math.sqrt(n));
  return Math.min(1, 2 * (1 - tCdf(Math.abs(t), n - 1)));
}

function unpairedHalfWidth(a: readonly number[], b: readonly number[], level: number): number | null {
  if (a.length < 2) return null;
  // Welch's interval for two independent samples, with the Welch–Satterthwaite degrees of freedom.
  const va = sampleStandardDeviation(a as number[]) ** 2 / a.length;
  const vb = sampleStandardDeviation(b as number[]) ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) return 0;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return tQuantile(1 - (1 - level) / 2, df) * se;
}
