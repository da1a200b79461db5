import type { RosterAgent } from "./rosterInput.ts";

/**
 * Most shifts one agent can work in a repeating week: the weekly maximum, the days available, and the
 * consecutive-day limit C (every window of C + 1 days has a day off, so at most ⌊7C / (C + 1)⌋ days).
 * `relaxed` drops the named limits, as the roster's diagnosis does.
 */
export function weeklyCapacity(agent: RosterAgent, maxConsecutiveDays: number, relaxed: ReadonlySet<string> = new Set()): number {
  const available = relaxed.has("unavailable") ? 7 : 7 - agent.unavailable.length;
  const consecutive = relaxed.has("maxConsecutiveDays") || maxConsecutiveDays >= 7 ? 7 : Math.floor((7 * maxConsecutiveDays) / (maxConsecutiveDays + 1));
  return Math.min(relaxed.has("maxShiftsPerWeek") ? 7 : agent.maxShifts, available, consecutive);
}
