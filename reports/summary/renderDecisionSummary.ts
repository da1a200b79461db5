import { html, type SafeHtml } from "../escapeHtml.ts";
import type { DecisionCard } from "./decisionCard.ts";

/** Id of the decision summary (the page's first section). */
export const DECISION_SUMMARY_ID = "decision";

/**
 * The decision summary: one card per results document that answers a decision, laid out to fit the
 * first screen (1280 × 800) above everything else; every figure links to its detail section.
 * Tones come with words and symbols (✓/✗), never colour alone.
 */
export function renderDecisionSummary(cards: readonly DecisionCard[]): SafeHtml | null {
  if (cards.length === 0) return null;
  return html`<section class="decision-summary" id="${DECISION_SUMMARY_ID}" aria-labelledby="${DECISION_SUMMARY_ID}-title">
<h2 id="${DECISION_SUMMARY_ID}-title">Decision summary</h2>
<div class="decision-cards">${cards.map(
    (card) => html`<article class="decision-card tone-${card.tone}">
<p class="decision-kind">${card.kind}</p>
<p class="decision-headline">${card.headline}</p>
<p class="decision-verdict">${card.tone === "good" ? "✓ " : card.tone === "bad" ? "✗ " : ""}${card.verdict}</p>
<dl class="decision-figures">${card.figures.map(
      (figure) =>
        html`<div${figure.tone ? html` class="tone-${figure.tone}"` : null}><dt>${figure.label}</dt><dd><a href="${figure.href}">${figure.value}</a>${figure.detail === undefined ? null : html`<span class="decision-detail">${figure.detail}</span>`}</dd></div>`,
    )}</dl>
</article>`,
  )}</div>
</section>`;
}
