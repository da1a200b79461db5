import type { PersonaObservations } from "../persona/observations.ts";
import type { CheckVerdict, InvitationWindow } from "../results/checkResults.ts";

/**
 * The chat-policy check of one persona: in every idle and exit-intent window the store invited
 * when the policy says it should (within the tolerance) and not when it should not, and the widget
 * ran on every page. `windows` come from predictInvitations.
 */
export function chatPolicyCheck(observations: PersonaObservations, windows: readonly InvitationWindow[], toleranceSeconds: number): CheckVerdict {
  const evidence = windows.map((window) => {
    const predicted =
      window.predictedSeconds === null ? `none (${window.blockedBy ?? "no rule"})` : `${window.predictedSeconds.toFixed(2)} s (${window.predictedRule})`;
    const observed =
      window.observedSeconds === null ? "none" : `${window.observedSeconds.toFixed(2)} s${window.observedRule ? ` (${window.observedRule})` : ""}`;
    return `${window.trigger} on ${window.step} at ${window.startSeconds.toFixed(1)} s, ${window.lengthSeconds.toFixed(1)} s long: predicted ${predicted}, observed ${observed} ${window.agree ? "✓" : "✗"}`;
  });
  evidence.push(...observations.chatProblems);
  // Windows are virtual time (in the evidence); the check itself costs no wall time of its own.
  const seconds = 0;
  const wrong = windows.filter((window) => !window.agree);
  if (wrong.length > 0 || observations.chatProblems.length > 0) {
    const first = wrong[0];
    const reason = first ? first.problem! : observations.chatProblems[0];
    const more = wrong.length + observations.chatProblems.length - 1;
    return {
      status: "failed",
      reason: more > 0 ? `${reason} (+${more} more)` : reason,
      evidence,
      seconds,
      attempts: 1,
      shot: first ? shotFor(observations, first, toleranceSeconds) : null,
    };
  }
  if (windows.length === 0)
    return { status: "passed", reason: "no idle or exit-intent window: nothing to invite, nothing shown", evidence, seconds, attempts: 1, shot: null };
  const fired = windows.filter((window) => window.predictedSeconds !== null).length;
  const errors = windows.map((window) => window.timingErrorSeconds).filter((error): error is number => error !== null);
  const timing = errors.length > 0 ? `, timing error at most ${Math.max(...errors.map(Math.abs)).toFixed(3)} s` : "";
  return {
    status: "passed",
    reason: `${windows.length} window${windows.length === 1 ? "" : "s"}: ${fired} invitation${fired === 1 ? "" : "s"} as predicted, ${windows.length - fired} quiet as predicted${timing}`,
    evidence,
    seconds,
    attempts: 1,
    shot: null,
  };
}

/** The screenshot taken in the window (at the invitation, or when the idle stretch ended). */
function shotFor(observations: PersonaObservations, window: InvitationWindow, toleranceSeconds: number): string | null {
  const visitStart =
    observations.events.find((event) => event.type === "widgetReady")?.at ?? observations.events.find((event) => event.type === "document")?.at ?? 0;
  const from = visitStart + window.startSeconds * 1000;
  const to = from + (window.lengthSeconds + toleranceSeconds) * 1000 + 1;
  const shot = observations.shots.find((candidate) => candidate.at !== null && candidate.at >= from - 1 && candidate.at <= to);
  return shot?.id ?? null;
}
