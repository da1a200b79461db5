// When the chat desk is open. One definition, read by the simulator (closed: the help button becomes a
// message form and invitations stop) and by the live store and its widget.

import { calendarDateOf, calendarDayNumber, localCalendarDate } from "./calendarDate.ts";

/** Weekday names, Monday first: index 0 is Monday, as in ISO 8601. */
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening range of a day in seconds after midnight, `fromSeconds` < `toSeconds` ≤ 86400. */
export interface OpenRange {
  readonly fromSeconds: number;
  readonly toSeconds: number;
}

/** A dated exception to the week (a holiday or special hours): that date's ranges replace its weekday's. */
export interface OpeningException {
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  /** The day's opening ranges, sorted and not overlapping; empty: closed all day. */
  readonly ranges: readonly OpenRange[];
}

/**
 * The desk's week: for each weekday (Monday first) its opening ranges in clock time, sorted and not
 * overlapping; an empty list is a closed day. Dated exceptions replace a date's weekday ranges.
 * Clock times carry no time zone: the simulator's clock starts at midnight of `startWeekday` (of
 * `startDate` when the scenario dates its day 0), the store reads its own local clock and date.
 */
export interface OpeningHours {
  readonly weekly: readonly (readonly OpenRange[])[];
  /** Weekday of the simulator's day 0 (0 = Monday). */
  readonly startWeekday: number;
  /** Calendar date of the simulator's day 0 (`YYYY-MM-DD`); without it no simulated day has a date and exceptions never apply. */
  readonly startDate?: string;
  /** Dated exceptions, one per date, sorted by date (missing: none). */
  readonly exceptions?: readonly OpeningException[];
}

/** A moment as opening hours read it: weekday (0 = Monday), seconds after midnight and, when known, the date. */
export interface DeskClock {
  readonly weekday: number;
  readonly secondsOfDay: number;
  /** ISO date `YYYY-MM-DD` of the moment; missing: undated (only the weekly table applies). */
  readonly date?: string;
}

/** The ranges that hold on the day of `clock`: its date's exception if there is one, else its weekday's. */
export function openRangesOn(hours: OpeningHours, clock: DeskClock): readonly OpenRange[] {
  if (clock.date !== undefined && hours.exceptions !== undefined) {
    for (const exception of hours.exceptions) if (exception.date === clock.date) return exception.ranges;
  }
  return hours.weekly[clock.weekday];
}

/**
 * True when the desk is open at `clock`: some range of that weekday holds it (from inclusive, to
 * exclusive). `null` hours mean always open.
 *
 * isDeskOpen({weekly: [[{fromSeconds: 28800, toSeconds: 72000}], [], [], [], [], [], []], startWeekday: 0}, {weekday: 0, secondsOfDay: 30000}) // → true
 */
export function isDeskOpen(hours: OpeningHours | null, clock: DeskClock): boolean {
  if (hours === null) return true;
  const ranges = openRangesOn(hours, clock);
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index];
    if (clock.secondsOfDay >= range.fromSeconds && clock.secondsOfDay < range.toSeconds) return true;
  }
  return false;
}

/** The clock of simulated time `seconds` (0 = midnight of `hours.startWeekday`, dated from `hours.startDate` when given). */
export function simulationClock(hours: OpeningHours, seconds: number): DeskClock {
  const day = Math.floor(seconds / 86400);
  const clock = { weekday: (hours.startWeekday + day) % 7, secondsOfDay: seconds - day * 86400 };
  if (hours.startDate === undefined) return clock;
  return { ...clock, date: calendarDateOf(calendarDayNumber(hours.startDate)! + day) };
}

/** The local clock and date of a wall-clock time in milliseconds (the store's): JavaScript's Sunday-first day made Monday-first. */
export function wallClock(epochMilliseconds: number): DeskClock {
  const date = new Date(epochMilliseconds);
  return {
    weekday: (date.getDay() + 6) % 7,
    date: localCalendarDate(epochMilliseconds),
    secondsOfDay: date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds() + date.getMilliseconds() / 1000,
  };
}

/**
 * Seconds the desk is open within simulated [0, `horizonSeconds`), `null` hours: all of it. Closed
 * forms use it: expected chats offered = rate × open seconds for a constant rate.
 */
export function openSeconds(hours: OpeningHours | null, fromSeconds: number, toSeconds: number): number {
  if (hours === null) return toSeconds - fromSeconds;
  let total = 0;
  for (let dayStart = Math.floor(fromSeconds / 86400) * 86400; dayStart < toSeconds; dayStart += 86400) {
    for (const range of openRangesOn(hours, simulationClock(hours, dayStart))) {
      total += Math.max(0, Math.min(toSeconds, dayStart + range.toSeconds) - Math.max(fromSeconds, dayStart + range.fromSeconds));
    }
  }
  return total;
}

/** A dated exception as written: `{date, closed: true}` or `{date, hours}` (hours as a weekday is written). */
export interface WrittenOpeningException {
  readonly date: string;
  readonly closed?: boolean;
  readonly hours?: string | readonly string[];
}

/** The desk's week as written: every weekday name, and optionally dated `exceptions`. */
export type WrittenOpeningHours = Readonly<Record<string, unknown>> & { readonly exceptions?: readonly WrittenOpeningException[] };

/**
 * Parses a written week: for each weekday name, "closed", "HH:MM-HH:MM" or a list of them (24:00 =
 * midnight), and optionally `exceptions`, dated closures and special hours that replace their date's
 * weekday ranges. Every weekday must be written (a missing one is a gap in the table), ranges of a day
 * must not overlap, each exception names a real calendar date once and is either `closed: true` or has
 * `hours`. `startDate` (ISO date of the simulator's day 0) dates the simulated days. Returns the hours,
 * or the first problem as "<path>: <value> (<what is allowed>)".
 *
 * parseOpeningHours({monday: "08:00-20:00", ..., sunday: "closed"}, 0).hours.weekly[0] // → [{fromSeconds: 28800, toSeconds: 72000}]
 * parseOpeningHours({...week, exceptions: [{date: "2026-12-25", closed: true}]}, 0, "2026-12-21").hours.exceptions // → [{date: "2026-12-25", ranges: []}]
 */
export function parseOpeningHours(written: WrittenOpeningHours, startWeekday: number, startDate?: string): { hours: OpeningHours } | { problem: string } {
  const weekly: (readonly OpenRange[])[] = [];
  for (const name of Object.keys(written)) {
    if (name !== "exceptions" && !(WEEKDAYS as readonly string[]).includes(name))
      return { problem: `${name}: ${JSON.stringify(written[name])} (must be one of ${WEEKDAYS.join(", ")}, exceptions)` };
  }
  for (const day of WEEKDAYS) {
    const value = written[day] as string | readonly string[] | undefined;
    if (value === undefined) return { problem: `${day}: missing (every weekday must be written; use "closed" for a closed day)` };
    const ranges = parseDay(day, value);
    if ("problem" in ranges) return ranges;
    weekly.push(ranges.ranges);
  }
  const exceptions: OpeningException[] = [];
  for (const [index, exception] of (written.exceptions ?? []).entries()) {
    const path = `exceptions[${index}]`;
    if (calendarDayNumber(exception.date) === null) return { problem: `${path}.date: ${JSON.stringify(exception.date)} (must be a calendar date YYYY-MM-DD)` };
    if (exceptions.some((earlier) => earlier.date === exception.date))
      return { problem: `${path}.date: ${JSON.stringify(exception.date)} (written twice; one exception per date)` };
    if ((exception.closed === true) === (exception.hours !== undefined) || exception.closed === false)
      return { problem: `${path}: ${JSON.stringify(exception)} (must have either closed: true or hours)` };
    const ranges = exception.hours === undefined ? { ranges: [] } : parseDay(`${path}.hours`, exception.hours);
    if ("problem" in ranges) return ranges;
    exceptions.push({ date: exception.date, ranges: ranges.ranges });
  }
  exceptions.sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    hours: {
      weekly,
      startWeekday,
      ...(startDate === undefined ? {} : { startDate }),
      ...(written.exceptions === undefined ? {} : { exceptions }),
    },
  };
}

/** One day's written ranges, sorted; the problem names `path` when a range is malformed or two overlap. */
function parseDay(path: string, value: string | readonly string[]): { ranges: readonly OpenRange[] } | { problem: string } {
  const texts = typeof value === "string" ? [value] : value;
  const ranges: OpenRange[] = [];
  for (const text of texts) {
    if (text === "closed") continue;
    const range = parseRange(text);
    if (range === null) return { problem: `${path}: ${JSON.stringify(text)} (must be "closed" or a range HH:MM-HH:MM with from before to)` };
    ranges.push(range);
  }
  ranges.sort((a, b) => a.fromSeconds - b.fromSeconds);
  for (let index = 1; index < ranges.length; index++) {
    if (ranges[index].fromSeconds < ranges[index - 1].toSeconds) return { problem: `${path}: ${JSON.stringify(value)} (ranges must not overlap)` };
  }
  return { ranges };
}

function parseRange(text: string): OpenRange | null {
  const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(text);
  if (match === null) return null;
  const [fromHours, fromMinutes, toHours, toMinutes] = match.slice(1).map(Number);
  if (fromMinutes > 59 || toMinutes > 59) return null;
  const fromSeconds = fromHours * 3600 + fromMinutes * 60;
  const toSeconds = toHours * 3600 + toMinutes * 60;
  return fromSeconds < toSeconds && toSeconds <= 86400 ? { fromSeconds, toSeconds } : null;
}
