import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeVersion, parseQueueUrl, QueueWorker, queueName } from "../../experiments/distributed/index.ts";
import { type RedisServer, startRedis } from "../../experiments/distributed/testing/redisServer.ts";
import { VERSION } from "../../experiments/run/version.ts";
import { startConvsim, until } from "./convsimProcess.ts";

// A small compare: 2 variants × 4 replications of one day = 8 tasks of a few tenths of a second.
const COMPARE = [
  "compare",
  "experiments/scenarios/baseline.yaml",
  "--policies",
  "experiments/policies/aggressive.yaml",
  "--days",
  "1",
  "--replications",
  "4",
  "--seed",
  "7",
  "--quiet",
];
const convsim = startConvsim;

let redis: RedisServer;
let folder: string;
beforeAll(async () => {
  redis = await startRedis();
  folder = mkdtempSync(join(tmpdir(), "convsim-queue-"));
});
afterAll(async () => {
  await redis?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("convsim worker + compare --queue", () => {
  it("compare through 2 worker processes, one SIGKILLed mid-task: the task is retried on the other and the comparison is the serial one byte for byte", async () => {
    const workers = ["a", "b"].map(() => convsim(["worker", "--queue", redis.url, "--concurrency", "1", "--lock-seconds", "2"]));
    const [a, b] = workers;
    try {
      await until(() => workers.every((worker) => worker.stderr().includes("serving queue")));
      const remoteFile = join(folder, "remote.json");
      const remote = convsim([...COMPARE, "--queue", redis.url, "--out", remoteFile]);
      // Kill a as soon as it has finished one task and started the next (it holds that one when killed).
      await until(() => /done[\s\S]*started/.test(a.stderr()));
      const held = [...a.stderr().matchAll(/task (\S+) started/g)].at(-1)![1];
      a.child.kill("SIGKILL");
      expect(await remote.exited).toBe(0);
      expect(b.stderr()).toMatch(new RegExp(`task ${held} started again \\(its previous worker stopped answering\\)[\\s\\S]*task ${held} done`));

      const serialFile = join(folder, "serial.json");
      expect(await convsim([...COMPARE, "--workers", "1", "--out", serialFile]).exited).toBe(0);
      const remoteDocument = JSON.parse(readFileSync(remoteFile, "utf8"));
      const serialDocument = JSON.parse(readFileSync(serialFile, "utf8"));
      expect(JSON.stringify(remoteDocument.comparison)).toBe(JSON.stringify(serialDocument.comparison));
      expect(remoteDocument.comparison.replications).toBe(4);
      expect(remoteDocument.stamp.queue).toBe(`redis://127.0.0.1:${redis.port}/0`);

      // SIGTERM: b stops gracefully, saying so, exit 0.
      b.child.kill("SIGTERM");
      expect(await b.exited).toBe(0);
      expect(b.stderr()).toMatch(/SIGTERM: finishing the tasks held[\s\S]*stopped: \d+ tasks done, 0 failed/);
    } finally {
      workers.forEach((worker) => {
        worker.child.kill("SIGKILL");
      });
    }
  }, 300_000);

  it("Ctrl-C on a queued compare cancels its tasks: exit 130, the queue holds nothing waiting", async () => {
    const out = join(folder, "interrupted.json");
    // Its own database: the worker SIGKILLed in the test above stays announced for up to
    // WORKER_TTL_SECONDS (it cannot withdraw), and a coordinator that sees it never says "no worker".
    const run = convsim([...COMPARE.filter((arg) => arg !== "--quiet"), "--queue", `${redis.url}/1`, "--out", out]);
    // The CLI's cold start (tsx compiling its modules) took 18 s at a load average of 45 on 2 cores
    // and over 45 s with two more busy processes; the wait ends below the test's own timeout, so a
    // missing line fails here rather than as a bare timeout.
    await until(() => run.stderr().includes("no worker is connected"), 150);
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(130);
    expect(JSON.parse(readFileSync(out, "utf8")).comparison.cancelled).toBe(8);
    // The coordinator removed its tasks before exiting: nothing is left for a worker to take.
    const queue = new Queue(queueName(codeVersion()), { connection: { host: "127.0.0.1", port: redis.port, db: 1 } });
    try {
      expect(await queue.getJobCounts("waiting", "prioritized", "delayed", "active")).toEqual({ waiting: 0, prioritized: 0, delayed: 0, active: 0 });
    } finally {
      await queue.close();
    }
  }, 180_000);
});

describe("--queue bad input: one line, exit 2, nothing written", () => {
  async function refused(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
    const out = join(folder, `refused-${Math.random().toString(36).slice(2)}.json`);
    const run = convsim([...args, "--out", out], env);
    expect(await run.exited).toBe(2);
    expect(existsSync(out)).toBe(false);
    const lines = run.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    return lines[0];
  }

  it("an unreachable Redis", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    expect(await refused([...COMPARE, "--queue", `redis://127.0.0.1:${port}`])).toBe(
      `error: cannot use the queue at redis://127.0.0.1:${port}/0: connection refused (is Redis running there?)`,
    );
  }, 30_000);

  it("a URL that is not redis:// (flag and CONVSIM_QUEUE)", async () => {
    expect(await refused([...COMPARE, "--queue", "http://127.0.0.1:6379"])).toMatch(
      /^error: invalid --queue: "http:\/\/127\.0\.0\.1:6379" \(must be redis:\/\//,
    );
    expect(await refused(["replicate", "experiments/scenarios/baseline.yaml", "--days", "1"], { CONVSIM_QUEUE: "127.0.0.1:6379" })).toMatch(
      /^error: invalid CONVSIM_QUEUE: "127\.0\.0\.1:6379"/,
    );
  }, 30_000);

  it("a wrong password (hidden in the message)", async () => {
    const secured = await startRedis({ password: "right" });
    try {
      const line = await refused(["staff", "experiments/scenarios/contact-center.yaml", "--days", "1", "--queue", `redis://:wrong@127.0.0.1:${secured.port}`]);
      expect(line).toBe(
        `error: cannot use the queue at redis://:***@127.0.0.1:${secured.port}/0: authentication failed (check the user and password in the URL)`,
      );
    } finally {
      await secured.stop();
    }
  }, 30_000);

  it("a queue whose workers run another version", async () => {
    const stale = await QueueWorker.start(parseQueueUrl(redis.url), { version: "0.0.1+0123456789abcdef", concurrency: 1 });
    try {
      expect(await refused([...COMPARE, "--queue", redis.url])).toMatch(
        new RegExp(
          `^error: cannot use the queue at redis://127\\.0\\.0\\.1:\\d+/0: its 1 worker runs convsim 0\\.0\\.1\\+0123456789abcdef, this is ${VERSION.replaceAll(".", "\\.")}\\+[0-9a-f]{16} \\(start workers from the same checkout\\)$`,
        ),
      );
    } finally {
      await stale.stop();
    }
  }, 30_000);

  it("worker without a queue", async () => {
    const run = convsim(["worker"]);
    expect(await run.exited).toBe(2);
    expect(run.stderr().trim()).toBe("error: missing --queue: the Redis to take tasks from, e.g. --queue redis://host:6379 (or set CONVSIM_QUEUE)");
  }, 30_000);
});
