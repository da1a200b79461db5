export {
  type ComparisonDecision,
  type ComparisonVerdict,
  comparisonDecision,
  DEFAULT_MINIMUM_RELATIVE_EFFECT,
  MAX_FEASIBLE_TEST_DAYS,
} from "./comparisonDecision.ts";
export type { DecisionCard, DecisionFigure } from "./decisionCard.ts";
export { type DecisionContext, decisionCard } from "./decisionCards.ts";
export { DECISION_SUMMARY_ID, renderDecisionSummary } from "./renderDecisionSummary.ts";
