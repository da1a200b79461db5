import type { z } from "zod";
import type { agentsSchema } from "./sharedSchema.ts";

type Schedule = z.output<typeof agentsSchema>["schedule"];

/**
 * Scheduled agents per interval over the whole horizon. Blocks must tile the day from 00:00 to 24:00
 * on interval boundaries; perInterval must give one day or the whole horizon. Problems are pushed to
 * `problems` in house format.
 */
export function resolveSchedule(schedule: Schedule, days: number, intervalMinutes: number, problems: string[]): number[] {
  const perDay = (24 * 60) / intervalMinutes;
  const total = perDay * days;
  if (typeof schedule === "number") return new Array<number>(total).fill(schedule);
  if (!Array.isArray(schedule)) {
    const values = schedule.perInterval;
    if (values.length === total) return [...values];
    if (values.length === perDay) return Array.from({ length: total }, (_, i) => values[i % perDay]);
    problems.push(
      `invalid agents.schedule.perInterval: a list of ${values.length} (must have ${perDay} values (one day) or ${total} (the horizon) for ${intervalMinutes}-minute intervals)`,
    );
    return [];
  }
  const day = new Array<number>(perDay).fill(-1);
  const problemsBefore = problems.length;
  schedule.forEach((block, index) => {
    const from = minutes(block.from);
    const to = minutes(block.to);
    const path = `agents.schedule[${index}]`;
    if (from % intervalMinutes !== 0 || to % intervalMinutes !== 0) {
      problems.push(`invalid ${path}: ${block.from}-${block.to} (must start and end on ${intervalMinutes}-minute interval boundaries)`);
      return;
    }
    if (!(to > from) || to > 1440) {
      problems.push(`invalid ${path}: ${block.from}-${block.to} (must end after it starts, by 24:00)`);
      return;
    }
    for (let i = from / intervalMinutes; i < to / intervalMinutes; i++) {
      if (day[i] >= 0) problems.push(`invalid ${path}: ${block.from}-${block.to} (overlaps another block at ${clock(i * intervalMinutes)})`);
      day[i] = block.agents;
    }
  });
  const gap = day.findIndex((value) => value < 0);
  if (gap >= 0 && problems.length === problemsBefore) {
    problems.push(`invalid agents.schedule: no block covers ${clock(gap * intervalMinutes)} (blocks must cover 00:00-24:00 every day)`);
  }
  return Array.from({ length: total }, (_, i) => Math.max(0, day[i % perDay]));
}

function minutes(time: string): number {
  const [hours, mins] = time.split(":").map(Number);
  return hours * 60 + mins;
}

function clock(totalMinutes: number): string {
  return `${String(Math.floor(totalMinutes / 60)).padStart(2, "0")}:${String(totalMinutes % 60).padStart(2, "0")}`;
}
