import type { AbTestPlanRow } from "../../experiments/compare/index.ts";
import { DEFAULT_MINIMUM_RELATIVE_EFFECT } from "../../experiments/compare/minimumEffect.ts";
import type { ComparisonDifference, ComparisonResults } from "../inputTypes.ts";
import { effectOf } from "../sections/comparisonSection.ts";

export { DEFAULT_MINIMUM_RELATIVE_EFFECT };

/**
 * Longest live A/B test counted as feasible: 8 weeks. An assumption (plausible range 4–12 weeks):
 * past it, seasonality, cookie churn and changes to the store make the two arms drift apart.
 */
export const MAX_FEASIBLE_TEST_DAYS = 56;

/** What the comparison says to do. */
export type ComparisonVerdict = "launch" | "too small to matter" | "no detectable difference" | "keep the control";

/** The decision a comparison supports, and the figures behind it. */
export interface ComparisonDecision {
  verdict: ComparisonVerdict;
  /** The variant to launch, or the control to keep. */
  choice: string;
  /** The best variant other than the control, and its difference on the primary metric (null: only a control). */
  challenger: string | null;
  primary: ComparisonDifference | null;
  /** The challenger's difference on a profit metric, when the results carry one. */
  profit: ComparisonDifference | null;
  minimumRelativeEffect: number;
  /** Guardrails the challenger makes significantly worse. */
  harms: ComparisonDifference[];
  /** The live test that would confirm the challenger's effect, and whether it fits in MAX_FEASIBLE_TEST_DAYS. */
  abTest: (AbTestPlanRow & { feasible: boolean }) | null;
}

/**
 * Reads a comparison as a decision. The challenger is the best-ranked variant that is not the
 * control. Launch it when it beats the control significantly on the primary metric by at least the
 * minimum effect of interest (relative); a significant effect smaller than that is its own verdict,
 * "too small to matter"; no significant effect is "no detectable difference"; a challenger
 * significantly worse than the control (every variant worse) leaves the control.
 */
export function comparisonDecision(comparison: ComparisonResults, minimumRelativeEffect = DEFAULT_MINIMUM_RELATIVE_EFFECT): ComparisonDecision {
  const challenger = comparison.ranking.find((rank) => rank.variant !== comparison.control)?.variant ?? null;
  const rowsOf = (variant: string | null) => comparison.differences.filter((difference) => difference.variant === variant);
  const rows = rowsOf(challenger);
  const primary = rows.find((difference) => difference.metric === comparison.primaryMetric) ?? null;
  const profit = rows.find((difference) => difference.metric !== comparison.primaryMetric && /profit/i.test(difference.metric)) ?? null;
  const harms = rows.filter((difference) => difference.metric !== comparison.primaryMetric && effectOf(difference) === "worse");
  const planRow = comparison.abPlan?.rows.find((row) => row.variant === challenger) ?? null;
  const abTest = planRow === null ? null : { ...planRow, feasible: planRow.testDays !== null && planRow.testDays <= MAX_FEASIBLE_TEST_DAYS };
  const verdict = verdictOf(primary, minimumRelativeEffect);
  return {
    verdict,
    choice: verdict === "launch" && challenger !== null ? challenger : comparison.control,
    challenger,
    primary,
    profit,
    minimumRelativeEffect,
    harms,
    abTest,
  };
}

function verdictOf(primary: ComparisonDifference | null, minimumRelativeEffect: number): ComparisonVerdict {
  if (primary === null) return "keep the control";
  const effect = effectOf(primary);
  if (effect === "no clear difference") return "no detectable difference";
  if (effect === "worse") return "keep the control";
  const relative = primary.relativeLift?.mean ?? null;
  // Without a relative change (a control of 0) any significant improvement is taken as meaningful.
  return relative !== null && Math.abs(relative) < minimumRelativeEffect ? "too small to matter" : "launch";
}
