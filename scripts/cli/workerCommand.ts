import { defineCommand } from "citty";
import { DEFAULT_LOCK_SECONDS, QueueWorker, queueName } from "../../experiments/distributed/index.ts";
import { defaultWorkers } from "../../experiments/parallel/index.ts";
import { integerOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { QUEUE_ENVIRONMENT, queueOption } from "./queueOption.ts";
import { UsageError } from "./UsageError.ts";
import { workerArgs as args } from "./workerArgs.ts";

/**
 * `worker`: serves the queue of this checkout's code version until SIGTERM or Ctrl-C. The first
 * signal stops taking tasks and finishes the ones held; a second drops them (other workers take
 * them again once their locks run out).
 */
export const workerCommand = defineCommand({
  meta: { name: "worker" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    const target = queueOption(parsed.queue);
    if (target === undefined)
      throw new UsageError(`missing --queue: the Redis to take tasks from, e.g. --queue redis://host:6379 (or set ${QUEUE_ENVIRONMENT})`);
    const concurrency = integerOption(parsed.concurrency, "--concurrency", 1, 256) ?? defaultWorkers();
    const lockSeconds = integerOption(parsed.lockSeconds, "--lock-seconds", 1, 86_400) ?? DEFAULT_LOCK_SECONDS;
    const say = (line: string): void => void process.stderr.write(`worker: ${line}\n`);
    const worker = await QueueWorker.start(target, { concurrency, lockSeconds, log: parsed.quiet ? undefined : say });
    const version = worker.info.version;
    say(
      `serving queue ${queueName(version)} at ${target.display} for convsim ${version} on ${concurrency} thread${concurrency > 1 ? "s" : ""}, pid ${process.pid}`,
    );
    printNext(`convsim compare|replicate|staff|calibrate … --queue ${target.display} on any machine sends this worker tasks; Ctrl-C stops it`, parsed.quiet);
    await new Promise<void>((resolve) => {
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals): void => {
        if (++signals === 1) {
          say(`${signal}: finishing the tasks held, taking no more (${signal} again to drop them)`);
          void worker.stop().then(resolve);
        } else {
          say(`${signal}: dropping the tasks held; other workers take them again`);
          void worker.stop({ force: true }).then(resolve);
        }
      };
      process.on("SIGTERM", onSignal);
      process.on("SIGINT", onSignal);
    });
    const { completed, failed } = worker.counts;
    say(`stopped: ${completed} task${completed === 1 ? "" : "s"} done, ${failed} failed`);
  },
});
