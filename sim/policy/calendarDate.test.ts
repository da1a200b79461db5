import { describe, expect, it } from "vitest";
import { calendarDateOf, calendarDayNumber, localCalendarDate, weekdayOfDayNumber } from "./calendarDate.ts";

describe("calendar dates", () => {
  it("calendarDayNumber counts days from 1970-01-01 and refuses dates that do not exist", () => {
    expect(calendarDayNumber("1970-01-01")).toBe(0);
    expect(calendarDayNumber("2000-03-01")).toBe(11017);
    expect(calendarDayNumber("2024-02-29")).not.toBeNull();
    // The first allowed year: 70 years of 365 days and 17 leap days (1904 ... 1968) before 1970.
    expect(calendarDayNumber("1900-01-01")).toBe(-(70 * 365 + 17));
    for (const text of [
      "2026-02-29",
      "2026-02-30",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "2026-1-5",
      "1899-12-31",
      "tomorrow",
      "x2026-12-25",
      "2026-12-25x",
    ]) {
      expect(calendarDayNumber(text), text).toBeNull();
    }
  });

  it("calendarDateOf inverts calendarDayNumber", () => {
    for (const text of ["1970-01-01", "2026-12-31", "2027-01-01", "2028-02-29"]) expect(calendarDateOf(calendarDayNumber(text)!)).toBe(text);
  });

  it("weekdayOfDayNumber is Monday first: 1970-01-01 a Thursday, 2026-12-25 a Friday, 2026-12-21 a Monday", () => {
    expect(weekdayOfDayNumber(0)).toBe(3);
    expect(weekdayOfDayNumber(calendarDayNumber("2026-12-25")!)).toBe(4);
    expect(weekdayOfDayNumber(calendarDayNumber("2026-12-21")!)).toBe(0);
    expect(weekdayOfDayNumber(-1)).toBe(2);
  });

  it("localCalendarDate reads the local date, whatever the time zone", () => {
    expect(localCalendarDate(new Date(2026, 11, 25, 23, 59).getTime())).toBe("2026-12-25");
    expect(localCalendarDate(new Date(2027, 0, 1, 0, 0).getTime())).toBe("2027-01-01");
    expect(localCalendarDate(new Date(999, 6, 4, 12, 0).getTime())).toBe("0999-07-04"); // years pad to 4 digits
  });
});
