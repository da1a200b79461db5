import type { CalibrationSearch } from "./CalibrationSearch.ts";
import type { Evaluation } from "./calibrationTargets.ts";
import { nelderMead } from "./nelderMead.ts";

/** The Nelder–Mead polish runs by default only up to this many parameters (its starting simplex alone costs parameters + 1 evaluations). */
export const MAX_POLISHED_PARAMETERS = 8;
/** Starting simplex of the Nelder–Mead polish: 5% on each factor. */
const POLISH_STEP = 0.05;

/**
 * Nelder–Mead on the log-factors from `start`, minimising the deviance over at most `evaluations`
 * evaluations (proportional fitting already matches each parameter's own target, so the polish only
 * trades off cells no parameter owns). Returns the best point seen (`best` if none beat it).
 */
export async function polishFit(
  search: CalibrationSearch,
  start: Evaluation,
  best: Evaluation,
  evaluations: number,
): Promise<{ best: Evaluation; evaluations: number }> {
  let bestSoFar = best;
  const result = await nelderMead(
    async (x) => {
      if (search.stopped()) return Number.POSITIVE_INFINITY;
      const evaluation = await search.evaluate(x.map(Math.exp), "nelderMead");
      if (evaluation.statistics.deviance < bestSoFar.statistics.deviance) bestSoFar = evaluation;
      return evaluation.statistics.deviance;
    },
    start.factors.map(Math.log),
    { maxEvaluations: evaluations, initialStep: POLISH_STEP },
  );
  return { best: bestSoFar, evaluations: result.evaluations };
}
