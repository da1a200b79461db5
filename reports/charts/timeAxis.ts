import { formatClock } from "../../experiments/format/index.ts";

const HOURS_PER_DAY = 24;

/** An x axis in hours since the start of day 1, with ticks and labels that suit the horizon's length. */
export interface TimeAxis {
  domain: [number, number];
  ticks: number[];
  tickFormat: (hours: number) => string;
  /** True when the horizon spans more than one day (labels then name the day). */
  multiDay: boolean;
}

/**
 * One day: a tick every 3 h ("06:00"). Up to 3 days: every 6 h, with the day under each midnight
 * ("00:00\nday 2"). Longer: one tick per day ("day 5"), thinned to at most 14 ticks.
 */
export function timeAxis(totalSeconds: number): TimeAxis {
  const totalHours = Math.max(1, totalSeconds / 3600);
  const days = Math.ceil(totalHours / HOURS_PER_DAY - 1e-9);
  const multiDay = days > 1;
  let step: number;
  if (!multiDay) step = 3;
  else if (days <= 3) step = 6;
  else step = HOURS_PER_DAY * Math.max(1, Math.ceil(days / 14));
  const ticks: number[] = [];
  // The horizon's end is no tick on multi-day axes ("00:00 day 4" of a 3-day run would mislead).
  for (let hour = 0; multiDay ? hour < totalHours - 1e-9 : hour <= totalHours + 1e-9; hour += step) ticks.push(hour);
  const tickFormat = (hours: number): string => {
    const clock = formatClock(hours * 3600);
    if (!multiDay) return hours >= HOURS_PER_DAY ? "24:00" : clock;
    const day = Math.floor(hours / HOURS_PER_DAY + 1e-9) + 1;
    if (step >= HOURS_PER_DAY) return `day ${day}`;
    return hours % HOURS_PER_DAY === 0 ? `${clock}\nday ${day}` : clock;
  };
  return { domain: [0, totalHours], ticks, tickFormat, multiDay };
}
