export { comparisonDecision, DEFAULT_MINIMUM_RELATIVE_EFFECT, MAX_FEASIBLE_TEST_DAYS, type ComparisonDecision, type ComparisonVerdict } from "./comparisonDecision.ts";
export { decisionCard, type DecisionContext } from "./decisionCards.ts";
export type { DecisionCard, DecisionFigure } from "./decisionCard.ts";
export { renderDecisionSummary, DECISION_SUMMARY_ID } from "./renderDecisionSummary.ts";
