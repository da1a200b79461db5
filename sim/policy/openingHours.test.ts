import { describe, expect, it } from "vitest";
import { isDeskOpen, type OpeningHours, openSeconds, parseOpeningHours, simulationClock, wallClock } from "./openingHours.ts";

const WEEK = {
  monday: "08:00-20:00",
  tuesday: "08:00-20:00",
  wednesday: ["08:00-12:00", "13:00-20:00"],
  thursday: "08:00-20:00",
  friday: "08:00-24:00",
  saturday: "10:00-16:00",
  sunday: "closed",
};

function parsed(written: Record<string, string | string[]>, startWeekday = 0): OpeningHours {
  const result = parseOpeningHours(written, startWeekday);
  if (!("hours" in result)) throw new Error(result.problem);
  return result.hours;
}

describe("opening hours", () => {
  it("parseOpeningHours reads clock ranges as seconds after midnight, Monday first", () => {
    const hours = parsed(WEEK);
    expect(hours.weekly[0]).toEqual([{ fromSeconds: 8 * 3600, toSeconds: 20 * 3600 }]);
    expect(hours.weekly[2]).toEqual([
      { fromSeconds: 8 * 3600, toSeconds: 12 * 3600 },
      { fromSeconds: 13 * 3600, toSeconds: 20 * 3600 },
    ]);
    expect(hours.weekly[4]).toEqual([{ fromSeconds: 8 * 3600, toSeconds: 86400 }]);
    expect(hours.weekly[6]).toEqual([]);
  });

  it("parseOpeningHours names the day, the value and the rule for overlaps, gaps and bad ranges", () => {
    expect(parseOpeningHours({ ...WEEK, monday: ["08:00-12:00", "11:00-14:00"] }, 0)).toEqual({
      problem: 'monday: ["08:00-12:00","11:00-14:00"] (ranges must not overlap)',
    });
    const { sunday: _, ...gap } = WEEK;
    expect(parseOpeningHours(gap, 0)).toMatchObject({ problem: expect.stringMatching(/^sunday: missing \(every weekday must be written/) });
    expect(parseOpeningHours({ ...WEEK, monday: "20:00-08:00" }, 0)).toMatchObject({
      problem: expect.stringMatching(/^monday: "20:00-08:00" \(must be "closed" or a range/),
    });
    expect(parseOpeningHours({ ...WEEK, funday: "closed" }, 0)).toMatchObject({ problem: expect.stringMatching(/^funday: "closed" \(must be one of monday/) });
  });

  it("isDeskOpen holds from the opening time (inclusive) to the closing time (exclusive); null hours are always open", () => {
    const hours = parsed(WEEK);
    expect(isDeskOpen(hours, { weekday: 0, secondsOfDay: 8 * 3600 - 1 })).toBe(false);
    expect(isDeskOpen(hours, { weekday: 0, secondsOfDay: 8 * 3600 })).toBe(true);
    expect(isDeskOpen(hours, { weekday: 0, secondsOfDay: 20 * 3600 })).toBe(false);
    expect(isDeskOpen(hours, { weekday: 2, secondsOfDay: 12.5 * 3600 })).toBe(false);
    expect(isDeskOpen(hours, { weekday: 6, secondsOfDay: 12 * 3600 })).toBe(false);
    expect(isDeskOpen(null, { weekday: 6, secondsOfDay: 0 })).toBe(true);
  });

  it("simulationClock starts at midnight of startWeekday and wraps after Sunday", () => {
    const hours = parsed(WEEK, 5);
    expect(simulationClock(hours, 0)).toEqual({ weekday: 5, secondsOfDay: 0 });
    expect(simulationClock(hours, 2 * 86400 + 60)).toEqual({ weekday: 0, secondsOfDay: 60 });
  });

  it("wallClock reads the local weekday and time, Monday first", () => {
    // 2026-01-04 was a Sunday, 2026-01-05 a Monday (local time, whatever the time zone).
    expect(wallClock(new Date(2026, 0, 4, 23, 30).getTime())).toEqual({ weekday: 6, secondsOfDay: 23.5 * 3600 });
    expect(wallClock(new Date(2026, 0, 5, 8, 0, 1).getTime())).toEqual({ weekday: 0, secondsOfDay: 8 * 3600 + 1 });
  });

  it("openSeconds sums the open time of a window: a whole week of WEEK is 3 × 12 h + 11 h + 16 h + 6 h", () => {
    const hours = parsed(WEEK);
    expect(openSeconds(hours, 0, 7 * 86400)).toBe((3 * 12 + 11 + 16 + 6) * 3600);
    expect(openSeconds(hours, 9 * 3600, 86400 + 9 * 3600)).toBe(11 * 3600 + 3600);
    expect(openSeconds(null, 5, 100)).toBe(95);
  });
});
