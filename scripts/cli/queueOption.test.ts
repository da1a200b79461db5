import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { formatFunnelCsv } from "../../experiments/calibration/index.ts";
import { fastBaselineData, loadData, observedRows } from "../../experiments/calibration/testFunnel.ts";
import { type RedisServer, startRedis } from "../../experiments/distributed/testing/redisServer.ts";
import { type ConvsimProcess, startConvsim, until } from "./convsimProcess.ts";
import { queueOption } from "./queueOption.ts";

// Every run command with --queue (or CONVSIM_QUEUE) against a real Redis and real `convsim worker`
// processes; each result is compared byte for byte with the same command run on this machine.

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "convsim-queue-runs-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs a command to its end; returns its exit code and stderr. */
async function finish(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stderr: string }> {
  const run = startConvsim(args, env);
  const code = await run.exited;
  return { code, stderr: run.stderr() };
}

/** Runs `args` locally and through the queue; returns both JSON documents (read from --out). */
async function localAndQueued(name: string, args: readonly string[], queueUrl: string, env: NodeJS.ProcessEnv = {}): Promise<{ local: any; queued: any }> {
  const localFile = join(folder, `${name}-local.json`);
  const queuedFile = join(folder, `${name}-queued.json`);
  const queued = await finish([...args, "--queue", queueUrl, "--out", queuedFile], env);
  expect(queued.stderr).not.toMatch(/error/);
  expect(queued.code).toBe(0);
  expect((await finish([...args, "--workers", "1", "--out", localFile])).code).toBe(0);
  return { local: JSON.parse(readFileSync(localFile, "utf8")), queued: JSON.parse(readFileSync(queuedFile, "utf8")) };
}

async function startWorkers(count: number, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ConvsimProcess[]> {
  const workers = Array.from({ length: count }, () => startConvsim(["worker", "--concurrency", "1", ...args], env));
  await until(() => workers.every((worker) => worker.stderr().includes("serving queue")));
  return workers;
}

async function stopWorkers(workers: readonly ConvsimProcess[]): Promise<void> {
  for (const worker of workers) worker.child.kill("SIGTERM");
  await Promise.all(workers.map((worker) => worker.exited));
}

describe("uncertainty worlds and calibrate through 2 worker processes", () => {
  let redis: RedisServer;
  let workers: ConvsimProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    workers = await startWorkers(2, ["--queue", redis.url]);
  }, 180_000);
  afterAll(async () => {
    await stopWorkers(workers);
    await redis?.stop();
  });

  // The baseline store's patience and invitation sensitivity are uncertain ({uncertain: ...}).
  it.each([
    [
      "compare",
      [
        "compare",
        "experiments/scenarios/baseline.yaml",
        "--policies",
        "experiments/policies/aggressive.yaml",
        "--worlds",
        "3",
        "--replications",
        "2",
        "--days",
        "1",
        "--seed",
        "5",
        "--quiet",
      ],
    ],
    [
      "staff",
      ["staff", "experiments/scenarios/baseline.yaml", "--worlds", "2", "--levels", "2,3", "--replications", "2", "--days", "1", "--seed", "5", "--quiet"],
    ],
    ["simulate", ["simulate", "experiments/scenarios/baseline.yaml", "--worlds", "3", "--days", "1", "--seed", "5", "--quiet"]],
  ])(
    "%s --worlds N --queue: the decision is the local one byte for byte, run by the workers",
    async (name, args) => {
      const before = workers.map((worker) => (worker.stderr().match(/^.*task \S+ done \(/gm) ?? []).length);
      const { local, queued } = await localAndQueued(`worlds-${name}`, args, redis.url);
      expect(queued.decision.kind).toBe("decision");
      expect(JSON.stringify(queued.decision)).toBe(JSON.stringify(local.decision));
      expect(queued.stamp.queue).toBe(`redis://127.0.0.1:${redis.port}/0`);
      expect(local.stamp.queue).toBeUndefined();
      // Tasks ran on the workers: every world × variant × replication once.
      const done = workers.reduce((sum, worker, index) => sum + (worker.stderr().match(/^.*task \S+ done \(/gm) ?? []).length - before[index], 0);
      const variants = Object.keys(queued.decision.worlds[0].metric).length;
      expect(done).toBe(queued.stamp.worlds * variants * queued.stamp.replications);
    },
    600_000,
  );

  it("calibrate --queue: the fit and the calibrated scenario are the local ones", async () => {
    const data = fastBaselineData(15_000);
    data.chat.policy = fileURLToPath(new URL("../../experiments/policies/reactive-only.yaml", import.meta.url));
    const scenario = join(folder, "store.yaml");
    writeFileSync(scenario, stringify(data));
    const observed = join(folder, "observed.csv");
    writeFileSync(observed, formatFunnelCsv(observedRows(loadData(fastBaselineData(15_000)), ["seen:1"], false)));
    const args = (target: string) => [
      "calibrate",
      scenario,
      "--observed",
      observed,
      "--replications",
      "1",
      "--max-iterations",
      "1",
      "--seed",
      "4",
      "--quiet",
      "--out-scenario",
      join(folder, target),
    ];
    const queuedFile = join(folder, "calibrate-queued.json");
    const localFile = join(folder, "calibrate-local.json");
    const queued = await finish([...args("queued.yaml"), "--queue", redis.url, "--out", queuedFile]);
    expect(queued.stderr).toBe("");
    expect(queued.code).toBe(0);
    expect((await finish([...args("local.yaml"), "--workers", "1", "--out", localFile])).code).toBe(0);
    const [queuedDocument, localDocument] = [queuedFile, localFile].map((file) => JSON.parse(readFileSync(file, "utf8")));
    expect(queuedDocument.calibration.parameters.length).toBeGreaterThan(0);
    expect(JSON.stringify(queuedDocument.calibration)).toBe(JSON.stringify(localDocument.calibration));
    expect(queuedDocument.stamp.queue).toBe(`redis://127.0.0.1:${redis.port}/0`);
    // The scenario files differ only in their "Reproduce:" comment line (the command that made them).
    const body = (file: string) => readFileSync(join(folder, file), "utf8").replace(/^# Reproduce: .*\n/m, "");
    expect(body("queued.yaml")).toBe(body("local.yaml"));
  }, 600_000);
});

describe("a password-protected Redis over TLS (rediss://)", () => {
  let redis: RedisServer;
  let workers: ConvsimProcess[] = [];
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    redis = await startRedis({ password: "s3cret/with@signs", tls: true });
    // The self-signed certificate is trusted through Node's documented variable, as a private CA would be.
    env = { NODE_EXTRA_CA_CERTS: redis.caFile, CONVSIM_QUEUE: redis.url };
    workers = await startWorkers(1, [], env);
  }, 180_000);
  afterAll(async () => {
    await stopWorkers(workers);
    await redis?.stop();
  });

  it("replicate with CONVSIM_QUEUE=rediss://:PASSWORD@…: same bytes as local, the password shown nowhere", async () => {
    expect(redis.url).toMatch(/^rediss:\/\/:s3cret%2Fwith%40signs@127\.0\.0\.1:\d+$/);
    const out = join(folder, "tls.json");
    const run = await finish(
      ["replicate", "experiments/scenarios/contact-center.yaml", "--days", "1", "--replications", "3", "--seed", "3", "--out", out],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("s3cret");
    const local = join(folder, "tls-local.json");
    expect(
      (
        await finish([
          "replicate",
          "experiments/scenarios/contact-center.yaml",
          "--days",
          "1",
          "--replications",
          "3",
          "--seed",
          "3",
          "--workers",
          "1",
          "--out",
          local,
        ])
      ).code,
    ).toBe(0);
    const [queued, serial] = [out, local].map((file) => JSON.parse(readFileSync(file, "utf8")));
    expect(JSON.stringify(queued.replications)).toBe(JSON.stringify(serial.replications));
    expect(queued.stamp.queue).toBe(`rediss://:***@127.0.0.1:${redis.port}/0`);
    expect(readFileSync(out, "utf8")).not.toContain("s3cret");
    expect(workers[0].stderr()).toMatch(/ done/);
  }, 600_000);

  it("a TLS Redis without the certificate trusted: one line naming the URL, exit 2", async () => {
    const run = await finish([
      "replicate",
      "experiments/scenarios/contact-center.yaml",
      "--days",
      "1",
      "--queue",
      redis.url,
      "--out",
      join(folder, "untrusted.json"),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^error: cannot use the queue at rediss://:\\*\\*\\*@127\\.0\\.0\\.1:${redis.port}/0: self[- ]signed certificate\\n$`),
    );
  }, 120_000);

  it("plain redis:// to the TLS port gets no answer: one line, exit 2", async () => {
    const run = await finish(["replicate", "experiments/scenarios/contact-center.yaml", "--days", "1", "--out", join(folder, "plain.json")], {
      CONVSIM_QUEUE: `redis://:x@127.0.0.1:${redis.port}`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: cannot use the queue at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0: /);
  }, 120_000);
});

describe("npm start (convsim start) honours CONVSIM_QUEUE", () => {
  it("queueOption reads CONVSIM_QUEUE when the flag is absent, and the flag wins", () => {
    expect(queueOption(undefined, { CONVSIM_QUEUE: "redis://h:1/2" })?.display).toBe("redis://h:1/2");
    expect(queueOption("redis://flag:3", { CONVSIM_QUEUE: "redis://h:1/2" })?.display).toBe("redis://flag:3/0");
    expect(queueOption(undefined, {})).toBeUndefined();
  });

  it("start with CONVSIM_QUEUE pointing at nothing: checked before any simulation, one line, exit 2, nothing written", async () => {
    const out = join(folder, "start-out");
    const run = await finish(["start", "--out", out, "--quiet"], { CONVSIM_QUEUE: "redis://127.0.0.1:1" });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: cannot use the queue at redis://127.0.0.1:1/0: connection refused (is Redis running there?)\n");
    expect(() => readFileSync(join(out, "index.html"))).toThrow();
  }, 120_000);
});
