// The team a roster is built for: named agents with their limits, availability and preferences, and
// the rules every roster keeps. Read from YAML/JSON (`staff --roster FILE`) or a CSV with one agent per row.

import { readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { formatIssues } from "../../scenario/formatIssues.ts";
import { readDataFile } from "../../scenario/readDataFile.ts";
import { ScenarioError } from "../../scenario/ScenarioError.ts";

/** Days of the roster's week, in order. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const weekday = z.enum(WEEKDAYS, { error: `must be a weekday (${WEEKDAYS.join(", ")})` });
const MAX_ROSTER_AGENTS = 500;

const agentSchema = z.strictObject({
  name: z.string().min(1, { error: "must not be empty" }).max(80, { error: "must be at most 80 characters" }),
  maxShiftsPerWeek: z.number().int({ error: "must be an integer" }).min(0, { error: "must be >= 0" }).max(7, { error: "must be <= 7" }).optional(),
  minShiftsPerWeek: z.number().int({ error: "must be an integer" }).min(0, { error: "must be >= 0" }).max(7, { error: "must be <= 7" }).optional(),
  unavailable: z.array(weekday).default([]).describe("days this agent cannot work"),
  prefersOff: z.array(weekday).default([]).describe("days this agent would rather not work (a soft preference)"),
  prefersStartBetween: z
    .tuple([
      z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time HH:MM" }),
      z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: "must be a time HH:MM" }),
    ])
    .optional()
    .describe("preferred start window [from, to] (a soft preference)"),
});

/** The roster file as written. */
export const rosterSchema = z.strictObject({
  rules: z
    .strictObject({
      maxShiftsPerWeek: z.number().int({ error: "must be an integer" }).min(1, { error: "must be >= 1" }).max(7, { error: "must be <= 7" }).default(5),
      minShiftsPerWeek: z.number().int({ error: "must be an integer" }).min(0, { error: "must be >= 0" }).max(7, { error: "must be <= 7" }).default(0),
      maxConsecutiveDays: z.number().int({ error: "must be an integer" }).min(1, { error: "must be >= 1" }).max(7, { error: "must be <= 7" }).default(5),
      minRestHours: z.number({ error: "must be a number of hours" }).min(0, { error: "must be >= 0" }).max(48, { error: "must be <= 48" }).default(11),
    })
    .default({ maxShiftsPerWeek: 5, minShiftsPerWeek: 0, maxConsecutiveDays: 5, minRestHours: 11 }),
  agents: z
    .array(agentSchema)
    .min(1, { error: "must list at least 1 agent" })
    .max(MAX_ROSTER_AGENTS, { error: `must list at most ${MAX_ROSTER_AGENTS} agents` }),
});

/** A roster team as written. */
export type RosterOptions = z.input<typeof rosterSchema>;

/** One agent, resolved: per-agent limits filled from the rules. */
export interface RosterAgent {
  readonly name: string;
  readonly maxShifts: number;
  readonly minShifts: number;
  readonly unavailable: readonly number[];
  readonly prefersOff: readonly number[];
  /** Preferred start window, seconds after midnight; null when none. */
  readonly prefersStart: readonly [number, number] | null;
}

/** The team and rules with every default filled in. */
export interface ResolvedRoster {
  readonly agents: readonly RosterAgent[];
  readonly maxConsecutiveDays: number;
  readonly minRestSeconds: number;
}

const seconds = (time: string) => {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 3600 + minutes! * 60;
};

/**
 * Checks a roster team and fills in per-agent limits; one house-format line per problem.
 *
 * @example
 * resolveRoster({ agents: [{ name: "Ana", unavailable: ["sun"] }] }).agents[0]; // { name: "Ana", maxShifts: 5, minShifts: 0, unavailable: [6], ... }
 */
export function resolveRoster(input: unknown, source = "roster"): ResolvedRoster {
  const parsed = rosterSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues), source);
  const { rules, agents } = parsed.data;
  const problems: string[] = [];
  const names = new Set<string>();
  const resolved = agents.map((agent, i) => {
    if (names.has(agent.name)) problems.push(`invalid agents[${i}].name: ${JSON.stringify(agent.name)} (names must be unique)`);
    names.add(agent.name);
    const maxShifts = agent.maxShiftsPerWeek ?? rules.maxShiftsPerWeek;
    const minShifts = agent.minShiftsPerWeek ?? rules.minShiftsPerWeek;
    if (minShifts > maxShifts) problems.push(`invalid agents[${i}].minShiftsPerWeek: ${minShifts} (must be <= maxShiftsPerWeek ${maxShifts})`);
    if (minShifts > 7 - new Set(agent.unavailable).size)
      problems.push(`invalid agents[${i}].minShiftsPerWeek: ${minShifts} (${agent.name} is available on only ${7 - new Set(agent.unavailable).size} days)`);
    const window = agent.prefersStartBetween;
    if (window !== undefined && seconds(window[0]) >= seconds(window[1]))
      problems.push(`invalid agents[${i}].prefersStartBetween: ${window.join("-")} (from must be before to)`);
    return {
      name: agent.name,
      maxShifts,
      minShifts,
      unavailable: [...new Set(agent.unavailable.map((day) => WEEKDAYS.indexOf(day)))],
      prefersOff: [...new Set(agent.prefersOff.map((day) => WEEKDAYS.indexOf(day)))],
      prefersStart: window === undefined ? null : ([seconds(window[0]), seconds(window[1])] as const),
    };
  });
  if (problems.length > 0) throw new ScenarioError(problems, source);
  return { agents: resolved, maxConsecutiveDays: rules.maxConsecutiveDays, minRestSeconds: rules.minRestHours * 3600 };
}

/**
 * Reads a roster file: YAML/JSON with `rules` and `agents`, or a CSV with a header row naming the
 * agent fields (`name,maxShiftsPerWeek,unavailable,prefersOff`; day lists separated by `;`), whose
 * rules are the defaults.
 */
export function readRoster(path: string): ResolvedRoster {
  if (!path.toLowerCase().endsWith(".csv")) return resolveRoster(readDataFile(path, "roster"), `roster ${path}`);
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError([
      code === "ENOENT" ? `cannot read roster ${path}: no such file` : `invalid roster ${path}: ${(error as Error).message.split("\n")[0]}`,
    ]);
  }
  const list = (text: string | undefined) => (text === undefined || text === "" ? [] : text.split(";").map((day) => day.trim().toLowerCase()));
  const count = (text: string | undefined) => (text === undefined || text === "" ? undefined : Number(text));
  const agents = rows.map((row) => {
    const agent: Record<string, unknown> = { name: row.name ?? "", unavailable: list(row.unavailable), prefersOff: list(row.prefersOff) };
    if (count(row.maxShiftsPerWeek) !== undefined) agent.maxShiftsPerWeek = count(row.maxShiftsPerWeek);
    if (count(row.minShiftsPerWeek) !== undefined) agent.minShiftsPerWeek = count(row.minShiftsPerWeek);
    return agent;
  });
  return resolveRoster({ agents }, `roster ${path}`);
}
