import type { QueueTarget } from "../../experiments/distributed/index.ts";
import { defaultWorkers } from "../../experiments/parallel/index.ts";
import { integerOption, MAX_SESSIONS_ARG, maxSessionsOption, seedOption } from "./options.ts";
import { QUEUE_ARG, queueOption } from "./queueOption.ts";
import { WARMUP_DESCRIPTION, warmupOption } from "./warmupOption.ts";

/** Replications when a command is not told otherwise. */
export const DEFAULT_REPLICATIONS = 10;

/** Flags shared by the commands that run many replications (replicate, compare, staff). */
export const RUN_ARGS = {
  replications: { type: "string", description: `replications (default ${DEFAULT_REPLICATIONS})` },
  seed: { type: "string", description: "random seed (default: the scenario's, else 1)" },
  days: { type: "string", description: "override the horizon in days" },
  warmup: { type: "string", description: WARMUP_DESCRIPTION },
  workers: { type: "string", description: "worker threads (default: one per core)" },
  failFast: { type: "boolean", description: "stop at the first failed replication" },
  quiet: { type: "boolean", description: "no progress output" },
  json: { type: "boolean", description: "print the results as JSON" },
  out: { type: "string", description: "write the results as JSON to this file" },
  ...QUEUE_ARG,
  maxSessions: MAX_SESSIONS_ARG,
} as const;

export interface RunArgs {
  days: number | undefined;
  warmupSeconds: number | undefined;
  replications: number;
  workers: number;
  seed: string | number | undefined;
  /** Remote workers' queue (`--queue` or CONVSIM_QUEUE); undefined: this machine. */
  queue: QueueTarget | undefined;
  /** Work limit per replication; undefined = the default. */
  maxSessions: number | undefined;
}

/** Parses and checks the shared flags (house-format UsageErrors, exit 2). */
export function parseRunArgs(parsed: {
  days?: unknown;
  warmup?: unknown;
  replications?: unknown;
  workers?: unknown;
  seed?: unknown;
  queue?: unknown;
  maxSessions?: unknown;
}): RunArgs {
  return {
    days: integerOption(parsed.days, "--days", 1, 3650),
    warmupSeconds: warmupOption(parsed.warmup),
    replications: integerOption(parsed.replications, "--replications", 2, 100_000) ?? DEFAULT_REPLICATIONS,
    workers: integerOption(parsed.workers, "--workers", 1, 256) ?? defaultWorkers(),
    seed: seedOption(parsed.seed),
    queue: queueOption(parsed.queue),
    maxSessions: maxSessionsOption(parsed.maxSessions),
  };
}
