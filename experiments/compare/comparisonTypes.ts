import type { KpiUnit } from "../kpis/index.ts";
import type { Correction, Estimate } from "../stats/index.ts";

/**
 * What a variant's difference on the primary metric means, read from its corrected (adjusted) p and
 * the minimum effect of interest: a significant improvement smaller than that is its own verdict.
 */
export type PrimaryEffect = "improves" | "too small to matter" | "worsens" | "changes" | "no detectable difference";

/** One policy (and/or store levers) to compare, resolved to a model config. */
export interface VariantSummary {
  name: string;
  policy: string;
  scenarioHash: string;
  kpis: Record<string, Estimate | null>;
}

/** A variant against the control on one metric, paired by replication. */
export interface VariantDifference {
  variant: string;
  metric: string;
  label: string;
  unit: KpiUnit;
  direction: "higher" | "lower" | "neutral";
  /** Variant − control. */
  difference: Estimate;
  relativeLift: Estimate | null;
  pValue: number;
  /** Corrected across variants for the primary metric; equal to pValue for guardrails (reported unadjusted). */
  adjustedPValue: number;
  significant: boolean;
  /** What the interval's half-width would be without common random numbers (independent samples). */
  unpairedHalfWidth: number | null;
  /** Replications in which both the variant and the control had a value (the pairs behind the interval). */
  pairs: number;
  /** Complete replications left out because the variant or the control had no value (a missing value is never 0). */
  missingPairs: number;
  primary: boolean;
}

export interface ComparisonResults {
  kind: "comparison";
  scenario: string;
  horizonDays: number;
  primaryMetric: string;
  guardrails: string[];
  level: number;
  /** Replications completed by every variant (the pairs the statistics use). */
  replications: number;
  seeds: string[];
  correction: Correction;
  control: string;
  variants: VariantSummary[];
  differences: VariantDifference[];
  /** Metrics a variant and the control cannot be compared on: one of them has no value in any replication. */
  notComparable: { variant: string; metric: string; missingInVariant: number; missingInControl: number }[];
  /** Best first by mean of the primary metric; mean null (ranked last) when a variant never had a value. */
  ranking: { variant: string; probabilityBest: number; mean: number | null }[];
  /** Per variant on the primary metric: significant after correction, its effect (PrimaryEffect), and the sentence. */
  verdicts: { variant: string; significant: boolean; effect: PrimaryEffect; text: string }[];
  verdict: string;
  errored: { variant: string; replication: number; error: string }[];
  cancelled: number;
  stoppedBy: "count" | "interrupted" | "failFast";
}
