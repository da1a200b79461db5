import type { KpiDefinition } from "../kpis/index.ts";
import type { Correction } from "../stats/index.ts";
import type { ComparisonResults, VariantDifference } from "./comparisonTypes.ts";
import { formatDifference } from "./formatDifference.ts";

/** What the primary metric's corrected tests say, per variant and in one sentence. */
export interface ComparisonVerdict {
  verdicts: ComparisonResults["verdicts"];
  verdict: string;
}

const CORRECTION_NAMES: Readonly<Record<Correction, string>> = { holm: "Holm", "benjamini-hochberg": "Benjamini–Hochberg", none: "no" };

/**
 * One sentence per variant on the primary metric ("no detectable difference" when the corrected
 * test does not reject), and the run's verdict: the first-ranked variant with the significant
 * improvements, or no detectable difference at the level, or too few replications to compare.
 */
export function comparisonVerdict(
  primary: KpiDefinition,
  primaryRows: readonly VariantDifference[],
  ranking: ComparisonResults["ranking"],
  context: { control: string; correction: Correction; level: number; completeReplications: number; currency?: string },
): ComparisonVerdict {
  const correctionName = CORRECTION_NAMES[context.correction];
  const improves = (row: VariantDifference) => (primary.direction === "lower" ? row.difference.mean < 0 : row.difference.mean > 0);
  const verdicts = primaryRows.map((row) => {
    const change = formatDifference(row.difference, row.unit, context.currency);
    const p = `${correctionName}-adjusted p = ${row.adjustedPValue.toPrecision(2)}`;
    const text = row.significant
      ? `${row.variant} ${improves(row) ? "improves" : "worsens"} ${row.label} by ${change} vs ${context.control} (${p})`
      : `no detectable difference in ${row.label} between ${row.variant} and ${context.control}: ${change} (${p})`;
    return { variant: row.variant, significant: row.significant, text };
  });
  const winners = verdicts.filter((entry, i) => entry.significant && improves(primaryRows[i]));
  const verdict =
    context.completeReplications < 2
      ? `too few complete replications (${context.completeReplications}) to compare`
      : winners.length > 0
        ? `${ranking[0].variant} ranks first on ${primary.label} (probability best ${(ranking[0].probabilityBest * 100).toFixed(0)}%); ${winners.map((w) => w.text).join("; ")}`
        : `no detectable difference in ${primary.label} between any variant and ${context.control} at ${(context.level * 100).toFixed(0)}% (${correctionName} correction)`;
  return { verdicts, verdict };
}
