import type { KpiDefinition } from "../kpis/index.ts";
import { pairedComparison } from "../stats/index.ts";
import type { ComparisonResults, VariantDifference } from "./comparisonTypes.ts";
import { presentPairs } from "./presentPairs.ts";

/** Differences of each non-control variant against the control, and the metrics that cannot be compared. */
export interface PairedDifferences {
  differences: VariantDifference[];
  notComparable: ComparisonResults["notComparable"];
}

/**
 * Every variant against the control on each metric, paired by replication: `values(key, v)` gives
 * variant v's value per complete replication, null where the run has none. A missing value is
 * never read as 0: pairs with a missing side are dropped and counted; a metric with no pair at all
 * is listed as not comparable unless neither side ever has it (the KPI does not apply, e.g. funnel
 * KPIs of a chat-only run). p-values here are unadjusted; the caller corrects the primary metric's.
 */
export function pairedDifferences(
  metrics: readonly KpiDefinition[],
  primaryKey: string,
  variantNames: readonly string[],
  controlIndex: number,
  completeCount: number,
  values: (key: string, v: number) => (number | null)[],
  level: number,
): PairedDifferences {
  const differences: VariantDifference[] = [];
  const notComparable: ComparisonResults["notComparable"] = [];
  if (completeCount === 0) return { differences, notComparable };
  const others = variantNames.map((_, v) => v).filter((v) => v !== controlIndex);
  for (const definition of metrics) {
    const controlValues = values(definition.key, controlIndex);
    for (const v of others) {
      const pairs = presentPairs(values(definition.key, v), controlValues);
      if (pairs.treatment.length === 0) {
        if (pairs.missingInTreatment < completeCount || pairs.missingInControl < completeCount) {
          notComparable.push({
            variant: variantNames[v],
            metric: definition.key,
            missingInVariant: pairs.missingInTreatment,
            missingInControl: pairs.missingInControl,
          });
        }
        continue;
      }
      const comparison = pairedComparison(pairs.treatment, pairs.control, level);
      differences.push({
        variant: variantNames[v],
        metric: definition.key,
        label: definition.label,
        unit: definition.unit,
        direction: definition.direction,
        difference: comparison.difference,
        relativeLift: comparison.relativeLift,
        pValue: comparison.pValue,
        adjustedPValue: comparison.pValue,
        significant: comparison.pValue < 1 - level,
        unpairedHalfWidth: comparison.unpairedHalfWidth,
        pairs: pairs.treatment.length,
        missingPairs: pairs.droppedPairs,
        primary: definition.key === primaryKey,
      });
    }
  }
  return { differences, notComparable };
}
