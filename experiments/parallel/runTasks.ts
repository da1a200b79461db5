import { setMaxListeners } from "node:events";
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { SimulationResults } from "../../sim/model/index.ts";
import { LongestFirstQueue } from "./LongestFirstQueue.ts";
import runSimulationTask, { type SimulationTask } from "./simulationWorker.ts";
import { bundledTask, workerModule } from "./workerModule.ts";

/** What happened to one task (tinybench's convention: errors are recorded, not thrown). */
export type TaskOutcome =
  | { state: "completed"; index: number; results: SimulationResults }
  | { state: "errored"; index: number; error: string }
  | { state: "cancelled"; index: number };

export interface RunTasksOptions {
  /** Worker threads; 1 runs in this thread. Default: one per core. */
  workers?: number;
  /** Stop everything at the first errored task. */
  failFast?: boolean;
  /** Abort (Ctrl-C): tasks not finished are reported as cancelled. */
  signal?: AbortSignal;
  /** Called after each task finishes, in completion order. */
  onProgress?: (finished: number, total: number) => void;
  /** Worker threads kept open across calls (`TaskPool`); `workers` is then the pool's. */
  pool?: TaskPool;
  /**
   * Milliseconds from any fixed origin (`performance.now`), injected: with it, a pool learns how long
   * each config's tasks take and hands out the longest first (`LongestFirstQueue`); without it,
   * tasks go in submission order. Either way every task returns the same bytes.
   */
  clock?: () => number;
  /**
   * Somewhere else to run the tasks (a queue of remote workers): it gets the tasks and these options
   * and returns the outcomes in task order, as the local pool does. `workers` and `pool` are then unused.
   */
  backend?: TaskBackend;
}

/** Runs a batch of tasks elsewhere (`RunTasksOptions.backend`), under the same contract as `runTasks`. */
export interface TaskBackend {
  run(tasks: readonly SimulationTask[], options: RunTasksOptions): Promise<TaskOutcome[]>;
}

/**
 * Worker threads kept open across several `runTasks` calls, for commands that run many small batches
 * (a staffing search, a calibration): starting threads and loading the model in each takes a second
 * or more, which a fresh pool per batch would pay every time. Close it when done.
 */
export class TaskPool {
  readonly workers: number;
  /** The piscina pool `runTasks` submits to. */
  readonly piscina: Piscina;

  constructor(workers: number = defaultWorkers()) {
    this.workers = Math.max(1, workers);
    this.piscina = openPiscina(this.workers);
  }

  close(): Promise<void> {
    return this.piscina.destroy();
  }
}

/**
 * Young generation of each pool thread, MB (V8's 64-bit default: 16 MB semi-spaces). A replication allocates
 * hundreds of MB per second of objects that die within milliseconds (events, generator frames,
 * policy scratch), so the nursery is scavenged every few tens of milliseconds, and the parallel
 * scavenger's helper tasks compete with the other pool thread for the cores. Measured with
 * `npm run bench -- --only parallel` (40 replications, 2 cores): 1 thread 17.5 → 16.3 s, 2 threads
 * 10.5 → 9.9 s.
 */
export const POOL_YOUNG_GENERATION_MB = 64;

function openPiscina(workers: number): Piscina {
  return new Piscina({
    ...workerModule(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    resourceLimits: { maxYoungGenerationSizeMb: POOL_YOUNG_GENERATION_MB },
  });
}

/** Default number of worker threads: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Runs simulation tasks serially or on a pool of worker threads (piscina). Outcomes come back in
 * task order whatever the completion order, and every task is deterministic, so a parallel run is
 * byte-identical to a serial one. With `options.backend` the tasks run there instead (a queue).
 */
export async function runTasks(tasks: readonly SimulationTask[], options: RunTasksOptions = {}): Promise<TaskOutcome[]> {
  if (options.backend !== undefined) return options.backend.run(tasks, options);
  const workers = Math.max(1, Math.min(options.pool?.workers ?? options.workers ?? defaultWorkers(), tasks.length || 1));
  // A pool given by the caller is used even with one thread (the bench times one thread against two).
  return workers === 1 && options.pool === undefined ? runSerially(tasks, options) : runOnPool(tasks, workers, options);
}

async function runSerially(tasks: readonly SimulationTask[], options: RunTasksOptions): Promise<TaskOutcome[]> {
  // The pool threads' bundle when there is one (faster, and the same code as a parallel run).
  const run = (await bundledTask()) ?? runSimulationTask;
  const outcomes: TaskOutcome[] = [];
  let stop = false;
  for (let index = 0; index < tasks.length; index++) {
    // Yield to the event loop between tasks so an interrupt can be noticed.
    await new Promise((resolve) => setImmediate(resolve));
    if (stop || options.signal?.aborted) {
      outcomes.push({ state: "cancelled", index });
      continue;
    }
    try {
      outcomes.push({ state: "completed", index, results: run(tasks[index]) });
    } catch (error) {
      outcomes.push({ state: "errored", index, error: describeError(error) });
      if (options.failFast) stop = true;
    }
    options.onProgress?.(index + 1, tasks.length);
  }
  return outcomes;
}

async function runOnPool(tasks: readonly SimulationTask[], workers: number, options: RunTasksOptions): Promise<TaskOutcome[]> {
  const pool = options.pool?.piscina ?? openPiscina(workers);
  const stopAll = new AbortController();
  // Every running task listens on this signal; that is expected, not a leak.
  setMaxListeners(0, stopAll.signal);
  const onAbort = (): void => stopAll.abort();
  options.signal?.addEventListener("abort", onAbort);
  if (options.signal?.aborted) stopAll.abort();
  const { clock } = options;
  const queue = new LongestFirstQueue(tasks.map((task) => task.config));
  const outcomes: TaskOutcome[] = new Array(tasks.length);
  let finished = 0;
  const finish = (outcome: TaskOutcome): void => {
    outcomes[outcome.index] = outcome;
    options.onProgress?.(++finished, tasks.length);
  };
  // One task per thread at a time, chosen when a thread frees up (not all queued in piscina at
  // once): that is what lets the queue put the longest known tasks first.
  const runOne = async (index: number): Promise<void> => {
    const startedAt = clock?.() ?? 0;
    try {
      const results = (await pool.run(tasks[index], { signal: stopAll.signal })) as SimulationResults;
      if (clock !== undefined) queue.record(index, (clock() - startedAt) / 1000);
      finish({ state: "completed", index, results });
    } catch (error) {
      if (stopAll.signal.aborted) return finish({ state: "cancelled", index });
      if (options.failFast) stopAll.abort();
      finish({ state: "errored", index, error: describeError(error) });
    }
  };
  const lane = async (): Promise<void> => {
    while (!stopAll.signal.aborted) {
      const index = queue.next();
      if (index === undefined) return;
      await runOne(index);
    }
    // Stopped (Ctrl-C or failFast): what no thread took is cancelled; the first lane to stop drains.
    for (const index of queue.drain()) finish({ state: "cancelled", index });
  };
  try {
    await Promise.all(Array.from({ length: workers }, lane));
    return outcomes;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    if (options.pool === undefined) await pool.destroy();
  }
}

/** An error's message, for an errored outcome. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
