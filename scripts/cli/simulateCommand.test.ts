import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario, parseFunnelCsv, readDataFile, VERSION } from "../../experiments/index.ts";
import { type CliRun, spawnCli } from "./spawnCli.ts";

// The real command line in a child process, as a user runs it: exit codes, stdout, stderr, files.

const baselinePath = fileURLToPath(new URL("../../experiments/scenarios/baseline.yaml", import.meta.url));
const policyPath = fileURLToPath(new URL("../../experiments/policies/reactive-only.yaml", import.meta.url));

/** Child processes at once: each start-up transpiles the CLI, so a few in parallel save most of the wall time. */
const MAX_PARALLEL_RUNS = 4;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `convsim <args>` from the project root and collects its output. */
async function cli(...args: string[]): Promise<CliRun> {
  if (running >= MAX_PARALLEL_RUNS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await spawnCli(args);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** A stack frame line, which the CLI prints only for a genuine bug. */
const STACK_FRAME = /^\s+at /m;

let folder: string;
/** The baseline at 2,000 sessions a day: the same model, a fraction of the run time. */
let smallScenario: string;
let badScenario: string;
let brokenYaml: string;
const file = (name: string): string => join(folder, name);

/** Every command line the tests check, started together in beforeAll (MAX_PARALLEL_RUNS at a time). */
let runs: Record<
  | "baseline"
  | "json"
  | "noChatLift"
  | "outWithOverrides"
  | "sameSeedA"
  | "sameSeedB"
  | "events"
  | "funnelCsv"
  | "bad"
  | "unknownFlag"
  | "daysText"
  | "daysZero"
  | "daysFraction"
  | "missing"
  | "noFile"
  | "brokenYaml",
  Promise<CliRun>
>;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "convsim-cli-"));
  const data = readDataFile(baselinePath, "scenario file") as Record<string, any>;
  data.traffic.sessionsPerDay = 2000;
  data.chat.policy = policyPath;
  smallScenario = file("small.json");
  writeFileSync(smallScenario, JSON.stringify(data, null, 2));
  data.agents.concurrency = 0;
  data.horizon.intervalMinutes = 20;
  badScenario = file("bad.json");
  writeFileSync(badScenario, JSON.stringify(data, null, 2));
  brokenYaml = file("broken.yaml");
  writeFileSync(brokenYaml, "name: broken\nhorizon: { days: 1\ntraffic: 3\n");
  runs = {
    baseline: cli("simulate", "experiments/scenarios/baseline.yaml"),
    json: cli("simulate", smallScenario, "--json", "--seed", "7"),
    noChatLift: cli("simulate", smallScenario, "--json", "--seed", "7", "--no-chat-lift"),
    outWithOverrides: cli("simulate", smallScenario, "--out", file("results/small.json"), "--seed", "spring", "--days", "2"),
    sameSeedA: cli("simulate", smallScenario, "--json", "--seed", "11"),
    sameSeedB: cli("simulate", smallScenario, "--json", "--seed", "11"),
    events: cli("simulate", smallScenario, "--json", "--events", file("sessions.jsonl"), "--seed", "5"),
    funnelCsv: cli("simulate", smallScenario, "--json", "--funnel-csv", file("observed.csv"), "--seed", "5"),
    bad: cli("simulate", badScenario, "--out", file("bad-results.json"), "--events", file("bad-sessions.jsonl")),
    unknownFlag: cli("simulate", smallScenario, "--sed", "3", "--out", file("never-1.json")),
    daysText: cli("simulate", smallScenario, "--days", "abc", "--out", file("never-2.json")),
    daysZero: cli("simulate", smallScenario, "--days", "0", "--out", file("never-3.json")),
    daysFraction: cli("simulate", smallScenario, "--days", "2.5", "--out", file("never-4.json")),
    missing: cli("simulate", file("no-such-scenario.yaml")),
    noFile: cli("simulate"),
    brokenYaml: cli("simulate", brokenYaml),
  };
});

afterAll(async () => {
  if (runs !== undefined) await Promise.allSettled(Object.values(runs));
  rmSync(folder, { recursive: true, force: true });
});

describe("convsim simulate", () => {
  it("simulate baseline prints the summary and exits 0", async () => {
    const run = await runs.baseline;
    expect(run.stderr).toMatch(/^next: .+\n$/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Baseline mid-size store · seed 20261123 · 1 day · scenario [0-9a-f]{16} · \d+\.\d\d s\n/);
    for (const section of ["Funnel", "Revenue", "Chat invitations", "Chat queue"]) expect(run.stdout).toMatch(new RegExp(`^${section}$`, "m"));
    expect(run.stdout).toMatch(/^Chat lift for chat users \([\d,]+ sessions with an answered chat\)$/m);
    expect(run.stdout).toMatch(
      /^ {2}causal \(same shoppers, no desk\) +\d+(\.\d)?% vs \d+(\.\d)?%: \+\d+(\.\d)? pp, \+\d+% relative, 95% CI [+−]?\d+(\.\d)? pp to [+−]?\d+(\.\d)? pp$/m,
    );
    expect(run.stdout).toMatch(/^ {2}naive \(vs shoppers who did not chat\) +\d+(\.\d)?% vs \d+(\.\d)?%: \+\d+(\.\d)? pp, \+\d+% relative$/m);
    // One decimal is shown only when it is not zero (the shared formatter drops trailing zeros).
    expect(run.stdout).toMatch(/self-selection/);
    expect(run.stdout).toMatch(/^ {2}sessions +\d{2},\d{3}$/m);
    expect(run.stdout).toMatch(/^ {2}orders +[\d,]+ \(conversion \d\.\d\d%\)$/m);
    expect(run.stdout).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("simulate --json prints valid JSON stamped with seed, scenario hash and version", async () => {
    const run = await runs.json;
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^next: .+\n$/);
    const { stamp, results } = JSON.parse(run.stdout);
    expect(stamp).toMatchObject({
      tool: "convsim",
      command: "simulate",
      seed: 7,
      version: VERSION,
      scenarioHash: loadScenario(smallScenario).hash,
      scenarioPath: smallScenario,
    });
    expect(stamp.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
    expect(new Date(stamp.generatedAt).toISOString()).toBe(stamp.generatedAt);
    expect(stamp.reproduce).toBe(`npm run simulate -- ${smallScenario} --seed 7`);
    expect(results).toMatchObject({ kind: "store", seed: 7, horizonDays: 1 });
    expect(results.funnel.sessions).toBeGreaterThan(1800);
    expect(results.intervals.sessions).toHaveLength(48);
  });

  it("simulate --json carries the causal and naive chat lift and the sources of every behavioural parameter", async () => {
    const { results, chatLift, sources } = JSON.parse((await runs.json).stdout);
    expect(chatLift.chatters).toBeGreaterThan(0);
    // Both lifts compare the chatters' purchase rate in this run with another group.
    expect(chatLift.causal.treatedRate).toBe(chatLift.naive.treatedRate);
    expect(chatLift.causal.points).toBeCloseTo((chatLift.causal.treatedRate - chatLift.causal.comparisonRate) * 100, 10);
    expect(chatLift.naive.relative).toBeCloseTo(chatLift.naive.treatedRate / chatLift.naive.comparisonRate - 1, 10);
    expect(chatLift.chatters + chatLift.nonChatters).toBe(results.funnel.sessions);
    expect(chatLift.explanation).toMatch(/self-selection/);
    const rescue = sources.find((entry: { path: string }) => entry.path === "chat.rescueProbability");
    expect(rescue).toMatchObject({
      kind: "calibrated",
      figures: expect.arrayContaining([expect.objectContaining({ id: "liveChat.causalPurchaseLift", reading: "percentagePoints" })]),
    });
    expect(sources.find((entry: { path: string }) => entry.path === "segments[*].techComfort")).toMatchObject({
      kind: "assumption",
      range: { low: 0.3, high: 0.9 },
    });
  });

  it("simulate --no-chat-lift skips the paired run and leaves the run's own results byte for byte", async () => {
    const [paired, single] = [JSON.parse((await runs.json).stdout), JSON.parse((await runs.noChatLift).stdout)];
    expect(single.chatLift).toBeUndefined();
    expect(JSON.stringify(single.results)).toBe(JSON.stringify(paired.results));
  });

  it("simulate --out writes the full results to a file, with --seed (a word) and --days applied", async () => {
    const run = await runs.outWithOverrides;
    const out = file("results/small.json");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`results written to ${out}\n`);
    const { stamp, results } = JSON.parse(readFileSync(out, "utf8"));
    expect(stamp).toMatchObject({ seed: "spring", version: VERSION, scenarioHash: loadScenario(smallScenario, { days: 2 }).hash });
    expect(stamp.reproduce).toBe(`npm run simulate -- ${smallScenario} --days 2 --seed spring`);
    expect(results).toMatchObject({ kind: "store", seed: "spring", horizonDays: 2 });
    expect(results.intervals.sessions).toHaveLength(96);
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(file("results"))).toEqual(["small.json"]);
  });

  it("simulate --json twice with one seed prints the same bytes but for generatedAt and runSeconds", async () => {
    const [first, second, otherSeed] = await Promise.all([runs.sameSeedA, runs.sameSeedB, runs.json]);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(JSON.parse(first.stdout).results).toEqual(JSON.parse(second.stdout).results);
    const mask = (text: string): string => text.replace(/"generatedAt": "[^"]*"/, '"generatedAt": "…"').replace(/"runSeconds": [^,\n]*/, '"runSeconds": …');
    expect(mask(first.stdout)).toBe(mask(second.stdout));
    expect(JSON.parse(otherSeed.stdout).results).not.toEqual(JSON.parse(first.stdout).results);
  });

  it("simulate --funnel-csv writes the run's funnel and chat counts as the CSV calibrate reads", async () => {
    const run = await runs.funnelCsv;
    expect(run.code).toBe(0);
    const { results } = JSON.parse(run.stdout);
    const rows = parseFunnelCsv(readFileSync(file("observed.csv"), "utf8"));
    const count = (kind: string) => rows.find((row) => row.kind === kind && row.step === null)!.count;
    expect([count("sessions"), count("orders"), count("chatRequests"), count("sessionsWithChat"), count("ordersWithChat")]).toEqual([
      results.funnel.sessions,
      results.funnel.orders,
      results.chat.requests,
      results.outcome.sessionsWithChat,
      results.outcome.ordersWithChat,
    ]);
  });

  it("simulate --events writes one JSON line per session", async () => {
    const run = await runs.events;
    expect(run.code).toBe(0);
    const { results } = JSON.parse(run.stdout);
    const lines = readFileSync(file("sessions.jsonl"), "utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(results.funnel.sessions);
    const records = lines.map((line) => JSON.parse(line));
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
    expect(records.filter((record) => record.outcome === "order")).toHaveLength(results.funnel.orders);
    for (const record of records.slice(0, 50)) {
      expect(record).toMatchObject({
        segment: expect.any(String),
        outcome: expect.any(String),
        arrivedAtSeconds: expect.any(Number),
        endedAtSeconds: expect.any(Number),
      });
      expect(record.endedAtSeconds).toBeGreaterThanOrEqual(record.arrivedAtSeconds);
    }
  });
});

describe("convsim simulate: bad input exits 2 with one line per problem and no stack", () => {
  it("simulate <bad scenario> --out --events prints every problem, writes nothing and exits 2", async () => {
    const run = await runs.bad;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stderr).toContain(`error: ${badScenario}:\n`);
    expect(run.stderr).toContain("  invalid agents.concurrency: 0 (must be an integer >= 1)\n");
    expect(run.stderr).toContain("  invalid horizon.intervalMinutes: 20 (must be one of 15, 30, 60)\n");
    expect(existsSync(file("bad-results.json"))).toBe(false);
    expect(existsSync(file("bad-sessions.jsonl"))).toBe(false);
    expect(readdirSync(folder).filter((name) => name.startsWith("bad-"))).toEqual([]);
  });

  it.each([
    ["an unknown flag", "unknownFlag", "never-1.json", /^error: invalid option --sed: unknown option \(did you mean --seed\?\)\n$/],
    ["--days abc", "daysText", "never-2.json", /^error: invalid --days: "abc" \(must be an integer from 1 to 3650\)\n$/],
    ["--days 0", "daysZero", "never-3.json", /^error: invalid --days: "0" \(must be an integer from 1 to 3650\)\n$/],
    ["--days 2.5", "daysFraction", "never-4.json", /^error: invalid --days: "2\.5" \(must be an integer from 1 to 3650\)\n$/],
  ] as const)("simulate with %s exits 2 and writes no --out file", async (_label, name, out, message) => {
    const run = await runs[name];
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(existsSync(file(out))).toBe(false);
  });

  it("simulate <missing file> and simulate with no file exit 2 without a stack", async () => {
    const missing = await runs.missing;
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`error: cannot read scenario file ${file("no-such-scenario.yaml")}: no such file\n`);
    const none = await runs.noFile;
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: .*SCENARIO.* \(see --help\)\n$/);
    expect(none.stderr).not.toMatch(STACK_FRAME);
  });

  it("simulate <YAML with a syntax error> names the line and exits 2", async () => {
    const run = await runs.brokenYaml;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: invalid scenario file .*broken\.yaml: YAML syntax error at line 3, column 1: .+\n$/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
