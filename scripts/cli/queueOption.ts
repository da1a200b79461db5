import { parseQueueUrl, QueueBackend, type QueueTarget } from "../../experiments/distributed/index.ts";
import type { TaskBackend } from "../../experiments/parallel/index.ts";
import { QUEUE_ENVIRONMENT } from "./queueArg.ts";

export { QUEUE_ARG, QUEUE_ENVIRONMENT } from "./queueArg.ts";

/** The queue to use, from `--queue` or CONVSIM_QUEUE; undefined runs on this machine. */
export function queueOption(flag: unknown, environment: NodeJS.ProcessEnv = process.env): QueueTarget | undefined {
  if (typeof flag === "string" && flag !== "") return parseQueueUrl(flag, "--queue");
  const fromEnvironment = environment[QUEUE_ENVIRONMENT];
  return fromEnvironment ? parseQueueUrl(fromEnvironment, QUEUE_ENVIRONMENT) : undefined;
}

/**
 * Runs `work` with the queue's backend (or none without a queue). The connection and the workers'
 * version are checked before `work` starts, so a bad queue writes nothing (QueueError, exit 2).
 * When `work` ends normally the finished tasks' results are removed from Redis; when it throws or is
 * interrupted they stay (for a day), so the same command run again picks them up.
 */
export async function withQueue<T>(
  target: QueueTarget | undefined,
  options: { quiet?: boolean; signal?: AbortSignal },
  work: (backend: TaskBackend | undefined) => Promise<T>,
): Promise<T> {
  if (target === undefined) return work(undefined);
  const log = options.quiet ? undefined : (line: string) => process.stderr.write(`queue: ${line}\n`);
  const backend = await QueueBackend.open(target, { log });
  let finished = false;
  try {
    const result = await work(backend);
    finished = !options.signal?.aborted;
    return result;
  } finally {
    await backend.close({ keepResults: !finished });
  }
}

/** What the results' stamp says about the queue: its URL (password hidden), or nothing for a local run. */
export function queueStamp(target: QueueTarget | undefined): { queue?: string } {
  return target === undefined ? {} : { queue: target.display };
}
