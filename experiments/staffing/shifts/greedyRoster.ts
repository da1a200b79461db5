import type { ResolvedRoster } from "./rosterInput.ts";
import { weeklyCapacity } from "./weeklyCapacity.ts";
import type { DailyShift } from "./weeklyRoster.ts";

/** A roster as variable values of the roster program: `y{a}_{d}_{k}` = 1, `unstaffed{d}_{k}` = count. */
export type RosterStart = Map<string, number>;

/**
 * A feasible roster built greedily, as the solver's starting point, the way planners do it by hand:
 * 1. days off first: each agent's working days are at most their weekly maximum and the
 *    consecutive-day limit allows; their days off are placed, as one block where possible, on the
 *    days with the most agents to spare (unavailable days count as days off);
 * 2. then day by day, shifts in order of start time, each to the working agent whose previous
 *    day's shift ended earliest (so early starts follow early starts and the rest rule holds).
 * Every rule is checked against the assignments made so far, which only grow, so the result is a
 * feasible point of the roster program; shifts nobody may take are counted as unstaffed.
 */
export function greedyRoster(shifts: readonly DailyShift[], demand: readonly (readonly number[])[], team: ResolvedRoster): RosterStart {
  const start: RosterStart = new Map();
  const needed = demand.map((row) => row.reduce((sum, count) => sum + count, 0));
  const working = team.agents.map(() => new Array<boolean>(7).fill(false));
  const staffedDays = new Array<number>(7).fill(0);
  team.agents.forEach((agent, a) => {
    const days = weeklyCapacity(agent, team.maxConsecutiveDays);
    // Candidate weeks: a block of 7 − days days off starting at each day; keep the one that works the
    // days with the largest remaining need and respects availability.
    let best: boolean[] | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let first = 0; first < 7; first++) {
      const week = Array.from({ length: 7 }, (_, d) => !agent.unavailable.includes(d) && (d - first + 7) % 7 >= 7 - days);
      const score = week.reduce((sum, works, d) => sum + (works ? needed[d]! - staffedDays[d]! - (agent.prefersOff.includes(d) ? 0.5 : 0) : 0), 0);
      if (score > bestScore) [best, bestScore] = [week, score];
    }
    working[a] = best!;
    best!.forEach((works, d) => {
      works && staffedDays[d]!++;
    });
  });
  const given: (number | null)[][] = team.agents.map(() => new Array<number | null>(7).fill(null));
  const counts = team.agents.map(() => 0);
  const runWith = (a: number, d: number) => {
    let before = 0;
    while (before < 6 && given[a]![(d - before - 1 + 7) % 7] !== null) before++;
    let after = 0;
    while (after < 6 && given[a]![(d + after + 1) % 7] !== null) after++;
    return Math.min(7, before + 1 + after);
  };
  const rested = (a: number, d: number, k: number) => {
    const previous = given[a]![(d + 6) % 7];
    const next = given[a]![(d + 1) % 7];
    if (previous !== null && shifts[k]!.startSeconds + 86_400 - shifts[previous!]!.endSeconds < team.minRestSeconds) return false;
    return next === null || shifts[next!]!.startSeconds + 86_400 - shifts[k]!.endSeconds >= team.minRestSeconds;
  };
  const allowed = (a: number, d: number, k: number) =>
    !team.agents[a]!.unavailable.includes(d) &&
    given[a]![d] === null &&
    counts[a]! < team.agents[a]!.maxShifts &&
    (team.maxConsecutiveDays >= 7 || runWith(a, d) <= team.maxConsecutiveDays) &&
    rested(a, d, k);
  // How early the agent's previous-day shift ended (−1 day when none): earlier ends go first.
  const previousEnd = (a: number, d: number) => {
    const previous = given[a]![(d + 6) % 7];
    return previous === null ? -86_400 : shifts[previous!]!.endSeconds;
  };
  for (let d = 0; d < 7; d++) {
    const order = shifts.map((_, k) => k).sort((x, y) => shifts[x]!.startSeconds - shifts[y]!.startSeconds);
    for (const k of order) {
      for (let copy = 0; copy < demand[d]![k]!; copy++) {
        let chosen = -1;
        // Planned working days first; an agent on a planned day off only when nobody else may.
        for (const planned of [true, false]) {
          team.agents.forEach((_, a) => {
            if (working[a]![d] !== planned || !allowed(a, d, k)) return;
            if (chosen < 0 || previousEnd(a, d) < previousEnd(chosen, d) || (previousEnd(a, d) === previousEnd(chosen, d) && counts[a]! < counts[chosen]!))
              chosen = a;
          });
          if (chosen >= 0) break;
        }
        if (chosen < 0) {
          start.set(`unstaffed${d}_${k}`, (start.get(`unstaffed${d}_${k}`) ?? 0) + 1);
          continue;
        }
        given[chosen]![d] = k;
        counts[chosen]!++;
        start.set(`y${chosen}_${d}_${k}`, 1);
      }
    }
  }
  // Agents under their minimum: the soft shortfall variables take the difference.
  team.agents.forEach((agent, a) => {
    if (agent.minShifts > counts[a]!) start.set(`belowMin${a}`, agent.minShifts - counts[a]!);
  });
  return start;
}
