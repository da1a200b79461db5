import { describe, expect, it } from "vitest";
import { isDeskOpen, type OpeningHours, openSeconds, parseOpeningHours, simulationClock, type WrittenOpeningHours, wallClock } from "./openingHours.ts";

// 2026-12-21 is a Monday (ISO calendar): the 24th a Thursday, the 25th a Friday, the 26th a Saturday.
const CHRISTMAS = [
  { date: "2026-12-25", closed: true },
  { date: "2026-12-24", hours: "09:00-13:00" },
  { date: "2026-12-26", hours: ["10:00-12:00", "14:00-15:00"] },
] as const;

const WEEK = {
  monday: "08:00-20:00",
  tuesday: "08:00-20:00",
  wednesday: ["08:00-12:00", "13:00-20:00"],
  thursday: "08:00-20:00",
  friday: "08:00-24:00",
  saturday: "10:00-16:00",
  sunday: "closed",
};

function parsed(written: WrittenOpeningHours, startWeekday = 0, startDate?: string): OpeningHours {
  const result = parseOpeningHours(written, startWeekday, startDate);
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
    expect(wallClock(new Date(2026, 0, 4, 23, 30).getTime())).toEqual({ weekday: 6, secondsOfDay: 23.5 * 3600, date: "2026-01-04" });
    expect(wallClock(new Date(2026, 0, 5, 8, 0, 1).getTime())).toEqual({ weekday: 0, secondsOfDay: 8 * 3600 + 1, date: "2026-01-05" });
  });

  it("openSeconds sums the open time of a window: a whole week of WEEK is 3 × 12 h + 11 h + 16 h + 6 h", () => {
    const hours = parsed(WEEK);
    expect(openSeconds(hours, 0, 7 * 86400)).toBe((3 * 12 + 11 + 16 + 6) * 3600);
    expect(openSeconds(hours, 9 * 3600, 86400 + 9 * 3600)).toBe(11 * 3600 + 3600);
    expect(openSeconds(null, 5, 100)).toBe(95);
  });

  it("parseOpeningHours reads dated exceptions sorted by date: closed is no range, special hours replace the weekday's", () => {
    const hours = parsed({ ...WEEK, exceptions: CHRISTMAS }, 0, "2026-12-21");
    expect(hours.startDate).toBe("2026-12-21");
    expect(hours.exceptions).toEqual([
      { date: "2026-12-24", ranges: [{ fromSeconds: 9 * 3600, toSeconds: 13 * 3600 }] },
      { date: "2026-12-25", ranges: [] },
      {
        date: "2026-12-26",
        ranges: [
          { fromSeconds: 10 * 3600, toSeconds: 12 * 3600 },
          { fromSeconds: 14 * 3600, toSeconds: 15 * 3600 },
        ],
      },
    ]);
  });

  it("parseOpeningHours names the exception, the value and the rule for bad dates, repeated dates, overlaps and closed-with-hours", () => {
    const bad = (exceptions: unknown) => parseOpeningHours({ ...WEEK, exceptions } as WrittenOpeningHours, 0, "2026-12-21");
    expect(bad([{ date: "2026-02-30", closed: true }])).toEqual({ problem: 'exceptions[0].date: "2026-02-30" (must be a calendar date YYYY-MM-DD)' });
    expect(bad([{ date: "25.12.2026", closed: true }])).toEqual({ problem: 'exceptions[0].date: "25.12.2026" (must be a calendar date YYYY-MM-DD)' });
    expect(bad([CHRISTMAS[0], { date: "2026-12-25", hours: "09:00-10:00" }])).toEqual({
      problem: 'exceptions[1].date: "2026-12-25" (written twice; one exception per date)',
    });
    expect(bad([{ date: "2026-12-24", hours: ["09:00-12:00", "11:00-13:00"] }])).toEqual({
      problem: 'exceptions[0].hours: ["09:00-12:00","11:00-13:00"] (ranges must not overlap)',
    });
    expect(bad([{ date: "2026-12-24", hours: "13:00-09:00" }])).toMatchObject({
      problem: expect.stringMatching(/^exceptions\[0\]\.hours: "13:00-09:00" \(must be/),
    });
    expect(bad([{ date: "2026-12-24", closed: true, hours: "09:00-13:00" }])).toMatchObject({
      problem: expect.stringMatching(/^exceptions\[0\]: \{.*\} \(must have either closed: true or hours\)$/),
    });
    expect(bad([{ date: "2026-12-24" }])).toMatchObject({ problem: expect.stringMatching(/^exceptions\[0\]: .* \(must have either closed: true or hours\)$/) });
  });

  it("isDeskOpen reads a dated clock's exception before its weekday; an undated clock reads the week", () => {
    const hours = parsed({ ...WEEK, exceptions: CHRISTMAS }, 0, "2026-12-21");
    // Friday the 25th: the week says 08:00-24:00, the holiday says closed.
    expect(isDeskOpen(hours, { weekday: 4, secondsOfDay: 12 * 3600, date: "2026-12-25" })).toBe(false);
    expect(isDeskOpen(hours, { weekday: 4, secondsOfDay: 12 * 3600 })).toBe(true);
    expect(isDeskOpen(hours, { weekday: 4, secondsOfDay: 12 * 3600, date: "2027-01-01" })).toBe(true);
    // Thursday the 24th: 09:00-13:00 only.
    expect(isDeskOpen(hours, { weekday: 3, secondsOfDay: 8.5 * 3600, date: "2026-12-24" })).toBe(false);
    expect(isDeskOpen(hours, { weekday: 3, secondsOfDay: 9 * 3600, date: "2026-12-24" })).toBe(true);
    expect(isDeskOpen(hours, { weekday: 3, secondsOfDay: 13 * 3600, date: "2026-12-24" })).toBe(false);
  });

  it("simulationClock dates simulated days from startDate, across a month and a year end", () => {
    const hours = parsed(WEEK, 0, "2026-12-21");
    expect(simulationClock(hours, 4 * 86400 + 60)).toEqual({ weekday: 4, secondsOfDay: 60, date: "2026-12-25" });
    expect(simulationClock(hours, 11 * 86400)).toEqual({ weekday: 4, secondsOfDay: 0, date: "2027-01-01" });
  });

  it("openSeconds over the Christmas week: the week less Friday's 16 h, Thursday 12 h → 4 h, Saturday 6 h → 3 h", () => {
    const hours = parsed({ ...WEEK, exceptions: CHRISTMAS }, 0, "2026-12-21");
    const week = (3 * 12 + 11 + 16 + 6) * 3600;
    expect(openSeconds(hours, 0, 7 * 86400)).toBe(week - 16 * 3600 - (12 - 4) * 3600 - (6 - 3) * 3600);
    // Undated (no startDate): the exceptions never apply.
    expect(openSeconds(parsed({ ...WEEK, exceptions: CHRISTMAS }, 0), 0, 7 * 86400)).toBe(week);
  });
  it("parseOpeningHours lists every allowed key in the problem for an unknown one", () => {
    expect(parseOpeningHours({ ...WEEK, funday: "closed" }, 0)).toEqual({
      problem: 'funday: "closed" (must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday, exceptions)',
    });
  });

  it("parseOpeningHours takes ranges that touch (from inclusive, to exclusive) and sorts a day's ranges", () => {
    // 12:00 ends the first range and starts the second: half-open ranges do not overlap there.
    expect(parsed({ ...WEEK, monday: ["12:00-20:00", "08:00-12:00"] }).weekly[0]).toEqual([
      { fromSeconds: 8 * 3600, toSeconds: 12 * 3600 },
      { fromSeconds: 12 * 3600, toSeconds: 20 * 3600 },
    ]);
    // Written late range first, the overlap is still found once the ranges are sorted.
    expect(parseOpeningHours({ ...WEEK, monday: ["11:00-14:00", "08:00-12:00"] }, 0)).toMatchObject({
      problem: expect.stringMatching(/\(ranges must not overlap\)$/),
    });
  });

  it("parseOpeningHours reads minutes up to 59 and the whole day 00:00-24:00, and refuses malformed clock ranges", () => {
    expect(parsed({ ...WEEK, monday: "08:59-20:59" }).weekly[0]).toEqual([{ fromSeconds: 8 * 3600 + 59 * 60, toSeconds: 20 * 3600 + 59 * 60 }]);
    expect(parsed({ ...WEEK, monday: "00:00-24:00" }).weekly[0]).toEqual([{ fromSeconds: 0, toSeconds: 86400 }]);
    for (const text of ["08:60-20:00", "08:00-20:60", "08:00-08:00", "08:00-24:01", "8:00-20:00", "x08:00-20:00", "08:00-20:00x", "08:00 - 20:00"]) {
      expect(parseOpeningHours({ ...WEEK, monday: text }, 0), text).toEqual({
        problem: `monday: ${JSON.stringify(text)} (must be "closed" or a range HH:MM-HH:MM with from before to)`,
      });
    }
  });

  it("parseOpeningHours refuses an exception with closed: false, as the scenario schema does (closed must be true)", () => {
    const result = parseOpeningHours({ ...WEEK, exceptions: [{ date: "2026-12-24", closed: false, hours: "09:00-13:00" }] }, 0, "2026-12-21");
    expect(result).toMatchObject({ problem: expect.stringMatching(/^exceptions\[0\]: .* \(must have either closed: true or hours\)$/) });
  });

  it("isDeskOpen with a dated clock and hours without exceptions reads the week", () => {
    // Friday 2026-12-25 at noon: the week's Friday is 08:00-24:00.
    expect(isDeskOpen(parsed(WEEK), { weekday: 4, secondsOfDay: 12 * 3600, date: "2026-12-25" })).toBe(true);
    expect(openSeconds(parsed(WEEK, 0, "2026-12-21"), 0, 7 * 86400)).toBe((3 * 12 + 11 + 16 + 6) * 3600);
  });

  it("wallClock keeps the milliseconds as a fraction of a second", () => {
    expect(wallClock(new Date(2026, 0, 5, 8, 0, 1, 250).getTime()).secondsOfDay).toBe(8 * 3600 + 1.25);
  });
  it("openSeconds of windows that start on a later day: Tuesday 09:00 to Wednesday 09:00 is 11 h + 1 h, to Tuesday 21:00 11 h", () => {
    expect(openSeconds(parsed(WEEK), 86400 + 9 * 3600, 2 * 86400 + 9 * 3600)).toBe(11 * 3600 + 3600);
    // Tuesday 09:00 to 21:00: the desk closes at 20:00, so 11 h, counted from Tuesday's midnight.
    expect(openSeconds(parsed(WEEK), 86400 + 9 * 3600, 86400 + 21 * 3600)).toBe(11 * 3600);
  });

  it("parseOpeningHours leaves startDate and exceptions out when none are given (missing, as the type documents)", () => {
    expect(Object.keys(parsed(WEEK))).toEqual(["weekly", "startWeekday"]);
  });
});
