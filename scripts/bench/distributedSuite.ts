import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "simple-statistics";
import { parseQueueUrl, QueueBackend } from "../../experiments/distributed/index.ts";
import { startRedis } from "../../experiments/distributed/testing/redisServer.ts";
import { bundledTask, runTasks, type SimulationTask } from "../../experiments/parallel/index.ts";
import { tinyChatConfig } from "../../experiments/parallel/testing/tinyChatConfig.ts";
import type { ChatOnlyModelConfig } from "../../sim/model/index.ts";
import type { BenchSuite } from "./benchSuite.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/**
 * Tasks per timed batch, by task length: about 4 s of work for one worker, 8 s for the long tasks.
 * The 0.005 s tasks do almost no work: their wall time through the queue is nearly all overhead,
 * which the longer tasks' figures (a difference of two noisy totals) cannot resolve on a busy machine.
 */
const BATCHES = [
  { seconds: 0.005, tasks: 100 },
  { seconds: 0.1, tasks: 40 },
  { seconds: 1, tasks: 8 },
] as const;

/**
 * Issue targets: overhead through Redis ≤ 20 ms per task, and 2 worker processes ≥ 90% efficient
 * for 1 s tasks. A real Redis (redis-server on loopback) and real `convsim worker` processes (one
 * thread each); tasks are chat-only days scaled to take about 0.1 s and 1 s. Overhead per task =
 * (wall time of a batch through the queue on one worker − the same tasks run serially in this
 * process) ÷ tasks; efficiency = (2-worker throughput ÷ 1-worker throughput) ÷ 2.
 */
export const distributedSuite: BenchSuite = {
  name: "distributed",
  description: "tasks through BullMQ on a loopback Redis to 1 and 2 `convsim worker` processes: overhead per task and scale-out for 0.1 s and 1 s tasks",
  async run(context) {
    const redis = await startRedis();
    const workers: ChildProcess[] = [];
    let backend: QueueBackend | undefined;
    try {
      backend = await QueueBackend.open(parseQueueUrl(redis.url));
      const configs = await Promise.all(BATCHES.map((batch) => configTaking(batch.seconds)));
      let seed = 0;
      // Fresh seeds for every batch: a batch queued twice would be answered from the kept results.
      const batchOf = (index: number): SimulationTask[] => Array.from({ length: BATCHES[index].tasks }, () => ({ config: configs[index], seed: ++seed }));
      const timed = async (tasks: SimulationTask[], options: Parameters<typeof runTasks>[1]): Promise<number> => {
        const started = performance.now();
        const outcomes = await runTasks(tasks, options);
        if (outcomes.some((outcome) => outcome.state !== "completed")) throw new Error("a benchmark task did not complete");
        return (performance.now() - started) / 1000;
      };
      const rounds = Math.max(1, Math.min(context.repeats, 3));
      const local = BATCHES.map(() => [] as number[]);
      const queued = [BATCHES.map(() => [] as number[]), BATCHES.map(() => [] as number[])];
      for (const count of [1, 2]) {
        workers.push(startWorker(redis.url));
        context.log(`${count} worker process${count > 1 ? "es" : ""}: warming up`);
        await timed(
          Array.from({ length: 4 * count }, () => ({ config: configs[0], seed: ++seed })),
          { backend },
        );
        for (let round = 0; round < rounds; round++) {
          for (let index = 0; index < BATCHES.length; index++) {
            context.log(`${count} worker${count > 1 ? "s" : ""}: ${BATCHES[index].tasks} tasks of ${BATCHES[index].seconds} s, round ${round + 1}`);
            if (count === 1) local[index].push(await timed(batchOf(index), { workers: 1 }));
            queued[count - 1][index].push(await timed(batchOf(index), { backend }));
          }
        }
      }
      const measurements = BATCHES.flatMap((batch, index) => [
        { label: `${batch.seconds} s tasks, in process (no queue)`, units: batch.tasks, events: null, wallSeconds: local[index] },
        { label: `${batch.seconds} s tasks, 1 worker process`, units: batch.tasks, events: null, wallSeconds: queued[0][index] },
        { label: `${batch.seconds} s tasks, 2 worker processes`, units: batch.tasks, events: null, wallSeconds: queued[1][index] },
      ]);
      const overheadMs = (index: number): number => ((median(queued[0][index]) - median(local[index])) / BATCHES[index].tasks) * 1000;
      const efficiency = (index: number): number => median(queued[0][index]) / median(queued[1][index]) / 2;
      return {
        suite: "distributed",
        title: "Distributed runs (BullMQ on Redis, worker processes)",
        unitName: "tasks",
        measurements,
        ratios: [
          {
            label: "overhead per task through Redis, near-empty tasks (1 worker, medians)",
            value: overheadMs(0),
            unit: " ms",
            target: "≤ 20 ms",
            met: overheadMs(0) <= 20,
          },
          { label: "overhead per 0.1 s task through Redis (1 worker, medians)", value: overheadMs(1), unit: " ms" },
          { label: "overhead per 1 s task through Redis (1 worker, medians)", value: overheadMs(2), unit: " ms" },
          { label: "scale-out efficiency, 2 vs 1 worker process, 0.1 s tasks", value: efficiency(1) * 100, unit: " %" },
          {
            label: "scale-out efficiency, 2 vs 1 worker process, 1 s tasks",
            value: efficiency(2) * 100,
            unit: " %",
            target: "≥ 90 %",
            met: efficiency(2) >= 0.9,
          },
        ],
        notes: [
          `${rounds} round${rounds === 1 ? "" : "s"} per setting, medians; in-process runs alternate with the 1-worker runs so load from other work hits both alike`,
          "each worker process runs one task at a time on one thread (--concurrency 1); the coordinator, Redis and the workers share this machine's cores, so 2 workers on 2 cores also compete with Redis and the coordinator",
        ],
      };
    } finally {
      await backend?.close();
      await Promise.all(workers.map(stopWorker));
      await redis.stop();
    }
  },
};

/** A chat-only day whose replication takes about `seconds` here (arrival rate scaled from a measured run). */
async function configTaking(seconds: number): Promise<ChatOnlyModelConfig> {
  const run = (await bundledTask())!;
  const measure = (config: ChatOnlyModelConfig): number => {
    const times = [1, 2, 3].map((seed) => {
      const started = performance.now();
      run({ config, seed });
      return (performance.now() - started) / 1000;
    });
    return median(times);
  };
  const shape = (ratePerSecond: number): ChatOnlyModelConfig =>
    tinyChatConfig({
      chatRatesPerSecond: new Array(24).fill(ratePerSecond),
      agents: { scheduled: new Array(24).fill(Math.ceil(ratePerSecond * 60 * 1.2) + 1), shrinkage: 0, concurrency: 1, costPerHour: 0 },
    });
  // A near-empty task: the smallest day the model runs (a few chats).
  if (seconds < 0.01) return tinyChatConfig();
  let rate = 0.5;
  for (let step = 0; step < 3; step++) rate *= seconds / measure(shape(rate));
  return shape(rate);
}

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", "worker", "--queue", url, "--concurrency", "1", "--quiet"], {
    cwd: PROJECT_ROOT,
    stdio: "ignore",
  });
}

async function stopWorker(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null) return;
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  worker.kill("SIGTERM");
  await exited;
}
