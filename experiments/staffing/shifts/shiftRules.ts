// What a planner may say about shifts: allowed lengths, allowed start times, an unpaid break window
// and the objective. Read from a YAML/JSON file (`staff --shift-rules FILE`) or given in code.
import { z } from "zod";
import { formatIssues } from "../../scenario/formatIssues.ts";
import { readDataFile } from "../../scenario/readDataFile.ts";
import { ScenarioError } from "../../scenario/ScenarioError.ts";

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time HH:MM" });

/** The rules as written (file or code). */
export const shiftRulesSchema = z
  .strictObject({
    lengthsHours: z
      .array(z.number({ error: "must be a number of hours" }).gt(0, { error: "must be > 0" }).max(24, { error: "must be <= 24" }))
      .min(1, { error: "must list at least 1 length" })
      .max(12, { error: "must list at most 12 lengths" })
      .default([8])
      .describe("allowed shift lengths, hours, break included"),
    startTimes: z
      .array(clockTime)
      .min(1, { error: "must list at least 1 time" })
      .optional()
      .describe("allowed start times of day (HH:MM); default: every startEveryMinutes"),
    startEveryMinutes: z
      .number({ error: "must be a number of minutes" })
      .int({ error: "must be an integer" })
      .min(15, { error: "must be >= 15" })
      .max(1440, { error: "must be <= 1440" })
      .optional()
      .describe("shifts may start every N minutes (default: every interval)"),
    break: z
      .strictObject({
        minutes: z
          .number({ error: "must be a number of minutes" })
          .int({ error: "must be an integer" })
          .min(15, { error: "must be >= 15" })
          .max(120, { error: "must be <= 120" }),
        earliestAfterHours: z.number({ error: "must be a number of hours" }).min(0, { error: "must be >= 0" }).default(2),
        latestBeforeEndHours: z.number({ error: "must be a number of hours" }).min(0, { error: "must be >= 0" }).default(1.5),
        fromShiftHours: z
          .number({ error: "must be a number of hours" })
          .min(0, { error: "must be >= 0" })
          .default(6)
          .describe("shifts at least this long get the break"),
      })
      .optional()
      .describe("one unpaid break per shift, placed by the solver inside its window"),
    objective: z
      .enum(["cost", "absDifference"], { error: "must be cost or absDifference" })
      .default("cost")
      .describe("cost: cheapest plan covering every interval; absDifference: least total |scheduled - required| (may leave gaps)"),
    timeLimitSeconds: z.number({ error: "must be a number of seconds" }).gt(0, { error: "must be > 0" }).max(3600, { error: "must be <= 3600" }).default(30),
  })
  .describe("shift rules for the optimal shift plan");

/** Shift rules as a user writes them. */
export type ShiftRulesOptions = z.input<typeof shiftRulesSchema>;

/** Shift rules with every default filled in, in intervals of the staffing horizon. */
export interface ResolvedShiftRules {
  readonly intervalSeconds: number;
  /** Allowed lengths, intervals. */
  readonly lengths: readonly number[];
  /** Allowed start offsets within a day, intervals. */
  readonly startsInDay: readonly number[];
  readonly breakRule: { readonly length: number; readonly earliestAfter: number; readonly latestBeforeEnd: number; readonly fromLength: number } | null;
  readonly objective: "cost" | "absDifference";
  readonly timeLimitSeconds: number;
}

function wholeIntervals(hours: number, intervalSeconds: number, what: string, source: string): number {
  const intervals = (hours * 3600) / intervalSeconds;
  if (!Number.isInteger(intervals))
    throw new ScenarioError([`invalid ${what}: ${hours} (must be a whole number of the scenario's ${intervalSeconds / 60}-minute intervals)`], source);
  return intervals;
}

/**
 * Checks the rules against the staffing interval and turns hours and clock times into intervals.
 * Every problem is one house-format line in a ScenarioError.
 *
 * @example
 * resolveShiftRules({ lengthsHours: [4, 8] }, 1800).lengths; // [8, 16]
 */
export function resolveShiftRules(options: unknown, intervalSeconds: number, source = "shift rules"): ResolvedShiftRules {
  const parsed = shiftRulesSchema.safeParse(options ?? {}, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues), source);
  const rules = parsed.data;
  const perDay = 86_400 / intervalSeconds;
  const lengths = [...new Set(rules.lengthsHours.map((hours, i) => wholeIntervals(hours, intervalSeconds, `lengthsHours[${i}]`, source)))].sort(
    (a, b) => a - b,
  );
  let startsInDay: number[];
  if (rules.startTimes !== undefined) {
    startsInDay = rules.startTimes.map((time, i) => {
      const [hours, minutes] = time.split(":").map(Number);
      return wholeIntervals(hours! + minutes! / 60, intervalSeconds, `startTimes[${i}]`, source);
    });
  } else {
    const every = rules.startEveryMinutes === undefined ? 1 : wholeIntervals(rules.startEveryMinutes / 60, intervalSeconds, "startEveryMinutes", source);
    startsInDay = Array.from({ length: Math.ceil(perDay / every) }, (_, i) => i * every);
  }
  startsInDay = [...new Set(startsInDay)].sort((a, b) => a - b);
  let breakRule: ResolvedShiftRules["breakRule"] = null;
  if (rules.break !== undefined) {
    const length = wholeIntervals(rules.break.minutes / 60, intervalSeconds, "break.minutes", source);
    const earliestAfter = wholeIntervals(rules.break.earliestAfterHours, intervalSeconds, "break.earliestAfterHours", source);
    const latestBeforeEnd = wholeIntervals(rules.break.latestBeforeEndHours, intervalSeconds, "break.latestBeforeEndHours", source);
    const fromLength = Math.ceil((rules.break.fromShiftHours * 3600) / intervalSeconds);
    for (const shiftLength of lengths) {
      if (shiftLength >= fromLength && earliestAfter + length + latestBeforeEnd > shiftLength) {
        throw new ScenarioError(
          [
            `invalid break: a ${(shiftLength * intervalSeconds) / 3600} h shift has no room for a ${rules.break.minutes}-minute break ${rules.break.earliestAfterHours} h after its start and ${rules.break.latestBeforeEndHours} h before its end`,
          ],
          source,
        );
      }
    }
    breakRule = { length, earliestAfter, latestBeforeEnd, fromLength };
  }
  return Object.freeze({ intervalSeconds, lengths, startsInDay, breakRule, objective: rules.objective, timeLimitSeconds: rules.timeLimitSeconds });
}

/** Reads and resolves a shift-rules file (YAML or JSON); without a path, the default rules. */
export function readShiftRules(path: string | undefined, intervalSeconds: number): ResolvedShiftRules {
  if (path === undefined) return resolveShiftRules({}, intervalSeconds);
  return resolveShiftRules(readDataFile(path, "shift rules"), intervalSeconds, `shift rules ${path}`);
}
