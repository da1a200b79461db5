/** One figure of a decision card, linked to the section that details it. */
export interface DecisionFigure {
  label: string;
  value: string;
  /** A short qualifier under the value (an interval, a target). */
  detail?: string;
  /** `#id` of the detail section. */
  href: string;
  tone?: "good" | "bad" | null;
}

/**
 * What one results document answers, for the report's first screen: a headline decision, its
 * verdict in a few words, and the figures behind it. One card per document; a new kind of results
 * (uncertainty runs, shift plans from an optimiser) adds a builder in decisionCards.ts.
 */
export interface DecisionCard {
  /** What kind of question ("Policy comparison · Baseline store"). */
  kind: string;
  headline: string;
  verdict: string;
  tone: "good" | "bad" | "neutral";
  figures: readonly DecisionFigure[];
}
