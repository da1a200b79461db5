import type { ConformanceRow, InvitationWindow } from "../results/checkResults.ts";

/**
 * Predicted vs observed invitations per step and trigger kind over all personas: how many windows,
 * how many invitations each side has, fire rates (invitations ÷ windows), and the timing error of
 * the invitations both sides agree happened. A row agrees when every window in it agrees.
 */
export function policyConformance(windows: readonly InvitationWindow[]): ConformanceRow[] {
  const groups = new Map<string, InvitationWindow[]>();
  for (const window of windows) {
    const key = `${window.step}\u0000${window.trigger}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [window]);
    else group.push(window);
  }
  return [...groups.values()].map((group) => {
    const predictedFires = group.filter((window) => window.predictedSeconds !== null).length;
    const observedFires = group.filter((window) => window.observedSeconds !== null).length;
    const errors = group.map((window) => window.timingErrorSeconds).filter((error): error is number => error !== null);
    const rules = [...new Set(group.flatMap((window) => [window.predictedRule, window.observedRule]).filter((rule): rule is string => rule !== null))].sort();
    return {
      step: group[0].step,
      trigger: group[0].trigger,
      rules,
      windows: group.length,
      predictedFires,
      observedFires,
      predictedFireRate: predictedFires / group.length,
      observedFireRate: observedFires / group.length,
      meanTimingErrorSeconds: errors.length === 0 ? null : round(errors.reduce((sum, error) => sum + error, 0) / errors.length),
      maxTimingErrorSeconds: errors.length === 0 ? null : round(Math.max(...errors.map(Math.abs))),
      agree: group.every((window) => window.agree),
    };
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
