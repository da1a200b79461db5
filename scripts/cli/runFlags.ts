// The flags replicate, compare and staff share, apart from their parsing (runArgs.ts), which loads the
// worker pool and the queue client: a command's --help reads this table alone.
import { MAX_SESSIONS_ARG } from "./options.ts";
import { QUEUE_ARG } from "./queueArg.ts";
import { WARMUP_DESCRIPTION } from "./warmupOption.ts";

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
