// Calendar dates as opening hours read them: ISO 8601 `YYYY-MM-DD` strings in the proleptic Gregorian
// calendar, without time zone. Arithmetic goes through UTC day numbers, so it never depends on the
// machine's time zone or daylight-saving changes.

const MILLISECONDS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of an ISO date `YYYY-MM-DD`, or null when the text is not a real calendar date
 * (wrong shape, month 13, 30 February, year before 1900 or after 9999).
 *
 * calendarDayNumber("1970-01-02") // → 1
 * calendarDayNumber("2026-02-30") // → null
 */
export function calendarDayNumber(text: string): number | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const milliseconds = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 30 February over into March: a real date reads back the same day of the month.
  if (new Date(milliseconds).getUTCDate() !== day) return null;
  return milliseconds / MILLISECONDS_PER_DAY;
}

/** The ISO date of day number `dayNumber` (days since 1970-01-01): calendarDateOf(1) → "1970-01-02". */
export function calendarDateOf(dayNumber: number): string {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Weekday of a day number, Monday first (0 = Monday, as in ISO 8601): 1970-01-01 was a Thursday.
 *
 * weekdayOfDayNumber(calendarDayNumber("2026-12-25")!) // → 4 (Friday)
 */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** The local calendar date of a wall-clock time in milliseconds (the store's clock), as `YYYY-MM-DD`. */
export function localCalendarDate(epochMilliseconds: number): string {
  const date = new Date(epochMilliseconds);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${String(date.getFullYear()).padStart(4, "0")}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
