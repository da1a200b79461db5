import { RUN_ARGS } from "./runFlags.ts";
import { WORLDS_ARG } from "./worldsOption.ts";

/** `staff`'s flags: loaded for its --help without the command's own dependencies. */
export const staffArgs = {
  scenario: { type: "positional", description: "scenario file (store or chatOnly)", required: true },
  serviceLevel: { type: "string", description: "minimum share answered within --within seconds in every interval (default 0.8 unless --max-abandon is given)" },
  within: { type: "string", description: "service-level threshold, seconds (default: the scenario's serviceLevelSeconds)" },
  maxAbandon: { type: "string", description: "maximum share of chats giving up in the queue, e.g. 0.05" },
  maxOccupancy: { type: "string", description: "maximum agent occupancy (default 0.85, common WFM practice; 1 switches the cap off)" },
  objective: {
    type: "string",
    description: "target (default: smallest schedule meeting the target) or profit (store: the constant staffing with the highest contribution profit)",
  },
  ...RUN_ARGS,
  shiftHours: { type: "string", description: "round the recommendation up to shifts of this many hours" },
  smoothingHours: {
    type: "string",
    description: "fill dips of the plan shorter than this many hours (default: --shift-hours, else 4; 0 switches smoothing off)",
  },
  minDipSavings: {
    type: "string",
    description: "keep a dip the smoothing would fill when keeping it saves at least this many agent-hours (default: fill every dip)",
  },
  shiftRules: { type: "string", description: "optimal shift plan (MILP) under the rules in this YAML file: lengths, start times, unpaid break, objective" },
  roster: { type: "string", description: "weekly roster of the named agents in this YAML/CSV file (days off, max shifts, consecutive days, rest)" },
  maxIterations: { type: "string", description: "simulation rounds of the search (default 8)" },
  report: { type: "string", description: "also write a self-contained HTML report to this file" },
  csv: { type: "string", description: "write the per-interval plan as tidy CSV to this file" },
  ...WORLDS_ARG,
  levels: { type: "string", description: "with --worlds: constant staffing levels to decide between (scheduled agents, comma-separated), e.g. 2,3,4" },
} as const;
