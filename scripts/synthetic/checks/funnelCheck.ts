import type { PageProblem, PersonaObservations } from "../persona/observations.ts";
import type { CheckVerdict } from "../results/checkResults.ts";

/**
 * The funnel check of one persona: every page of its script was reached (to the order
 * confirmation, or to where it meant to leave), and no page raised a console error, a page error
 * or a failed request. A step that needed a retry makes the check flaky, with the first attempt's
 * reason in the evidence.
 */
export function funnelCheck(observations: PersonaObservations): CheckVerdict {
  const { failure, visits, problems, spec } = observations;
  const reached = [...new Set(visits.map((visit) => visit.step))];
  const attempts = Math.max(1, failure?.attempts ?? 1, ...visits.map((visit) => visit.attempts));
  const evidence = [
    `reached: ${reached.join(" → ") || "nothing"}`,
    ...problems.map((problem) => `${problem.step}: ${KIND_LABELS[problem.kind]}: ${problem.text}${problem.detail ? ` (${problem.detail})` : ""}`),
  ];
  if (observations.blocked.length > 0)
    evidence.push(
      `blocked ${observations.blocked.length} request${observations.blocked.length === 1 ? "" : "s"} to other origins (${[...new Set(observations.blocked.map((url) => new URL(url).host))].join(", ")})`,
    );
  const retried = visits.filter((visit) => visit.attempts > 1);
  for (const visit of retried) evidence.push(`${visit.step}: passed on attempt ${visit.attempts} (${visit.retryReasons.join("; ")})`);
  const seconds = observations.wallSeconds;
  if (failure !== null) return { status: "failed", reason: failure.reason, evidence, seconds, attempts, shot: failure.screenshot };
  if (problems.length > 0) {
    // What a shopper saw go wrong (a wrong product, a store error) leads; a script error follows.
    const first = problems.find((problem) => problem.kind === "content") ?? problems.find((problem) => problem.kind === "request") ?? problems[0];
    const shot = first.kind === "content" ? (observations.shotIndex["funnel:content"] ?? null) : null;
    return {
      status: "failed",
      reason: `${first.step}: ${first.kind === "request" ? "failed request" : KIND_LABELS[first.kind]}: ${first.text}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ""}`,
      evidence,
      seconds,
      attempts,
      shot,
    };
  }
  const goal = spec.leave === null ? "order placed" + (observations.orderId ? ` (${observations.orderId})` : "") : `left at ${spec.leave.step} as scripted`;
  if (retried.length > 0)
    return { status: "flaky", reason: `${goal}, but ${retried.map((visit) => visit.step).join(", ")} needed a retry`, evidence, seconds, attempts, shot: null };
  return { status: "passed", reason: `${goal}; ${visits.length} pages without errors`, evidence, seconds, attempts, shot: null };
}

const KIND_LABELS: Readonly<Record<PageProblem["kind"], string>> = {
  console: "console error",
  pageError: "page error",
  request: "request",
  content: "wrong page",
};
