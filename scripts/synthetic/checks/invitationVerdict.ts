import type { InvitationWindow } from "../results/checkResults.ts";

/** Fills in the verdict: both quiet, or both fired within the tolerance. */
export function verdict(
  window: Omit<InvitationWindow, "timingErrorSeconds" | "agree" | "problem">,
  toleranceSeconds: number,
  nearEnd: boolean,
): InvitationWindow {
  const { predictedSeconds: predicted, observedSeconds: observed, step, trigger } = window;
  const what = trigger === "idle" ? `idle on ${step}` : `exit intent on ${step}`;
  let problem: string | null = null;
  let timingError: number | null = null;
  if (predicted !== null && observed !== null) {
    timingError = round(observed - predicted);
    if (Math.abs(timingError) > toleranceSeconds)
      problem = `${what}: invitation after ${seconds(observed)}, the policy says ${seconds(predicted)} (${window.predictedRule}; tolerance ±${toleranceSeconds} s)`;
  } else if (predicted !== null) {
    problem = `${what}: no invitation, the policy says one after ${seconds(predicted)} (${window.predictedRule}); the shopper stayed ${seconds(window.lengthSeconds)}`;
  } else if (observed !== null && !nearEnd) {
    const earliest = window.earliestSeconds;
    problem =
      earliest !== null && earliest > observed
        ? `${what}: invitation after ${seconds(observed)}, the policy says not before ${seconds(earliest)} (tolerance ±${toleranceSeconds} s)`
        : `${what}: invitation after ${seconds(observed)}, the policy says none (${describeBlock(window.blockedBy)})`;
  }
  const rounded = (value: number | null) => (value === null ? null : round(value));
  return {
    ...window,
    lengthSeconds: round(window.lengthSeconds),
    startSeconds: round(window.startSeconds),
    predictedSeconds: rounded(predicted),
    earliestSeconds: rounded(window.earliestSeconds),
    observedSeconds: rounded(observed),
    timingErrorSeconds: timingError,
    agree: problem === null,
    problem,
  };
}

function describeBlock(blockedBy: string | null): string {
  switch (blockedBy) {
    case "invitation-open":
      return "an invitation is already open";
    case "caps-or-no-rule":
      return "no rule can fire, or caps forbid it";
    case "window-too-short":
      return "no rule fires this early";
    case "not-evaluated":
      return "the back button is not exit intent under this policy";
    case null:
      return "no rule fires";
    default:
      return `blocked by ${blockedBy}`;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}
