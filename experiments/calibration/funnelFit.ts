import type { AbandonmentReason, StoreResults } from "../../sim/model/index.ts";
import type { TargetCell } from "./calibrationParameters.ts";
import type { ObservedFunnel, ObservedStep } from "./observedFunnel.ts";

/** Simulated counts per funnel step, summed over replications. */
export interface SimulatedStep {
  reached: number;
  continued: number;
  byReason: Partial<Record<AbandonmentReason, number>>;
}

/** One outcome cell compared: observed against the simulated share scaled to the observed sessions. */
export interface CalibrationStepRow {
  step: string;
  /** "continued", an abandonment reason, "other" (every other way of leaving) or "abandoned" (all reasons). */
  outcome: string;
  reached: number;
  observedCount: number;
  observedRate: number;
  simulatedRate: number;
  /** Expected count n × simulated rate. */
  expectedCount: number;
  /** (O − E) ÷ √(n p (1 − p) (1 + n ÷ m)): standardised, with the simulation's own sampling variance (m simulated sessions at the step). */
  residual: number;
}

export interface FitStatistics {
  /** One row per compared cell (totals-only steps: continued; steps by reason: continued, each reason, other). */
  rows: CalibrationStepRow[];
  /** Deviance 2 Σ [O ln(O ÷ E) − (O − E)] over every cell of every observed step: the multinomial deviance 2 Σ O ln(O ÷ E), since Σ E = Σ O per step (up to the floor below), and never negative. */
  deviance: number;
  /** Pearson Σ (O − E)² ÷ (E (1 + n ÷ m)). */
  chiSquare: number;
  /** Σ over steps of (cells − 1): the degrees of freedom before subtracting fitted parameters. */
  freeCells: number;
}

/** Sums the funnel step counts of store runs. */
export function simulatedFunnel(runs: readonly StoreResults[]): SimulatedStep[] {
  const steps: SimulatedStep[] = [];
  for (const run of runs) {
    run.funnel.steps.forEach((step, index) => {
      steps[index] ??= { reached: 0, continued: 0, byReason: {} };
      const sum = steps[index];
      sum.reached += step.reached;
      sum.continued += step.continued;
      for (const [reason, count] of Object.entries(step.byReason))
        sum.byReason[reason as AbandonmentReason] = (sum.byReason[reason as AbandonmentReason] ?? 0) + (count ?? 0);
    });
  }
  return steps;
}

/** The outcome cells of one step: [name, observed count, simulated count]. */
function cells(step: ObservedStep, simulated: SimulatedStep): [string, number, number][] {
  const left = (count: { reached: number; continued: number }) => count.reached - count.continued;
  if (step.reasons === null) {
    return [
      ["continued", step.continued, simulated.continued],
      ["abandoned", left(step), left(simulated)],
    ];
  }
  const listed = Object.entries(step.reasons) as [AbandonmentReason, number][];
  const observedListed = listed.reduce((sum, [, count]) => sum + count, 0);
  const simulatedListed = listed.reduce((sum, [reason]) => sum + (simulated.byReason[reason] ?? 0), 0);
  return [
    ["continued", step.continued, simulated.continued],
    ...listed.map(([reason, count]): [string, number, number] => [reason, count, simulated.byReason[reason] ?? 0]),
    ["other", left(step) - observedListed, left(simulated) - simulatedListed],
  ];
}

/**
 * Observed against simulated, cell by cell. Expected counts are E = n × p̂ with p̂ the simulated share
 * (pooled over the replications) and n the observed sessions at the step. The deviance is the
 * calibration's objective; Pearson's X² with the simulation-variance factor (1 + n ÷ m) is the
 * goodness-of-fit statistic (O − E has variance n p (1 − p) from the observed data plus n² p (1 − p) ÷
 * m from the simulated share). Cells empty in both data sets are dropped. A share the simulation never
 * produced is floored at half a count (0.5 ÷ m) so the deviance stays finite.
 */
export function fitStatistics(observed: ObservedFunnel, simulated: readonly SimulatedStep[]): FitStatistics {
  const rows: CalibrationStepRow[] = [];
  let deviance = 0;
  let chiSquare = 0;
  let freeCells = 0;
  for (const step of observed.steps) {
    const sim = simulated[step.index] ?? { reached: 0, continued: 0, byReason: {} };
    const n = step.reached;
    const m = Math.max(sim.reached, 1);
    const inflation = 1 + n / m;
    const stepCells = cells(step, sim).filter(([, observedCount, simulatedCount]) => observedCount > 0 || simulatedCount > 0);
    freeCells += Math.max(0, stepCells.length - 1);
    for (const [outcome, observedCount, simulatedCount] of stepCells) {
      const share = simulatedCount / m;
      const expected = n * Math.max(share, 0.5 / m);
      deviance += 2 * ((observedCount > 0 ? observedCount * Math.log(observedCount / expected) : 0) - (observedCount - expected));
      chiSquare += (observedCount - n * share) ** 2 / (expected * inflation);
      if (step.reasons === null && outcome === "abandoned") continue;
      const variance = n * share * (1 - share) * inflation;
      rows.push({
        step: step.step,
        outcome,
        reached: n,
        observedCount,
        observedRate: observedCount / n,
        simulatedRate: share,
        expectedCount: n * share,
        residual: variance > 0 ? (observedCount - n * share) / Math.sqrt(variance) : 0,
      });
    }
  }
  return { rows, deviance, chiSquare, freeCells };
}

/** A target's observed and simulated share, with the counts and trials behind them. */
export interface TargetShares {
  observed: number;
  simulated: number;
  observedCount: number;
  simulatedCount: number;
  observedTrials: number;
  simulatedTrials: number;
}

/** Observed and simulated share of a parameter's target cells, pooled over its target steps, with the counts behind them. */
export function targetShares(targets: readonly TargetCell[], observed: ObservedFunnel, simulated: readonly SimulatedStep[]): TargetShares {
  let observedCount = 0;
  let observedReached = 0;
  let simulatedCount = 0;
  let simulatedReached = 0;
  const byIndex = new Map(observed.steps.map((step) => [step.index, step]));
  for (const target of targets) {
    const step = byIndex.get(target.index)!;
    const sim = simulated[target.index] ?? { reached: 0, continued: 0, byReason: {} };
    observedReached += step.reached;
    simulatedReached += sim.reached;
    if (target.cell === "continued") {
      observedCount += step.continued;
      simulatedCount += sim.continued;
    } else if (target.cell === "abandoned") {
      observedCount += step.reached - step.continued;
      simulatedCount += sim.reached - sim.continued;
    } else {
      observedCount += step.reasons?.[target.cell] ?? 0;
      simulatedCount += sim.byReason[target.cell] ?? 0;
    }
  }
  return {
    observed: observedReached > 0 ? observedCount / observedReached : 0,
    simulated: simulatedReached > 0 ? simulatedCount / simulatedReached : 0,
    observedCount,
    simulatedCount,
    observedTrials: observedReached,
    simulatedTrials: simulatedReached,
  };
}
