import { formatPercent, formatPValue } from "../format/index.ts";
import type { KpiDefinition } from "../kpis/index.ts";
import type { Correction } from "../stats/index.ts";
import type { ComparisonResults, PrimaryEffect, VariantDifference } from "./comparisonTypes.ts";
import { formatDifference } from "./formatDifference.ts";
import { DEFAULT_MINIMUM_RELATIVE_EFFECT } from "./minimumEffect.ts";

/** What the primary metric's corrected tests say, per variant and in one sentence. */
export interface ComparisonVerdict {
  verdicts: ComparisonResults["verdicts"];
  verdict: string;
}

/** Where a verdict's words come from: the run's control, correction, level and the reader's minimum effect. */
export interface VerdictContext {
  control: string;
  correction: Correction;
  level: number;
  completeReplications: number;
  currency?: string;
  /** BCP 47 locale of the numbers in the sentences (default en-US). */
  locale?: string;
  /** Smallest relative change of the primary metric worth acting on (default DEFAULT_MINIMUM_RELATIVE_EFFECT). */
  minimumRelativeEffect?: number;
}

const CORRECTION_NAMES: Readonly<Record<Correction, string>> = { holm: "Holm", "benjamini-hochberg": "Benjamini–Hochberg", none: "no" };

/**
 * The effect of one primary-metric row. `row.significant` is the corrected test (adjusted p below
 * 1 − level), so the verdict follows the adjusted p; a significant improvement whose relative change
 * is below `minimumRelativeEffect` is "too small to matter" (without a relative change, a control of
 * 0, any significant improvement counts). A metric with no better direction only "changes".
 */
export function primaryEffect(
  row: Pick<VariantDifference, "significant" | "direction" | "difference" | "relativeLift">,
  minimumRelativeEffect = DEFAULT_MINIMUM_RELATIVE_EFFECT,
): PrimaryEffect {
  if (!row.significant) return "no detectable difference";
  if (row.direction === "neutral") return "changes";
  const improves = row.direction === "lower" ? row.difference.mean < 0 : row.difference.mean > 0;
  if (!improves) return "worsens";
  const relative = row.relativeLift?.mean ?? null;
  return relative !== null && Math.abs(relative) < minimumRelativeEffect ? "too small to matter" : "improves";
}

/**
 * One sentence per variant on the primary metric, and the run's verdict: the first-ranked variant
 * with the improvements worth acting on; else the significant improvements too small to matter; else
 * the significant changes for the worse (keep the control); else no detectable difference at the
 * level; or too few replications to compare.
 */
export function comparisonVerdict(
  primary: KpiDefinition,
  primaryRows: readonly VariantDifference[],
  ranking: ComparisonResults["ranking"],
  context: VerdictContext,
): ComparisonVerdict {
  const correctionName = CORRECTION_NAMES[context.correction];
  const minimum = context.minimumRelativeEffect ?? DEFAULT_MINIMUM_RELATIVE_EFFECT;
  const locale = context.locale;
  const verdicts = primaryRows.map((row) => {
    const effect = primaryEffect(row, minimum);
    const change = formatDifference(row.difference, row.unit, context.currency, locale);
    const p = `${correctionName}-adjusted p ${formatPValue(row.adjustedPValue, true, locale)}`;
    const text =
      effect === "no detectable difference"
        ? `no detectable difference in ${row.label} between ${row.variant} and ${context.control}: ${change} (${p})`
        : effect === "too small to matter"
          ? `${row.variant} improves ${row.label} by ${change} vs ${context.control} (${p}): significant but too small to matter (under the ${formatPercent(minimum, undefined, locale)} minimum effect of interest)`
          : `${row.variant} ${effect} ${row.label} by ${change} vs ${context.control} (${p})`;
    return { variant: row.variant, significant: row.significant, effect, text };
  });
  const texts = (effect: PrimaryEffect) => verdicts.filter((entry) => entry.effect === effect).map((entry) => entry.text);
  const level = formatPercent(context.level, 0, locale);
  let verdict: string;
  if (context.completeReplications < 2) verdict = `too few complete replications (${context.completeReplications}) to compare`;
  else if (texts("improves").length > 0)
    verdict = `${ranking[0].variant} ranks first on ${primary.label} (probability best ${formatPercent(ranking[0].probabilityBest, 0, locale)}); ${texts("improves").join("; ")}`;
  else if (texts("too small to matter").length > 0) verdict = `significant but too small to matter: ${texts("too small to matter").join("; ")}`;
  else if (texts("worsens").length + texts("changes").length > 0)
    verdict = `no variant beats ${context.control} on ${primary.label}: ${[...texts("worsens"), ...texts("changes")].join("; ")}`;
  else verdict = `no detectable difference in ${primary.label} between any variant and ${context.control} at ${level} (${correctionName} correction)`;
  return { verdicts, verdict };
}
