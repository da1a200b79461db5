import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemsOf } from "../../scenario/testProblems.ts";
import { readShiftRules, resolveShiftRules } from "./shiftRules.ts";

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

  it("resolveShiftRules: starts every N minutes from midnight, the last one inside the day; the defaults of the break window", () => {
    // Every 90 minutes on half-hour intervals: every third interval, 0..45 (16 starts).
    expect(resolveShiftRules({ startEveryMinutes: 90 }, 1800).startsInDay).toEqual(Array.from({ length: 16 }, (_, i) => 3 * i));
    // Every 5 hours on hourly intervals: 0, 5, 10, 15, 20 (⌈24 ÷ 5⌉ = 5 starts, none past the day).
    expect(resolveShiftRules({ startEveryMinutes: 300 }, 3600).startsInDay).toEqual([0, 5, 10, 15, 20]);
    expect(problems({ startEveryMinutes: 45 })).toEqual(["invalid startEveryMinutes: 0.75 (must be a whole number of the scenario's 30-minute intervals)"]);
    // Times given twice count once, in order.
    expect(resolveShiftRules({ startTimes: ["12:00", "06:00", "12:00"] }, 3600).startsInDay).toEqual([6, 12]);
    // The break's defaults: 2 h after the start, 1.5 h before the end, for shifts of 6 h and more (12 half hours).
    const rules = resolveShiftRules({ lengthsHours: [4, 8], break: { minutes: 60 }, timeLimitSeconds: 5, objective: "absDifference" }, 1800);
    expect(rules.breakRule).toEqual({ length: 2, earliestAfter: 4, latestBeforeEnd: 3, fromLength: 12 });
    expect(rules).toMatchObject({ intervalSeconds: 1800, lengths: [8, 16], objective: "absDifference", timeLimitSeconds: 5 });
    expect(resolveShiftRules({}, 1800).timeLimitSeconds).toBe(30);
    expect(Object.isFrozen(rules)).toBe(true);
  });

  it("resolveShiftRules checks the break's room only in shifts long enough to get one, the whole window included", () => {
    // 2 h + 1 h + 1.5 h = 4.5 h: a 4 h shift has no room, but it is shorter than the 6 h from which shifts get the break.
    expect(problems({ lengthsHours: [4], break: { minutes: 60 } })).toEqual([]);
    expect(problems({ lengthsHours: [4], break: { minutes: 60, fromShiftHours: 4 } })).toEqual([
      "invalid break: a 4 h shift has no room for a 60-minute break 2 h after its start and 1.5 h before its end",
    ]);
    // Exactly enough room: 2 + 1 + 1.5 = 4.5 h.
    expect(problems({ lengthsHours: [4.5], break: { minutes: 60, fromShiftHours: 4 } })).toEqual([]);
    // fromShiftHours rounds up to whole intervals: 4.1 h is 9 half hours, so a 4.5 h shift (9) gets the break and has room.
    expect(resolveShiftRules({ lengthsHours: [4.5], break: { minutes: 60, fromShiftHours: 4.1 } }, 1800).breakRule!.fromLength).toBe(9);
    expect(problems({ break: { minutes: 45 } })).toEqual(["invalid break.minutes: 0.75 (must be a whole number of the scenario's 30-minute intervals)"]);
    expect(problems({ break: { minutes: 60, earliestAfterHours: 1.25 } })).toEqual([
      "invalid break.earliestAfterHours: 1.25 (must be a whole number of the scenario's 30-minute intervals)",
    ]);
    expect(problems({ break: { minutes: 60, latestBeforeEndHours: 0.2 } })).toEqual([
      "invalid break.latestBeforeEndHours: 0.2 (must be a whole number of the scenario's 30-minute intervals)",
    ]);
  });

  it("readShiftRules: the defaults without a file; a file's problems name the file", () => {
    expect(readShiftRules(undefined, 3600)).toMatchObject({ lengths: [8], startsInDay: Array.from({ length: 24 }, (_, i) => i), breakRule: null });
    const dir = mkdtempSync(join(tmpdir(), "shift-rules-"));
    const path = join(dir, "rules.yaml");
    writeFileSync(path, "lengthsHours: [6, 10]\n");
    expect(readShiftRules(path, 3600).lengths).toEqual([6, 10]);
    writeFileSync(path, "lengthsHours: [6.5]\n");
    expect(() => readShiftRules(path, 3600)).toThrow(
      `shift rules ${path}:\n  invalid lengthsHours[0]: 6.5 (must be a whole number of the scenario's 60-minute intervals)`,
    );
    expect(() => resolveShiftRules({ lengthsHours: [6], break: { minutes: 60, earliestAfterHours: 3, latestBeforeEndHours: 3 } }, 3600)).toThrow(
      /^shift rules:\n {2}invalid break: a 6 h shift/,
    );
  });
});
