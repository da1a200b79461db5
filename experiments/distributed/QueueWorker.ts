import { hostname } from "node:os";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { SimulationResults } from "../../sim/model/index.ts";
import { defaultWorkers, TaskPool } from "../parallel/index.ts";
import { codeVersion, queueName } from "./codeVersion.ts";
import { DEFAULT_LOCK_SECONDS } from "./lockSeconds.ts";
import type { QueueTarget } from "./queueUrl.ts";
import { checkQueue, DEFAULT_CONNECT_TIMEOUT_SECONDS, redisOptions } from "./redisConnection.ts";
import { decodeTask, encodeResults, type TaskJobData } from "./taskCodec.ts";
import { withTimeout } from "./withTimeout.ts";
import { announceWorker, WORKER_TTL_SECONDS, type WorkerInfo, withdrawWorker } from "./workerRegistry.ts";

export { DEFAULT_LOCK_SECONDS };

export interface QueueWorkerOptions {
  /** Tasks run at once, each on its own thread (default: one per core). */
  concurrency?: number;
  /** Code version (default `codeVersion()`); the worker serves that version's queue only. */
  version?: string;
  /**
   * A task's lock, seconds: a worker that dies holding a task loses it after this long, and another
   * worker's stalled-job check (run as often) queues it again. Default BullMQ's 30 s.
   */
  lockSeconds?: number;
  connectTimeoutSeconds?: number;
  /** One line per task started and finished. */
  log?: (line: string) => void;
}

/** Longest wait on Redis while stopping by force, seconds. */
const CLOSE_TIMEOUT_SECONDS = 5;
/**
 * Times a task may be found stalled (its worker gone) and queued again before it is failed.
 * BullMQ's default is 1; 2 survives a second machine lost on the same task, and a task that kills
 * every worker it touches still ends as an error instead of circling forever.
 */
export const MAX_STALLED_COUNT = 2;

/**
 * A worker process's loop: takes tasks of its code version from the queue, checks each (version,
 * scenario hash) and runs it on a pool of threads with the project's own task function, returning
 * the results through the queue. It announces itself every few seconds (so a coordinator can tell
 * workers of another version) and stops gracefully: `stop()` finishes the tasks it holds first;
 * `stop({force: true})` drops them, and their locks run out so other workers take them again.
 */
export class QueueWorker {
  readonly target: QueueTarget;
  readonly info: WorkerInfo;
  readonly #pool: TaskPool;
  readonly #worker: Worker<TaskJobData, string>;
  readonly #client: Redis;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #log: (line: string) => void;
  #completed = 0;
  #failed = 0;
  #stopping: Promise<void> | undefined;

  private constructor(target: QueueTarget, options: QueueWorkerOptions) {
    const version = options.version ?? codeVersion();
    const concurrency = options.concurrency ?? defaultWorkers();
    const lockMs = (options.lockSeconds ?? DEFAULT_LOCK_SECONDS) * 1000;
    const log = options.log ?? (() => {});
    const connection = redisOptions(target, options.connectTimeoutSeconds);
    this.target = target;
    this.#log = log;
    this.info = { version, host: hostname(), pid: process.pid, concurrency };
    this.#pool = new TaskPool(concurrency);
    this.#worker = new Worker<TaskJobData, string>(queueName(version), (job) => this.#process(job), {
      connection,
      concurrency,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: MAX_STALLED_COUNT,
    });
    this.#worker.on("error", () => {}); // connection trouble: ioredis reconnects; nothing to do here
    this.#worker.on("completed", (job) => log(`task ${job.id} done (${++this.#completed} done, ${this.#failed} failed)`));
    this.#worker.on("failed", (job, error) => log(`task ${job?.id} failed: ${error.message} (${this.#completed} done, ${++this.#failed} failed)`));
    this.#client = new Redis({ ...connection, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    this.#client.on("error", () => {});
    const announce = (): void => void announceWorker(this.#client, this.info).catch(() => {});
    this.#client.on("ready", announce);
    this.#heartbeat = setInterval(announce, (WORKER_TTL_SECONDS * 1000) / 3);
  }

  /** Checks the connection (QueueError, exit 2, within the connect timeout), then starts taking tasks. */
  static async start(target: QueueTarget, options: QueueWorkerOptions = {}): Promise<QueueWorker> {
    await checkQueue(target, options.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS);
    const worker = new QueueWorker(target, options);
    await worker.#worker.waitUntilReady();
    await announceWorker(worker.#client, worker.info).catch(() => {});
    return worker;
  }

  /** Tasks finished here so far: completed and failed. */
  get counts(): { completed: number; failed: number } {
    return { completed: this.#completed, failed: this.#failed };
  }

  /** Stops taking tasks; finishes the ones held unless `force`; closes the threads and connections. */
  stop(options: { force?: boolean } = {}): Promise<void> {
    if (options.force) return this.#shutDown(true);
    this.#stopping ??= this.#shutDown(false);
    return this.#stopping;
  }

  async #shutDown(force: boolean): Promise<void> {
    clearInterval(this.#heartbeat);
    // A graceful stop waits for the tasks held (however long they take); a forced one, or one whose
    // Redis is gone, must not wait on Redis.
    const closing = this.#worker.close(force);
    await (force ? withTimeout(closing, CLOSE_TIMEOUT_SECONDS, "no answer").catch(() => void this.#worker.disconnect().catch(() => {})) : closing);
    await this.#pool.close();
    await withTimeout(withdrawWorker(this.#client, this.info), CLOSE_TIMEOUT_SECONDS, "no answer").catch(() => {});
    this.#client.disconnect();
  }

  async #process(job: Job<TaskJobData, string>): Promise<string> {
    let task: ReturnType<typeof decodeTask>;
    try {
      task = decodeTask(job.data, this.info.version);
    } catch (error) {
      // Not retried: another worker of this version would refuse it the same way.
      throw new UnrecoverableError((error as Error).message);
    }
    this.#log(`task ${job.id} started${job.attemptsStarted > 1 || job.stalledCounter > 0 ? " again (its previous worker stopped answering)" : ""}`);
    const results = (await this.#pool.piscina.run(task)) as SimulationResults;
    return encodeResults(results);
  }
}
