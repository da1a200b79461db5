// When the chat desk is open. One definition, read by the simulator (closed: the help button becomes a
// message form and invitations stop) and by the live store and its widget.

/** Weekday names, Monday first: index 0 is Monday, as in ISO 8601. */
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening range of a day in seconds after midnight, `fromSeconds` < `toSeconds` ≤ 86400. */
export interface OpenRange {
  readonly fromSeconds: number;
  readonly toSeconds: number;
}

/**
 * The desk's week: for each weekday (Monday first) its opening ranges in clock time, sorted and not
 * overlapping; an empty list is a closed day. Clock times carry no time zone: the simulator's clock
 * starts at midnight of `startWeekday`, the store reads its own local clock.
 */
export interface OpeningHours {
  readonly weekly: readonly (readonly OpenRange[])[];
  /** Weekday of the simulator's day 0 (0 = Monday). */
  readonly startWeekday: number;
}

/** A moment as opening hours read it: weekday (0 = Monday) and seconds after midnight. */
export interface DeskClock {
  readonly weekday: number;
  readonly secondsOfDay: number;
}

/**
 * True when the desk is open at `clock`: some range of that weekday holds it (from inclusive, to
 * exclusive). `null` hours mean always open.
 *
 * isDeskOpen({weekly: [[{fromSeconds: 28800, toSeconds: 72000}], [], [], [], [], [], []], startWeekday: 0}, {weekday: 0, secondsOfDay: 30000}) // → true
 */
export function isDeskOpen(hours: OpeningHours | null, clock: DeskClock): boolean {
  if (hours === null) return true;
  const ranges = hours.weekly[clock.weekday];
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index];
    if (clock.secondsOfDay >= range.fromSeconds && clock.secondsOfDay < range.toSeconds) return true;
  }
  return false;
}

/** The clock of simulated time `seconds` (0 = midnight of `hours.startWeekday`). */
export function simulationClock(hours: OpeningHours, seconds: number): DeskClock {
  const day = Math.floor(seconds / 86400);
  return { weekday: (hours.startWeekday + day) % 7, secondsOfDay: seconds - day * 86400 };
}

/** The local clock of a wall-clock time in milliseconds (the store's): JavaScript's Sunday-first day made Monday-first. */
export function wallClock(epochMilliseconds: number): DeskClock {
  const date = new Date(epochMilliseconds);
  return {
    weekday: (date.getDay() + 6) % 7,
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
    for (const range of hours.weekly[simulationClock(hours, dayStart).weekday]) {
      total += Math.max(0, Math.min(toSeconds, dayStart + range.toSeconds) - Math.max(fromSeconds, dayStart + range.fromSeconds));
    }
  }
  return total;
}

/**
 * Parses a written week: for each weekday name, "closed", "HH:MM-HH:MM" or a list of them (24:00 =
 * midnight). Every weekday must be written (a missing one is a gap in the table) and ranges of a day
 * must not overlap. Returns the hours, or the first problem as "<path>: <value> (<what is allowed>)".
 *
 * parseOpeningHours({monday: "08:00-20:00", ..., sunday: "closed"}, 0).hours.weekly[0] // → [{fromSeconds: 28800, toSeconds: 72000}]
 */
export function parseOpeningHours(
  written: Readonly<Record<string, string | readonly string[]>>,
  startWeekday: number,
): { hours: OpeningHours } | { problem: string } {
  const weekly: OpenRange[][] = [];
  for (const name of Object.keys(written)) {
    if (!(WEEKDAYS as readonly string[]).includes(name))
      return { problem: `${name}: ${JSON.stringify(written[name])} (must be one of ${WEEKDAYS.join(", ")})` };
  }
  for (const day of WEEKDAYS) {
    const value = written[day];
    if (value === undefined) return { problem: `${day}: missing (every weekday must be written; use "closed" for a closed day)` };
    const texts = typeof value === "string" ? [value] : value;
    const ranges: OpenRange[] = [];
    for (const text of texts) {
      if (text === "closed") continue;
      const range = parseRange(text);
      if (range === null) return { problem: `${day}: ${JSON.stringify(text)} (must be "closed" or a range HH:MM-HH:MM with from before to)` };
      ranges.push(range);
    }
    ranges.sort((a, b) => a.fromSeconds - b.fromSeconds);
    for (let index = 1; index < ranges.length; index++) {
      if (ranges[index].fromSeconds < ranges[index - 1].toSeconds) return { problem: `${day}: ${JSON.stringify(value)} (ranges must not overlap)` };
    }
    weekly.push(ranges);
  }
  return { hours: { weekly, startWeekday } };
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
