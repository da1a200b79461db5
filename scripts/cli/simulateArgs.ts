import { MAX_SESSIONS_ARG } from "./options.ts";
import { QUEUE_ARG } from "./queueArg.ts";
import { WARMUP_DESCRIPTION } from "./warmupOption.ts";
import { WORLDS_ARG } from "./worldsOption.ts";

/** `simulate`'s flags: loaded for its --help without the command's own dependencies. */
export const simulateArgs = {
  scenario: { type: "positional", description: "scenario file (YAML or JSON)", required: true },
  seed: { type: "string", description: "random seed (default: the scenario's seed, else 1)" },
  days: { type: "string", description: "override the horizon in days" },
  warmup: { type: "string", description: WARMUP_DESCRIPTION },
  json: { type: "boolean", description: "print the full results as JSON instead of the summary" },
  out: { type: "string", description: "write the full results as JSON to this file" },
  report: { type: "string", description: "also write a self-contained HTML report to this file" },
  events: { type: "string", description: "write one JSON line per session to this file (JSONL)" },
  funnelCsv: { type: "string", description: "write the run's funnel and chat counts as the CSV calibrate reads (the format export-funnel writes)" },
  chatLift: {
    type: "boolean",
    default: true,
    description: "store scenarios: pair the run with one without the chat desk for the causal chat lift (--no-chat-lift skips it, halving the run time)",
  },
  ...WORLDS_ARG,
  metric: { type: "string", description: "with --worlds: the KPI to summarise and explain (default conversionRate; chat-only serviceLevel)" },
  workers: { type: "string", description: "with --worlds: worker threads (default: one per core)" },
  quiet: { type: "boolean", description: "no closing next: hint, and with --worlds no progress output" },
  queue: { type: "string", description: `with --worlds: ${QUEUE_ARG.queue.description}` },
  maxSessions: MAX_SESSIONS_ARG,
} as const;
