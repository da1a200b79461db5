import { describe, expect, it } from "vitest";
import { coveredIntervals, shiftPatterns } from "./shiftPatterns.ts";
import { resolveShiftRules } from "./shiftRules.ts";

describe("shiftPatterns", () => {
  it("shiftPatterns lists every start × length × break position the rules allow, for every day", () => {
    // 1-hour intervals; 8 h shifts with a 1 h break at least 3 h after the start and 3 h before the end:
    // the break may start at hour 3 or 4 of the shift, so two patterns per start; 2 starts, 2 days.
    const rules = resolveShiftRules(
      { lengthsHours: [4, 8], startTimes: ["06:00", "14:00"], break: { minutes: 60, earliestAfterHours: 3, latestBeforeEndHours: 3, fromShiftHours: 6 } },
      3600,
    );
    const patterns = shiftPatterns(rules, 48);
    expect(patterns).toHaveLength(2 * 2 * (1 + 2));
    expect(patterns.filter((pattern) => pattern.length === 8).map((pattern) => [pattern.start, pattern.breakOffset, pattern.paid])).toEqual([
      [6, 3, 7],
      [6, 4, 7],
      [14, 3, 7],
      [14, 4, 7],
      [30, 3, 7],
      [30, 4, 7],
      [38, 3, 7],
      [38, 4, 7],
    ]);
  });

  it("coveredIntervals skips the break and wraps past the end of the horizon", () => {
    expect(coveredIntervals({ start: 20, length: 8, breakOffset: 3, breakLength: 1, paid: 7 }, 24)).toEqual([20, 21, 22, 0, 1, 2, 3]);
  });
});
