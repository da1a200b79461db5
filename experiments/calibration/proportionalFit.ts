import type { CalibrationSearch } from "./CalibrationSearch.ts";
import type { CalibrationParameter } from "./calibrationParameters.ts";
import { clamp, type Evaluation, targetOf } from "./calibrationTargets.ts";
import type { ObservedFunnel } from "./observedFunnel.ts";

/** Relative gap below which a target always counts as matched. */
const MIN_GAP = 0.002;
/** Largest factor change in one proportional round (×3 or ÷3). */
export const MAX_LOG_STEP = Math.log(3);
/**
 * Elasticity estimates (d log share ÷ d log factor) are clamped to this range. At most 1: a share is at
 * most proportional to its factor (add-to-cart exactly, a reason's hazard nearly, a step factor that
 * scales part of the step's hazards less, a saturating sticker-shock or friction hazard less); a
 * secant estimate above 1 is noise from the other factors moving at the same time.
 */
const ELASTICITY_RANGE = [0.2, 1] as const;
/** Step damping from the third proportional round on. */
const DAMPING = 0.7;

export interface ProportionalFit {
  first: Evaluation;
  best: Evaluation;
  /** Rounds that moved the factors. */
  iterations: number;
  converged: boolean;
  /** Each factor's last elasticity estimate (1 where it never moved enough to estimate one). */
  elasticity: number[];
}

/**
 * Iterative proportional fitting: every round simulates all replications and moves each factor by
 * (log observed − log simulated share) ÷ elasticity (secant estimate from the previous round), until
 * every target is within `tolerance` of its standard error or `maxIterations` rounds have run. The
 * best evaluated point (lowest deviance) is kept.
 */
export async function proportionalFit(
  search: CalibrationSearch,
  parameters: readonly CalibrationParameter[],
  observed: ObservedFunnel,
  maxIterations: number,
  tolerance: number,
): Promise<ProportionalFit> {
  const logFactors = parameters.map(() => 0);
  const elasticity = parameters.map(() => 1);
  let previous: { logFactors: number[]; logShares: number[] } | null = null;
  let converged = parameters.length === 0;
  let first: Evaluation | null = null;
  let best: Evaluation | null = null;
  let iterations = 0;
  for (let round = 1; round <= maxIterations + 1; round++) {
    const evaluation = await search.evaluate(logFactors.map(Math.exp), "proportional");
    first ??= evaluation;
    if (best === null || evaluation.statistics.deviance < best.statistics.deviance) best = evaluation;
    if (search.stopped() || converged) break;
    const shares = parameters.map((parameter) => targetOf(parameter, observed, evaluation));
    const logShares = shares.map((share) => Math.log(Math.max(share.simulated, 1e-12)));
    const gaps = shares.map((share) =>
      share.observed <= 0 ? -MAX_LOG_STEP : share.simulated <= 0 ? MAX_LOG_STEP : Math.log(share.observed / share.simulated),
    );
    if (previous !== null) {
      const before = previous;
      parameters.forEach((_, k) => {
        const moved = logFactors[k] - before.logFactors[k];
        if (Math.abs(moved) > 0.005) elasticity[k] = clamp((logShares[k] - before.logShares[k]) / moved, ...ELASTICITY_RANGE);
      });
    }
    converged = gaps.every((gap, k) => Math.abs(gap) <= Math.max(MIN_GAP, tolerance * shares[k].logStandardError, 1 / Math.max(1, shares[k].simulatedCount)));
    if (converged || round > maxIterations) break;
    iterations = round;
    previous = { logFactors: [...logFactors], logShares };
    // Factors that share cells pull on each other; from the third round on, damped steps stop them from
    // chasing each other around the (slightly discontinuous, common-random-number) fixed point.
    const damping = round >= 3 ? DAMPING : 1;
    parameters.forEach((_, k) => {
      logFactors[k] += clamp((damping * gaps[k]) / elasticity[k], -MAX_LOG_STEP, MAX_LOG_STEP);
    });
  }
  return { first: first!, best: best!, iterations, converged, elasticity };
}
