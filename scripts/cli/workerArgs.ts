import { DEFAULT_LOCK_SECONDS } from "../../experiments/distributed/lockSeconds.ts";
import { QUEUE_ARG } from "./queueArg.ts";

/** `worker`'s flags: loaded for its --help without the command's own dependencies. */
export const workerArgs = {
  ...QUEUE_ARG,
  concurrency: { type: "string", description: "tasks run at once, each on its own thread (default: one per core)" },
  lockSeconds: {
    type: "string",
    description: `seconds before a task held by a worker that stopped answering goes to another (default ${DEFAULT_LOCK_SECONDS})`,
  },
  quiet: { type: "boolean", description: "no line per task" },
} as const;
