import type { PersonaObservations } from "../persona/observations.ts";
import type { CheckVerdict } from "../results/checkResults.ts";

/**
 * The step-timing check of one persona: every page loaded within the profile's budget, timed in
 * the page (performance.now() from the action that led to it to its load event). A failure names
 * the slowest page over the budget.
 */
export function stepTimingsCheck(observations: PersonaObservations, budgetSeconds: number): CheckVerdict {
  const timed = observations.visits.filter((visit) => visit.loadSeconds !== null);
  const seconds = timed.reduce((sum, visit) => sum + visit.loadSeconds!, 0);
  const evidence = timed.map((visit) => `${visit.step}: ${visit.loadSeconds!.toFixed(3)} s`);
  if (timed.length === 0) return { status: "skipped", reason: "no page load was timed", evidence, seconds, attempts: 1, shot: null };
  const over = observations.visits
    .map((visit, index) => ({ visit, index }))
    .filter(({ visit }) => visit.loadSeconds !== null && visit.loadSeconds > budgetSeconds);
  if (over.length > 0) {
    // The slowest page over the budget leads: the one most worth a look.
    const { visit: slow, index } = over.reduce((worst, entry) => (entry.visit.loadSeconds! > worst.visit.loadSeconds! ? entry : worst));
    const more = over.length > 1 ? ` (+${over.length - 1} more over budget)` : "";
    return {
      status: "failed",
      reason: `${slow.step} took ${slow.loadSeconds!.toFixed(2)} s to load (budget ${budgetSeconds} s)${more}`,
      evidence,
      seconds,
      attempts: 1,
      shot: observations.shotIndex[`timing:${index}`] ?? null,
    };
  }
  const slowest = timed.reduce((worst, visit) => (visit.loadSeconds! > worst.loadSeconds! ? visit : worst));
  return {
    status: "passed",
    reason: `${timed.length} page loads within ${budgetSeconds} s (slowest ${slowest.step}, ${slowest.loadSeconds!.toFixed(2)} s)`,
    evidence,
    seconds,
    attempts: 1,
    shot: null,
  };
}
