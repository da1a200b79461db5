import type { QueueTarget } from "../../experiments/distributed/index.ts";
import { defaultWorkers } from "../../experiments/parallel/index.ts";
import { integerOption, maxSessionsOption, seedOption } from "./options.ts";
import { queueOption } from "./queueOption.ts";
import { DEFAULT_REPLICATIONS, RUN_ARGS } from "./runFlags.ts";
import { warmupOption } from "./warmupOption.ts";

export { DEFAULT_REPLICATIONS, RUN_ARGS };

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
