import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelConfig } from "../../sim/model/index.ts";
import { runTasks, type SimulationTask } from "../parallel/index.ts";
import { BROKEN_CONFIG, tinyChatConfig } from "../parallel/testing/tinyChatConfig.ts";
import { queueName } from "./codeVersion.ts";
import { QueueBackend } from "./QueueBackend.ts";
import { QueueError } from "./QueueError.ts";
import { QueueWorker } from "./QueueWorker.ts";
import { parseQueueUrl } from "./queueUrl.ts";
import { type RedisServer, startRedis } from "./testing/redisServer.ts";

const good = tinyChatConfig({ patienceSeconds: { kind: "exponential", mean: 90 } });
const broken = BROKEN_CONFIG;
// Each test uses its own version, hence its own queue: tests never see each other's tasks.
let versions = 0;
const version = (): string => `test-${process.pid}-${++versions}`;
const tasksOf = (config: ModelConfig, seeds: number[]): SimulationTask[] => seeds.map((seed, replication) => ({ config, seed, replication }));

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe("QueueBackend", () => {
  it("runTasks({backend}) through a worker gives the serial run's bytes, outcomes in task order, errors recorded with their message", async () => {
    const target = parseQueueUrl(redis.url);
    const v = version();
    const worker = await QueueWorker.start(target, { version: v, concurrency: 2 });
    const backend = await QueueBackend.open(target, { version: v });
    try {
      const tasks = [...tasksOf(good, [1, 2, 3]), { config: broken, seed: 4 }, ...tasksOf({ ...good, chatRatesPerSecond: new Array(24).fill(0.03) }, [5, 6])];
      const progress: number[] = [];
      const remote = await runTasks(tasks, { backend, onProgress: (finished) => progress.push(finished) });
      const serial = await runTasks(tasks, { workers: 1 });
      expect(remote.map((outcome) => outcome.state)).toEqual(["completed", "completed", "completed", "errored", "completed", "completed"]);
      expect(remote[3].state === "errored" && remote[3].error).toMatch(/nonsense|kind/);
      expect(JSON.stringify(remote)).toBe(JSON.stringify(serial));
      expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await backend.close();
      await worker.stop();
    }
  });

  it("with failFast, the first error cancels what has not finished", async () => {
    const target = parseQueueUrl(redis.url);
    const v = version();
    const backend = await QueueBackend.open(target, { version: v });
    // The worker starts after the tasks are queued, with one thread: the broken first task fails before the others run.
    const outcomes = runTasks([{ config: broken, seed: 1 }, ...tasksOf(good, [2, 3, 4, 5, 6, 7, 8])], { backend, failFast: true });
    const worker = await QueueWorker.start(target, { version: v, concurrency: 1 });
    try {
      const states = (await outcomes).map((outcome) => outcome.state);
      expect(states[0]).toBe("errored");
      expect(states.filter((state) => state === "cancelled").length).toBeGreaterThanOrEqual(5);
    } finally {
      await backend.close();
      await worker.stop();
    }
  });

  it("the same tasks queued again by a new coordinator are answered from the results kept in Redis, with no worker running", async () => {
    const target = parseQueueUrl(redis.url);
    const v = version();
    const tasks = tasksOf(good, [11, 12, 13, 14]);
    const worker = await QueueWorker.start(target, { version: v, concurrency: 2 });
    const first = await QueueBackend.open(target, { version: v });
    const computed = await runTasks(tasks, { backend: first });
    await first.close({ keepResults: true }); // as a coordinator killed after its tasks finished
    await worker.stop();
    const second = await QueueBackend.open(target, { version: v });
    try {
      const reused = await runTasks(tasks, { backend: second });
      expect(JSON.stringify(reused)).toBe(JSON.stringify(computed));
      expect(worker.counts.completed).toBe(4);
    } finally {
      await second.close();
    }
    // close() without keepResults removed the finished jobs.
    const queue = new Queue(queueName(v), { connection: { host: "127.0.0.1", port: redis.port } });
    expect(await queue.getJobCounts("completed", "waiting", "failed")).toEqual({ completed: 0, waiting: 0, failed: 0 });
    await queue.close();
  });

  it("an abort cancels the outstanding tasks and removes them from the queue", async () => {
    const target = parseQueueUrl(redis.url);
    const v = version();
    const backend = await QueueBackend.open(target, { version: v });
    const controller = new AbortController();
    try {
      const outcomes = runTasks(tasksOf(good, [1, 2, 3]), { backend, signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 200));
      controller.abort();
      expect((await outcomes).map((outcome) => outcome.state)).toEqual(["cancelled", "cancelled", "cancelled"]);
      const queue = new Queue(queueName(v), { connection: { host: "127.0.0.1", port: redis.port } });
      await expect.poll(() => queue.getJobCounts("waiting")).toEqual({ waiting: 0 });
      await queue.close();
    } finally {
      await backend.close();
    }
  });

  it("an abort while the tasks are still being queued: close() has removed every one (none left waiting for a worker)", async () => {
    const target = parseQueueUrl(redis.url);
    const v = version();
    const backend = await QueueBackend.open(target, { version: v });
    const controller = new AbortController();
    const queue = new Queue(queueName(v), { connection: { host: "127.0.0.1", port: redis.port } });
    try {
      // Aborted in the same turn as the call: the jobs are on their way to Redis when the run stops.
      const outcomes = runTasks(tasksOf(good, [1, 2, 3, 4, 5, 6, 7, 8]), { backend, signal: controller.signal });
      controller.abort();
      expect((await outcomes).map((outcome) => outcome.state)).toEqual(new Array(8).fill("cancelled"));
      // As the CLI does after Ctrl-C: close keeping results; no polling, the removal is part of closing.
      await backend.close({ keepResults: true });
      expect(await queue.getJobCounts("waiting", "prioritized", "delayed", "active")).toEqual({ waiting: 0, prioritized: 0, delayed: 0, active: 0 });
    } finally {
      await queue.close();
    }
  });

  it("open() refuses a queue whose only workers run another version (QueueError, exit 2)", async () => {
    const target = parseQueueUrl(redis.url);
    const worker = await QueueWorker.start(target, { version: "0.0.1-old", concurrency: 1 });
    try {
      const error = await QueueBackend.open(target, { version: version() }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QueueError);
      expect((error as QueueError).exitCode).toBe(2);
      expect((error as Error).message).toMatch(/^cannot use the queue at redis:\/\/127\.0\.0\.1:\d+\/0: its 1 worker runs convsim 0\.0\.1-old, this is test-/);
    } finally {
      await worker.stop();
    }
  });
});

describe("QueueBackend with Redis going away", () => {
  it("a Redis restart (data lost) mid-run: the coordinator reconnects, queues the lost tasks again and completes with the serial bytes", async () => {
    const server = await startRedis();
    const target = parseQueueUrl(server.url);
    const v = version();
    const slow = {
      ...good,
      horizon: { days: 1, intervalSeconds: 3600 },
      chatRatesPerSecond: new Array(24).fill(0.3),
      agents: { ...good.agents, scheduled: new Array(24).fill(40) },
    };
    const tasks = tasksOf(slow, [1, 2, 3, 4, 5, 6, 7, 8]);
    const worker = await QueueWorker.start(target, { version: v, concurrency: 1, lockSeconds: 2 });
    const backend = await QueueBackend.open(target, { version: v, lostAfterSeconds: 20 });
    try {
      let restarted: Promise<void> | undefined;
      const remote = await runTasks(tasks, {
        backend,
        onProgress: (finished) => {
          if (finished === 2) restarted ??= server.restart();
        },
      });
      await restarted;
      expect(remote.map((outcome) => outcome.state)).toEqual(new Array(8).fill("completed"));
      expect(JSON.stringify(remote)).toBe(JSON.stringify(await runTasks(tasks, { workers: 1 })));
    } finally {
      await backend.close();
      await worker.stop({ force: true });
      await server.stop();
    }
    // Generous: a loaded machine stretches the 8 tasks and the reconnect.
  }, 240_000);

  it("Redis gone for good mid-run: the run fails within lostAfterSeconds with one clear line (QueueError, exit 1), never hangs", async () => {
    const server = await startRedis();
    const target = parseQueueUrl(server.url);
    const backend = await QueueBackend.open(target, { version: version(), lostAfterSeconds: 2 });
    try {
      const run = runTasks(tasksOf(good, [1, 2]), { backend });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await server.stop();
      const error = await run.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QueueError);
      expect((error as QueueError).exitCode).toBe(1);
      expect((error as Error).message).toMatch(/^lost the queue at redis:\/\/127\.0\.0\.1:\d+\/0: no answer for 2 s/);
    } finally {
      await backend.close({ keepResults: true });
    }
  }, 30_000);
});
