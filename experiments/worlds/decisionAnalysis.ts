import { quantileSorted, sampleRankCorrelation } from "simple-statistics";
import { DEFAULT_CONFIDENCE_LEVEL, type Estimate, probabilityBest, tInterval } from "../stats/index.ts";
import { sobolIndices } from "./sobolIndices.ts";

/** What the analysis needs: each variant's KPI in each world, and each parameter's value there. */
export interface DecisionInput {
  variants: readonly string[];
  /** `worldValues[v][w]`: variant v's KPI in world w (its mean over the world's replications). */
  worldValues: readonly (readonly number[])[];
  /** Each uncertain parameter's value per world, by path. */
  parameters: readonly { path: string; values: readonly number[] }[];
  /** Which way is good. */
  higherIsBetter: boolean;
  level?: number;
  /**
   * For Sobol indices instead of rank correlations: each variant's KPI on every row of `sobolDesign`
   * (`worldValues[v][r]`, base × (parameters + 2) rows, parameters in the order of `parameters`).
   * `worldValues` above then holds the A and B rows only (independent draws).
   */
  sobol?: { base: number; worldValues: readonly (readonly number[])[] };
}

/** One variant's standing across the worlds. */
export interface VariantDecision {
  variant: string;
  /**
   * Expected KPI over the parameter distribution: the mean of the world means with a t interval.
   * Worlds have independent seeds, so the spread of world means holds the parameter uncertainty and
   * the simulation noise together, and the interval covers both.
   */
  expected: Estimate;
  /** 5th and 95th percentile of the world means: where the KPI lands in 90% of worlds. */
  worldRange: { p05: number; p95: number };
  /** Share of worlds in which this variant is best (ties split). */
  probabilityBest: number;
  /** Mean over worlds of (best variant's KPI − this one's), in the KPI's unit; 0 for a variant best in every world. */
  expectedLoss: number;
}

/** How strongly one parameter moves the decision. */
export interface ParameterSensitivity {
  parameter: string;
  /** Spearman rank correlation of the parameter with the decisive quantity across worlds; null when either does not vary. */
  rankCorrelation: number | null;
  /** Mean of the decisive quantity in the worlds where the parameter is below / at or above its median. */
  meanWhenLow: number;
  meanWhenHigh: number;
  /** With Sobol indices: the share of the decisive quantity's variance this parameter explains alone (Saltelli's estimator); absent otherwise. */
  firstOrder?: number;
  /** With Sobol indices: the share it is involved in, interactions included (Jansen's estimator). */
  totalOrder?: number;
}

export interface DecisionAnalysis {
  worlds: number;
  level: number;
  variants: VariantDecision[];
  /** The variant with the least expected loss (equivalently, the best expected KPI). */
  choice: string;
  /** The variant with the next least expected loss; null with one variant. */
  runnerUp: string | null;
  /**
   * Expected value of perfect information: what knowing the parameters before choosing would be
   * worth, mean over worlds of the best KPI − the chosen variant's expected KPI, which equals the
   * choice's expected loss (Raiffa & Schlaifer 1961; Howard 1966). Simulation noise in the world
   * means adds to it (the per-world maximum picks up noise), so few replications overstate it.
   */
  evpi: number;
  /**
   * What the sensitivity is measured on: with two or more variants, the choice's margin over the
   * runner-up (choice − runner-up when higher is better, runner-up − choice when lower is: positive
   * favours the choice either way); with one variant, its KPI.
   */
  sensitivityOf: string;
  /** Which measure ranks `sensitivity` (and the tornado shows): Spearman rank correlations, or first-order Sobol indices. */
  sensitivityMeasure: "rankCorrelation" | "sobolFirstOrder";
  /** Parameters by |rank correlation| (or by first-order Sobol index), largest first. */
  sensitivity: ParameterSensitivity[];
  /**
   * |rank correlation| below which a parameter's effect is indistinguishable from none: 1.96 ÷ √(worlds − 1),
   * the approximate 95% bound of Spearman's ρ under independence (its null s.d. is 1 ÷ √(n − 1)).
   */
  noiseThreshold: number | null;
}

/**
 * The decision across worlds: expected KPI per variant with an interval, probability best, expected
 * loss, EVPI, and the parameters the decision hinges on (rank correlations with the choice's margin
 * over the runner-up; Saltelli et al., "Global Sensitivity Analysis: The Primer", 2008, §1.2.3).
 *
 * @example
 * // θ uniform: A scores θ, B a flat 0.3; A is best when θ > 0.3
 * decisionAnalysis({ variants: ["A", "B"], worldValues: [[0.1, 0.5, 0.9], [0.3, 0.3, 0.3]], parameters: [], higherIsBetter: true })
 * // probability best A 2/3, expected loss A 0.2/3, B 0.8/3, evpi 0.2/3
 */
export function decisionAnalysis(input: DecisionInput): DecisionAnalysis {
  const level = input.level ?? DEFAULT_CONFIDENCE_LEVEL;
  const { worldValues, higherIsBetter } = input;
  const worlds = worldValues[0]?.length ?? 0;
  if (input.variants.length === 0 || worlds === 0) throw new RangeError("invalid decision: no variants or no worlds");
  const sign = higherIsBetter ? 1 : -1;
  const bestPerWorld = Array.from({ length: worlds }, (_, w) => Math.max(...worldValues.map((values) => sign * values[w])));
  const best = probabilityBest(worldValues, higherIsBetter);
  const variants = input.variants.map((variant, v): VariantDecision => {
    const values = worldValues[v];
    const sorted = [...values].sort((a, b) => a - b);
    const loss = values.reduce((sum, value, w) => sum + (bestPerWorld[w] - sign * value), 0) / worlds;
    return {
      variant,
      expected: tInterval(values, level),
      worldRange: { p05: quantileSorted(sorted, 0.05), p95: quantileSorted(sorted, 0.95) },
      probabilityBest: best[v],
      expectedLoss: loss,
    };
  });
  // Ties go to the variant listed first (the control comes first), so the choice is stable.
  const order = variants.map((_, v) => v).sort((a, b) => variants[a].expectedLoss - variants[b].expectedLoss || a - b);
  const [choice, runnerUp] = order;
  const decisive = runnerUp === undefined ? worldValues[choice] : worldValues[choice].map((value, w) => sign * (value - worldValues[runnerUp][w]));
  let sensitivity = input.parameters.map((parameter) => sensitivityOf(parameter, decisive));
  if (input.sobol !== undefined) {
    const all = input.sobol.worldValues;
    const outputs = runnerUp === undefined ? all[choice] : all[choice].map((value, r) => sign * (value - all[runnerUp][r]));
    const indices = sobolIndices(outputs, input.sobol.base, input.parameters.length);
    sensitivity = sensitivity.map((row, i) => ({ ...row, firstOrder: indices.firstOrder[i], totalOrder: indices.totalOrder[i] }));
    sensitivity.sort((a, b) => b.firstOrder! - a.firstOrder! || (a.parameter < b.parameter ? -1 : 1));
  } else sensitivity.sort((a, b) => Math.abs(b.rankCorrelation ?? 0) - Math.abs(a.rankCorrelation ?? 0) || (a.parameter < b.parameter ? -1 : 1));
  return {
    worlds,
    level,
    variants,
    choice: input.variants[choice],
    runnerUp: runnerUp === undefined ? null : input.variants[runnerUp],
    evpi: variants[choice].expectedLoss,
    sensitivityOf:
      runnerUp === undefined
        ? input.variants[choice]
        : higherIsBetter
          ? `${input.variants[choice]} − ${input.variants[runnerUp]}`
          : `${input.variants[runnerUp]} − ${input.variants[choice]}`,
    sensitivityMeasure: input.sobol === undefined ? "rankCorrelation" : "sobolFirstOrder",
    sensitivity,
    noiseThreshold: worlds > 1 ? 1.96 / Math.sqrt(worlds - 1) : null,
  };
}

function sensitivityOf(parameter: { path: string; values: readonly number[] }, decisive: readonly number[]): ParameterSensitivity {
  const varies = (values: readonly number[]): boolean => values.some((value) => value !== values[0]);
  const rho =
    parameter.values.length >= 3 && varies(parameter.values) && varies(decisive)
      ? sampleRankCorrelation(parameter.values as number[], decisive as number[])
      : null;
  const median = quantileSorted(
    [...parameter.values].sort((a, b) => a - b),
    0.5,
  );
  const low: number[] = [];
  const high: number[] = [];
  parameter.values.forEach((value, w) => {
    (value < median ? low : high).push(decisive[w]);
  });
  const meanOf = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);
  return {
    parameter: parameter.path,
    rankCorrelation: rho === null || Number.isNaN(rho) ? null : Math.max(-1, Math.min(1, rho)),
    meanWhenLow: meanOf(low),
    meanWhenHigh: meanOf(high),
  };
}
