import type { ModelConfig } from "../../sim/model/index.ts";
import { CLASS_KPIS, DEFAULT_GUARDRAILS, kpi } from "../kpis/index.ts";
import type { RunTasksOptions } from "../parallel/index.ts";
import { replicationSeed, summariseKpis } from "../replications/index.ts";
import type { LoadedScenario } from "../scenario/index.ts";
import { adjustPValues, type Correction, DEFAULT_CONFIDENCE_LEVEL, type Estimate, probabilityBest, shareInterval, tInterval } from "../stats/index.ts";
import type { ComparisonResults } from "./comparisonTypes.ts";
import { comparisonVerdict } from "./comparisonVerdict.ts";
import { pairedDifferences } from "./pairedDifferences.ts";
import { runPairedReplications } from "./pairedRuns.ts";
import { DEFAULT_PRIMARY_METRIC } from "./primaryMetric.ts";

/** A variant ready to run. */
export interface Variant {
  name: string;
  /** The policy's name (for display). */
  policy: string;
  scenarioHash: string;
  config: ModelConfig;
  /** The scenario the config came from: a run over parameter worlds resolves it again per world. */
  scenario?: LoadedScenario;
}

export interface CompareOptions extends RunTasksOptions {
  replications: number;
  seed: string | number;
  control: string;
  primaryMetric?: string;
  guardrails?: readonly string[];
  level?: number;
  correction?: Correction;
  currency?: string;
  /** BCP 47 locale of the numbers in the verdict's sentences (the scenario's `report.locale`; default en-US). */
  locale?: string;
  /** Smallest relative change of the primary metric worth acting on (default DEFAULT_MINIMUM_RELATIVE_EFFECT). */
  minimumRelativeEffect?: number;
}

export { DEFAULT_PRIMARY_METRIC };
export const DEFAULT_CORRECTION: Correction = "holm";

/**
 * Runs every variant for the same R replication seeds (common random numbers) and compares each
 * with the control, paired by replication: difference and relative lift with t intervals for the
 * primary metric and the guardrails, p-values corrected across variants (Holm by default), the
 * probability that each variant is best, and a verdict in words ("no detectable difference" when
 * the corrected test does not reject).
 */
export async function compareVariants(variants: readonly Variant[], options: CompareOptions): Promise<ComparisonResults> {
  const level = options.level ?? DEFAULT_CONFIDENCE_LEVEL;
  const correction = options.correction ?? DEFAULT_CORRECTION;
  const primary = kpi(options.primaryMetric ?? DEFAULT_PRIMARY_METRIC);
  // A desk reservation is judged by what it does to each class of chats: add their figures.
  const classKeys = variants.some((variant) => variant.config.desk.reservation !== null) ? CLASS_KPIS.map((definition) => definition.key) : [];
  const guardrails = [...new Set([...(options.guardrails ?? DEFAULT_GUARDRAILS), ...classKeys])].filter((key) => key !== primary.key).map(kpi);
  const controlIndex = variants.findIndex((variant) => variant.name === options.control);
  if (controlIndex < 0) throw new RangeError(`invalid control: ${JSON.stringify(options.control)} (variants: ${variants.map((v) => v.name).join(", ")})`);
  if (new Set(variants.map((v) => v.name)).size !== variants.length) throw new RangeError("invalid variants: names must be unique");

  const { complete, paired, errored, cancelled } = await runPairedReplications(variants, options.replications, options.seed, options);
  // A KPI a run does not have (no answered chat, so no answered-chat wait) stays null: missing, never 0.
  const values = (key: string, v: number): (number | null)[] => paired[v].map((run) => kpi(key).extract(run));
  const names = variants.map((variant) => variant.name);
  const { differences, notComparable } = pairedDifferences([primary, ...guardrails], primary.key, names, controlIndex, complete.length, values, level);
  const primaryRows = differences.filter((row) => row.primary);
  adjustPValues(
    primaryRows.map((row) => row.pValue),
    correction,
  ).forEach((adjusted, i) => {
    primaryRows[i].adjustedPValue = adjusted;
    primaryRows[i].significant = adjusted < 1 - level;
  });
  const ranking = rankVariants(
    names,
    variants.map((_, v) => values(primary.key, v)),
    primary.direction === "lower",
  );
  const { verdicts, verdict } = comparisonVerdict(primary, primaryRows, ranking, {
    control: options.control,
    correction,
    level,
    completeReplications: complete.length,
    currency: options.currency,
    locale: options.locale,
    minimumRelativeEffect: options.minimumRelativeEffect,
  });

  return {
    kind: "comparison",
    scenario: variants[controlIndex].config.name,
    horizonDays: variants[controlIndex].config.horizon.days,
    primaryMetric: primary.key,
    guardrails: guardrails.map((definition) => definition.key),
    level,
    replications: complete.length,
    seeds: complete.map((r) => replicationSeed(options.seed, r)),
    correction,
    control: options.control,
    variants: variants.map((variant, v) => ({
      name: variant.name,
      policy: variant.policy,
      scenarioHash: variant.scenarioHash,
      kpis: paired[v].length > 0 ? { ...summariseKpis(paired[v], level), ...summariseClassKpis(classKeys, (key) => values(key, v), level) } : {},
    })),
    differences,
    notComparable,
    ranking,
    verdicts,
    verdict,
    errored,
    cancelled,
    stoppedBy: options.signal?.aborted ? "interrupted" : options.failFast && errored.length > 0 ? "failFast" : "count",
  };
}

/**
 * Variants best first by the mean of the primary metric, each with its probability of being best.
 * Probability best uses only replications where every variant has a value (a contest needs all of
 * them); a variant that never has a value ranks last with mean null.
 */
function rankVariants(names: readonly string[], primaryValues: readonly (number | null)[][], lowerIsBetter: boolean): ComparisonResults["ranking"] {
  const contested = (primaryValues[0] ?? []).map((_, i) => i).filter((i) => primaryValues.every((variantValues) => variantValues[i] !== null));
  const best =
    contested.length > 0
      ? probabilityBest(
          primaryValues.map((variantValues) => contested.map((i) => variantValues[i]!)),
          !lowerIsBetter,
        )
      : names.map(() => 0);
  return names
    .map((name, v) => ({ variant: name, probabilityBest: best[v], mean: mean(primaryValues[v]) }))
    .sort((a, b) => compareMeans(a.mean, b.mean, lowerIsBetter));
}

/** Mean of the values present; null when none is. */
function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

/** Best first; a variant without a value ranks last. */
function compareMeans(a: number | null, b: number | null, lowerIsBetter: boolean): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return lowerIsBetter ? a - b : b - a;
}

/** Each variant's per-class figures under a reservation (the report's per-class table reads them); none without one. */
function summariseClassKpis(keys: readonly string[], valuesOf: (key: string) => (number | null)[], level: number): Record<string, Estimate | null> {
  const summary: Record<string, Estimate | null> = {};
  for (const key of keys) {
    const values = valuesOf(key).filter((value): value is number => value !== null);
    summary[key] = values.length === 0 ? null : kpi(key).unit === "rate" ? shareInterval(values, level) : tInterval(values, level);
  }
  return summary;
}
