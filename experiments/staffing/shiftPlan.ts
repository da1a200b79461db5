import type { ShiftPlan } from "./staffingTypes.ts";

/**
 * Rounds a per-interval requirement (scheduled agents) up to shifts of `shiftHours` that start on
 * interval boundaries. Greedy cover from the left: at the first interval whose coverage is short,
 * start just enough shifts there. For shifts of one fixed length this is optimal (fewest shifts,
 * hence fewest paid hours): any cover needs that many shifts covering the first short interval, and
 * starting them as late as possible covers the most of what remains. A shift that would run past the
 * end of the horizon starts early enough to end with it instead (no shift is cut short).
 *
 * @example
 * shiftPlan([1, 1, 3, 3, 1, 0], 1800, 1, 20)
 * // shifts 00:00 ×1, 01:00 ×3, 02:00 ×1 (the last moved from 02:30 to end with the horizon);
 * // coverage [1, 1, 3, 3, 1, 1], 5 agent-hours
 */
export function shiftPlan(requirement: readonly number[], intervalSeconds: number, shiftHours: number, costPerHour: number): ShiftPlan {
  const length = (shiftHours * 3600) / intervalSeconds;
  if (!Number.isInteger(length) || length < 1) {
    throw new RangeError(`invalid shift hours: ${shiftHours} (must be a whole number of ${intervalSeconds / 60}-minute intervals)`);
  }
  const n = requirement.length;
  const coverage = new Array<number>(n).fill(0);
  const starts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const short = requirement[i] - coverage[i];
    if (short <= 0) continue;
    const start = Math.max(0, Math.min(i, n - length));
    for (let j = start; j < Math.min(n, start + length); j++) coverage[j] += short;
    starts.set(start, (starts.get(start) ?? 0) + short);
  }
  const shifts = [...starts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, agents]) => ({ startSeconds: start * intervalSeconds, endSeconds: Math.min(n, start + length) * intervalSeconds, agents }));
  const agentHours = shifts.reduce((sum, shift) => sum + (shift.agents * (shift.endSeconds - shift.startSeconds)) / 3600, 0);
  const requiredHours = (requirement.reduce((sum, value) => sum + Math.max(0, value), 0) * intervalSeconds) / 3600;
  return { shiftHours, shifts, coverage, agentHours, cost: agentHours * costPerHour, excessAgentHours: agentHours - requiredHours };
}
