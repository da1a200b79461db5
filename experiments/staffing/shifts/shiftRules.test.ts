import { describe, expect, it } from "vitest";
import { problemsOf } from "../../scenario/testProblems.ts";
import { resolveShiftRules } from "./shiftRules.ts";

const problems = (input: unknown, intervalSeconds = 1800): readonly string[] => problemsOf(() => resolveShiftRules(input, intervalSeconds));

describe("resolveShiftRules", () => {
  it("resolveShiftRules({}) allows 8 h shifts starting at every interval, objective cost, no break", () => {
    const rules = resolveShiftRules({}, 1800);
    expect(rules.lengths).toEqual([16]);
    expect(rules.startsInDay).toHaveLength(48);
    expect(rules.breakRule).toBeNull();
    expect(rules.objective).toBe("cost");
  });

  it("resolveShiftRules turns hours, clock times and the break window into intervals", () => {
    const rules = resolveShiftRules(
      { lengthsHours: [8, 4, 8], startTimes: ["09:00", "06:30"], break: { minutes: 30, earliestAfterHours: 2, latestBeforeEndHours: 1.5 } },
      1800,
    );
    expect(rules.lengths).toEqual([8, 16]);
    expect(rules.startsInDay).toEqual([13, 18]);
    expect(rules.breakRule).toEqual({ length: 1, earliestAfter: 4, latestBeforeEnd: 3, fromLength: 12 });
  });

  it("resolveShiftRules names the field for lengths, times and breaks that do not fit the interval", () => {
    expect(problems({ lengthsHours: [7.25] })).toEqual(["invalid lengthsHours[0]: 7.25 (must be a whole number of the scenario's 30-minute intervals)"]);
    expect(problems({ startTimes: ["06:15"] })).toEqual(["invalid startTimes[0]: 6.25 (must be a whole number of the scenario's 30-minute intervals)"]);
    expect(problems({ startTimes: ["6am"] })).toEqual(['invalid startTimes[0]: "6am" (must be a time HH:MM)']);
    expect(problems({ lengthsHours: [6], break: { minutes: 60, earliestAfterHours: 3, latestBeforeEndHours: 3 } })[0]).toMatch(
      /^invalid break: a 6 h shift has no room for a 60-minute break/,
    );
    expect(problems({ objective: "cheap" })).toEqual(['invalid objective: "cheap" (allowed: cost, absDifference)']);
    expect(problems({ lenghtsHours: [8] })[0]).toMatch(/^invalid lenghtsHours: unknown key/);
  });
});
