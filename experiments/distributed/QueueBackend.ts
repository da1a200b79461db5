import { Job, Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import type { RunTasksOptions, SimulationTask, TaskBackend, TaskOutcome } from "../parallel/index.ts";
import { codeVersion, queueName } from "./codeVersion.ts";
import { QueueError } from "./QueueError.ts";
import type { QueueTarget } from "./queueUrl.ts";
import { checkQueue, DEFAULT_CONNECT_TIMEOUT_SECONDS, redisOptions } from "./redisConnection.ts";
import { decodeResults, encodeTasks, runId, type TaskJobData } from "./taskCodec.ts";
import { withTimeout } from "./withTimeout.ts";
import { listWorkers } from "./workerRegistry.ts";

export interface QueueBackendOptions {
  /** Code version the workers must run (default `codeVersion()`). */
  version?: string;
  /** Bound on connecting at the start, seconds. */
  connectTimeoutSeconds?: number;
  /** A run that cannot reach Redis for this long fails with a clear message instead of waiting, seconds. */
  lostAfterSeconds?: number;
  /** How long Redis keeps the results of a run that did not finish (for a restart to pick up), seconds. */
  keepSeconds?: number;
  /** Notes for the person running the command (waiting for workers, Redis lost and back). */
  log?: (line: string) => void;
}

/** Default of `QueueBackendOptions.lostAfterSeconds`: an assumption; a Redis restart takes seconds, a failover up to ~30 s. */
export const DEFAULT_LOST_AFTER_SECONDS = 60;
/** Default of `QueueBackendOptions.keepSeconds`: one day, an assumption (a re-run the same day reuses the results). */
export const DEFAULT_KEEP_SECONDS = 86_400;
/** How often the coordinator checks that Redis answers, milliseconds. */
const WATCH_INTERVAL_MS = 1000;
/** Every this many watch ticks, outstanding jobs are looked up even without a reconnect (events can be lost). */
const SWEEP_EVERY_TICKS = 30;
/**
 * How long one read of the event stream blocks, milliseconds. BullMQ's default is 10 s, and its
 * watchdog timer for a read outlives `close()`, which kept a finished command alive ~20 s; 2 s costs
 * one idle read every 2 s.
 */
const EVENTS_BLOCK_MS = 2000;
/**
 * Events kept in the queue's event stream (BullMQ's default: 10,000). A completed event carries the
 * task's results (14 KB for a store day, ~65 KB for a week), so 10,000 of them could hold gigabytes
 * of Redis memory; 1,000 bounds it, and a coordinator that falls further behind than that finds the
 * results by looking the jobs up (every 30 s) instead.
 */
const EVENTS_MAX_LEN = 1000;
/** Longest wait for the connections to close, seconds. */
const CLOSE_TIMEOUT_SECONDS = 5;
/** Jobs looked up or removed at once. */
const CHUNK = 200;

/** What a batch's promise is waiting on. */
interface RunState {
  readonly id: string;
  readonly jobs: readonly TaskJobData[];
  readonly pending: Set<number>;
  readonly outcomes: TaskOutcome[];
  readonly options: RunTasksOptions;
  finish(outcome: TaskOutcome): void;
  fail(error: Error): void;
}

/**
 * Runs batches of tasks on remote workers through a BullMQ queue on Redis (`RunTasksOptions.backend`).
 * Each task is a job whose id is the batch's content id (`runId`) and the task's index, so the same
 * command run again finds the jobs it queued before, with their results, instead of queueing them
 * twice. Results come back on the queue's event stream (one event per finished task, which also
 * drives progress), and outstanding jobs are looked up in Redis after a reconnect and every 30 s,
 * which covers events lost while Redis was away; a job Redis lost (restart without persistence) is
 * queued again. Outcomes are returned in task order, so where a task ran never changes a byte.
 */
export class QueueBackend implements TaskBackend {
  readonly target: QueueTarget;
  readonly version: string;
  readonly #queue: Queue;
  readonly #events: QueueEvents;
  /** Our own connection for pings and the worker list: it fails fast instead of queueing commands. */
  readonly #client: Redis;
  readonly #lostAfterSeconds: number;
  readonly #keepSeconds: number;
  readonly #log: (line: string) => void;
  readonly #runs = new Map<string, RunState>();
  /** Job ids of batches that finished (every task completed or errored): removed on close. */
  readonly #finishedJobIds: string[] = [];
  /** Removals of cancelled jobs still in flight: close() waits for them (each is bounded) before closing. */
  readonly #removals = new Set<Promise<void>>();
  #watch: NodeJS.Timeout | undefined;
  #ticks = 0;
  #failedPings = 0;
  #sweeping = false;

  private constructor(target: QueueTarget, options: QueueBackendOptions, version: string) {
    this.target = target;
    this.version = version;
    this.#lostAfterSeconds = options.lostAfterSeconds ?? DEFAULT_LOST_AFTER_SECONDS;
    this.#keepSeconds = options.keepSeconds ?? DEFAULT_KEEP_SECONDS;
    this.#log = options.log ?? (() => {});
    const connection = redisOptions(target, options.connectTimeoutSeconds);
    this.#queue = new Queue(queueName(version), { connection, streams: { events: { maxLen: EVENTS_MAX_LEN } } });
    this.#events = new QueueEvents(queueName(version), { connection, blockingTimeout: EVENTS_BLOCK_MS });
    this.#client = new Redis({ ...connection, enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
    // Connection errors are the watchdog's to report (`#tick`), once, in words.
    this.#queue.on("error", () => {});
    this.#events.on("error", () => {});
    this.#client.on("error", () => {});
    this.#events.on("completed", ({ jobId, returnvalue }) =>
      this.#route(jobId, (run, index) => run.finish({ state: "completed", index, results: decodeResults(returnvalue as unknown as string) })),
    );
    this.#events.on("failed", ({ jobId, failedReason }) => this.#route(jobId, (run, index) => run.finish({ state: "errored", index, error: failedReason })));
  }

  /**
   * Connects (within the connect timeout), subscribes to the queue's events and checks the workers
   * announced on this Redis: if there are some but none of this code version, it fails at once
   * (QueueError, exit 2) rather than queueing tasks nobody will take.
   */
  static async open(target: QueueTarget, options: QueueBackendOptions = {}): Promise<QueueBackend> {
    const timeoutSeconds = options.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS;
    await checkQueue(target, timeoutSeconds);
    const backend = new QueueBackend(target, options, options.version ?? codeVersion());
    try {
      await withTimeout(
        Promise.all([backend.#queue.waitUntilReady(), backend.#events.waitUntilReady(), backend.#client.connect()]),
        timeoutSeconds,
        `cannot use the queue at ${target.display}: no answer within ${timeoutSeconds} s`,
      );
      await backend.#checkWorkers();
    } catch (error) {
      await backend.close({ keepResults: true });
      throw error instanceof QueueError ? error : new QueueError(`cannot use the queue at ${target.display}: ${(error as Error).message}`);
    }
    return backend;
  }

  /** Queues the tasks (or finds them queued by an earlier run of the same command) and waits for every outcome. */
  run(tasks: readonly SimulationTask[], options: RunTasksOptions): Promise<TaskOutcome[]> {
    if (tasks.length === 0) return Promise.resolve([]);
    const jobs = encodeTasks(tasks, this.version);
    const id = runId(jobs);
    return new Promise<TaskOutcome[]>((resolve, reject) => {
      const pending = new Set(jobs.map((_, index) => index));
      const outcomes: TaskOutcome[] = new Array(jobs.length);
      let stopped = false;
      const settle = (): void => {
        this.#runs.delete(id);
        options.signal?.removeEventListener("abort", stop);
        if (this.#runs.size === 0) this.#stopWatching();
      };
      // Ctrl-C or fail-fast: what has not finished is cancelled; queued jobs are removed (one a
      // worker holds finishes there, unused, and expires with the kept results).
      const stop = (): void => {
        if (stopped) return;
        stopped = true;
        const left = [...pending];
        for (const index of left) outcomes[index] = { state: "cancelled", index };
        pending.clear();
        const removal = this.#remove(left.map((index) => jobId(id, index)));
        this.#removals.add(removal);
        void removal.finally(() => this.#removals.delete(removal));
        settle();
        resolve(outcomes);
      };
      const run: RunState = {
        id,
        jobs,
        pending,
        outcomes,
        options,
        finish: (outcome) => {
          if (!pending.delete(outcome.index)) return;
          outcomes[outcome.index] = outcome;
          options.onProgress?.(jobs.length - pending.size, jobs.length);
          if (outcome.state === "errored" && options.failFast) return stop();
          if (pending.size > 0) return;
          this.#finishedJobIds.push(...jobs.map((_, index) => jobId(id, index)));
          settle();
          resolve(outcomes);
        },
        fail: (error) => {
          if (stopped) return;
          stopped = true;
          settle();
          reject(error);
        },
      };
      this.#runs.set(id, run);
      options.signal?.addEventListener("abort", stop);
      if (options.signal?.aborted) return stop();
      this.#startWatching();
      // Subscribed before queueing: a task finishing from now on sends an event; one that finished
      // before (an earlier run of the same command) is found by the lookup after queueing.
      const jobOptions = { attempts: 1, removeOnComplete: { age: this.#keepSeconds }, removeOnFail: { age: this.#keepSeconds } };
      this.#queue
        .addBulk(jobs.map((data, index) => ({ name: "task", data, opts: { ...jobOptions, jobId: jobId(id, index) } })))
        .then(() => this.#lookUp(run, true))
        .catch((error: Error) => run.fail(new QueueError(`lost the queue at ${this.target.display}: ${error.message}`, 1)));
    });
  }

  /**
   * Closes the connections. Unless `keepResults`, the jobs of the batches that finished are removed
   * first (their results are in the caller's hands); jobs of a run that stopped early stay, with
   * their results, for `keepSeconds`, so running the same command again picks them up.
   */
  async close(options: { keepResults?: boolean } = {}): Promise<void> {
    this.#stopWatching();
    // A Ctrl-C's removals finish first (or give up, bounded): closed over them, the cancelled jobs
    // would wait in Redis for the next worker to run them for nobody.
    await Promise.all(this.#removals);
    if (!options.keepResults) await this.#remove(this.#finishedJobIds.splice(0));
    // Closing waits on Redis; a Redis that is gone must not hold the command open.
    const closed = await withTimeout(Promise.all([this.#events.close(), this.#queue.close()]), CLOSE_TIMEOUT_SECONDS, "no answer").then(
      () => true,
      () => false,
    );
    // Not awaited: a forced disconnect from a Redis that is gone waits for nothing useful.
    if (!closed) for (const connection of [this.#events, this.#queue]) void connection.disconnect().catch(() => {});
    this.#client.disconnect();
  }

  async #checkWorkers(): Promise<void> {
    const workers = await listWorkers(this.#client);
    if (workers.some((worker) => worker.version === this.version)) return;
    if (workers.length > 0) {
      const versions = [...new Set(workers.map((worker) => worker.version))].join(", ");
      throw new QueueError(
        `cannot use the queue at ${this.target.display}: its ${workers.length} worker${workers.length > 1 ? "s run" : " runs"} convsim ${versions}, this is ${this.version} (start workers from the same checkout)`,
      );
    }
    this.#log(`no worker is connected to ${this.target.display} yet: tasks wait until one starts (convsim worker --queue ${this.target.display})`);
  }

  #route(id: string, act: (run: RunState, index: number) => void): void {
    const cut = id.lastIndexOf("-");
    const run = this.#runs.get(id.slice(0, cut));
    if (run !== undefined) act(run, Number(id.slice(cut + 1)));
  }

  /** Looks up every outstanding job of a run: takes finished results, queues again what Redis lost. */
  async #lookUp(run: RunState, first: boolean): Promise<void> {
    const indices = [...run.pending];
    for (let start = 0; start < indices.length; start += CHUNK) {
      await Promise.all(
        indices.slice(start, start + CHUNK).map(async (index) => {
          if (!run.pending.has(index)) return;
          const id = jobId(run.id, index);
          // The state first, then the job: a job read first could finish before its state is read,
          // and would then be "completed" without its results.
          const state = await this.#queue.getJobState(id);
          // Cancelled meanwhile (Ctrl-C): queueing it again now would outlive its removal.
          if (!run.pending.has(index)) return;
          if (state === "unknown") {
            await this.#queue.add("task", run.jobs[index], {
              attempts: 1,
              jobId: id,
              removeOnComplete: { age: this.#keepSeconds },
              removeOnFail: { age: this.#keepSeconds },
            });
            return;
          }
          if (state !== "completed" && state !== "failed") return;
          const job = await Job.fromId(this.#queue, id);
          if (job === undefined) return; // removed meanwhile (by a Ctrl-C of the same batch); the next lookup queues it again
          if (state === "completed") run.finish({ state: "completed", index, results: decodeResults(job.returnvalue as string) });
          // A failure found on the first look is an earlier run's (a stall limit, a crash): try once more.
          else if (first) await job.retry("failed");
          else run.finish({ state: "errored", index, error: job.failedReason });
        }),
      );
    }
  }

  #startWatching(): void {
    this.#watch ??= setInterval(() => void this.#tick(), WATCH_INTERVAL_MS);
  }

  #stopWatching(): void {
    clearInterval(this.#watch);
    this.#watch = undefined;
  }

  /** The watchdog: a ping a second; a reconnect or every 30 s triggers a lookup; too long without Redis fails the runs. */
  async #tick(): Promise<void> {
    if (this.#sweeping) return;
    this.#sweeping = true;
    try {
      await withTimeout(this.#client.ping(), WATCH_INTERVAL_MS / 1000, "no answer");
      const reconnected = this.#failedPings > 0;
      if (reconnected) this.#log(`queue at ${this.target.display} answers again: looking up outstanding tasks`);
      this.#failedPings = 0;
      if (reconnected || ++this.#ticks % SWEEP_EVERY_TICKS === 0) {
        for (const run of [...this.#runs.values()]) await withTimeout(this.#lookUp(run, false), this.#lostAfterSeconds, "no answer");
      }
    } catch (error) {
      if (++this.#failedPings === 1)
        this.#log(`queue at ${this.target.display} does not answer (${(error as Error).message}): waiting up to ${this.#lostAfterSeconds} s`);
      if (this.#failedPings * (WATCH_INTERVAL_MS / 1000) >= this.#lostAfterSeconds) {
        const lost = new QueueError(
          `lost the queue at ${this.target.display}: no answer for ${this.#lostAfterSeconds} s (results computed so far stay in Redis; run the same command again to continue)`,
          1,
        );
        for (const run of [...this.#runs.values()]) run.fail(lost);
      }
    } finally {
      this.#sweeping = false;
    }
  }

  async #remove(ids: readonly string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += CHUNK) {
      // A job a worker still holds cannot be removed; it expires with the kept results.
      const removals = ids.slice(start, start + CHUNK).map((id) => this.#queue.remove(id).catch(() => 0));
      await withTimeout(Promise.all(removals), CLOSE_TIMEOUT_SECONDS, "no answer").catch(() => {});
    }
  }
}

function jobId(run: string, index: number): string {
  return `${run}-${index}`;
}
