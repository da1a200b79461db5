import type { ModelConfig, SimulationResults } from "../../sim/model/index.ts";
import type { LoadedScenario } from "../scenario/index.ts";
import { DEFAULT_GUARDRAILS, kpi } from "../kpis/index.ts";
import { runTasks, type RunTasksOptions } from "../parallel/index.ts";
import { replicationSeed, summariseKpis } from "../replications/index.ts";
import { adjustPValues, DEFAULT_CONFIDENCE_LEVEL, pairedComparison, probabilityBest, type Correction } from "../stats/index.ts";
import type { ComparisonResults, VariantDifference } from "./comparisonTypes.ts";
import { formatDifference } from "./formatDifference.ts";
import { presentPairs } from "./presentPairs.ts";

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
}

export const DEFAULT_PRIMARY_METRIC = "conversionRate";
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
  const guardrails = (options.guardrails ?? DEFAULT_GUARDRAILS).filter((key) => key !== primary.key).map(kpi);
  const controlIndex = variants.findIndex((variant) => variant.name === options.control);
  if (controlIndex < 0) throw new RangeError(`invalid control: ${JSON.stringify(options.control)} (variants: ${variants.map((v) => v.name).join(", ")})`);
  if (new Set(variants.map((v) => v.name)).size !== variants.length) throw new RangeError("invalid variants: names must be unique");

  // Replication-major order: the first replications of all variants finish first (useful when interrupted).
  const tasks = [];
  for (let r = 0; r < options.replications; r++) {
    for (const variant of variants) tasks.push({ config: variant.config, seed: replicationSeed(options.seed, r) });
  }
  const outcomes = await runTasks(tasks, options);
  const runs: (SimulationResults | null)[][] = variants.map(() => new Array(options.replications).fill(null));
  const errored: ComparisonResults["errored"] = [];
  let cancelled = 0;
  outcomes.forEach((outcome, index) => {
    const r = Math.floor(index / variants.length);
    const v = index % variants.length;
    if (outcome.state === "completed") runs[v][r] = outcome.results;
    else if (outcome.state === "errored") errored.push({ variant: variants[v].name, replication: r, error: outcome.error });
    else cancelled++;
  });
  // Pairs need every variant's run of a replication; a replication missing anywhere is dropped everywhere.
  const complete = Array.from({ length: options.replications }, (_, r) => r).filter((r) => runs.every((variantRuns) => variantRuns[r] !== null));
  const paired = runs.map((variantRuns) => complete.map((r) => variantRuns[r]!));
  // A KPI a run does not have (no answered chat, so no answered-chat wait) stays null: missing, never 0.
  const values = (key: string, v: number): (number | null)[] => paired[v].map((run) => kpi(key).extract(run));

  const differences: VariantDifference[] = [];
  const notComparable: ComparisonResults["notComparable"] = [];
  const others = variants.map((_, v) => v).filter((v) => v !== controlIndex);
  if (complete.length > 0) {
    for (const definition of [primary, ...guardrails]) {
      const controlValues = values(definition.key, controlIndex);
      for (const v of others) {
        const pairs = presentPairs(values(definition.key, v), controlValues);
        if (pairs.treatment.length === 0) {
          // Both sides without a value: the KPI does not apply (funnel KPIs of a chat-only run); one side only: say so.
          if (pairs.missingInTreatment < complete.length || pairs.missingInControl < complete.length) {
            notComparable.push({ variant: variants[v].name, metric: definition.key, missingInVariant: pairs.missingInTreatment, missingInControl: pairs.missingInControl });
          }
          continue;
        }
        const comparison = pairedComparison(pairs.treatment, pairs.control, level);
        differences.push({
          variant: variants[v].name,
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
          primary: definition.key === primary.key,
        });
      }
    }
  }
  const primaryRows = differences.filter((row) => row.primary);
  adjustPValues(primaryRows.map((row) => row.pValue), correction).forEach((adjusted, i) => {
    primaryRows[i].adjustedPValue = adjusted;
    primaryRows[i].significant = adjusted < 1 - level;
  });

  // Probability best: only replications where every variant has the primary metric (a contest needs all of them).
  const primaryValues = variants.map((_, v) => values(primary.key, v));
  const contested = complete.map((_, i) => i).filter((i) => primaryValues.every((variantValues) => variantValues[i] !== null));
  const best = contested.length > 0 ? probabilityBest(primaryValues.map((variantValues) => contested.map((i) => variantValues[i]!)), primary.direction !== "lower") : variants.map(() => 0);
  const ranking = variants
    .map((variant, v) => ({ variant: variant.name, probabilityBest: best[v], mean: mean(primaryValues[v]) }))
    .sort((a, b) => compareMeans(a.mean, b.mean, primary.direction === "lower"));

  const correctionName = correction === "holm" ? "Holm" : correction === "benjamini-hochberg" ? "Benjamini–Hochberg" : "no";
  const verdicts = primaryRows.map((row) => {
    const change = formatDifference(row.difference, row.unit, options.currency);
    const p = `${correctionName}-adjusted p = ${row.adjustedPValue.toPrecision(2)}`;
    const good = primary.direction === "lower" ? row.difference.mean < 0 : row.difference.mean > 0;
    const text = row.significant
      ? `${row.variant} ${good ? "improves" : "worsens"} ${row.label} by ${change} vs ${options.control} (${p})`
      : `no detectable difference in ${row.label} between ${row.variant} and ${options.control}: ${change} (${p})`;
    return { variant: row.variant, significant: row.significant, text };
  });
  const winners = verdicts.filter((entry, i) => entry.significant && (primary.direction === "lower" ? primaryRows[i].difference.mean < 0 : primaryRows[i].difference.mean > 0));
  const verdict =
    complete.length < 2
      ? `too few complete replications (${complete.length}) to compare`
      : winners.length > 0
        ? `${ranking[0].variant} ranks first on ${primary.label} (probability best ${(ranking[0].probabilityBest * 100).toFixed(0)}%); ${winners.map((w) => w.text).join("; ")}`
        : `no detectable difference in ${primary.label} between any variant and ${options.control} at ${(level * 100).toFixed(0)}% (${correctionName} correction)`;

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
    variants: variants.map((variant, v) => ({ name: variant.name, policy: variant.policy, scenarioHash: variant.scenarioHash, kpis: paired[v].length > 0 ? summariseKpis(paired[v], level) : {} })),
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
