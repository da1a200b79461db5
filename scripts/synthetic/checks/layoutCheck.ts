import type { PersonaObservations } from "../persona/observations.ts";
import type { CheckVerdict } from "../results/checkResults.ts";

/**
 * The layout check of one persona: on every page it reached, the chat widget (open or closed)
 * covered none of the controls a shopper needs there (add to cart, checkout, continue, place
 * order) nor the total, and a panel the persona closed did not open again on a later page.
 * Skipped without a chat widget ("no chat on this store") or without `chat.widget` to look for.
 */
export function layoutCheck(observations: PersonaObservations, hasChat: boolean, widgetNamed: boolean): CheckVerdict {
  const base = { seconds: 0, attempts: 1 };
  if (!hasChat) return { ...base, status: "skipped", reason: "no chat on this store", evidence: [], shot: null };
  if (!widgetNamed) return { ...base, status: "skipped", reason: "the profile names no chat.widget to look for", evidence: [], shot: null };
  const findings = observations.layout;
  if (findings.length === 0) return { ...base, status: "skipped", reason: "no page with a control to look at was reached", evidence: [], shot: null };
  const evidence = findings.map((finding) =>
    finding.reopened
      ? `${finding.step}: the chat panel opened again ✗`
      : `${finding.step}: ${finding.target} ${finding.coveredBy === null ? "clear ✓" : `covered by ${finding.coveredBy} ✗`}`,
  );
  // Covered controls first: they stop a purchase; a reopened panel annoys.
  const problems = [
    ...findings
      .filter((finding) => finding.coveredBy !== null)
      .map((finding) => `${finding.step}: the chat widget ${finding.coveredBy} covers ${finding.target}`),
    ...findings.filter((finding) => finding.reopened).map((finding) => `${finding.step}: the chat panel opened again after the shopper closed it`),
  ];
  if (problems.length > 0) {
    const covered = findings.findIndex((finding) => finding.coveredBy !== null);
    const index = covered >= 0 ? covered : findings.findIndex((finding) => finding.reopened);
    const shot = observations.shotIndex[`layout:${index}`] ?? null;
    return {
      ...base,
      status: "failed",
      reason: problems[0] + (problems.length > 1 ? ` (+${problems.length - 1} more)` : ""),
      evidence: [...problems, ...evidence],
      shot,
    };
  }
  const looked = findings.filter((finding) => !finding.reopened).length;
  return {
    ...base,
    status: "passed",
    reason: `the chat widget covered none of ${looked} control${looked === 1 ? "" : "s"} and totals looked at`,
    evidence,
    shot: null,
  };
}
