import { randomUUID } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { defineCommand, type ParsedArgs } from "citty";
import type { ChatLift } from "../../experiments/chatLift/index.ts";
import type { QueueTarget } from "../../experiments/distributed/index.ts";
import { parameterEvidence } from "../../experiments/evidence/parameterEvidence.ts";
import { KPI_KEYS } from "../../experiments/kpis/kpis.ts";
import { resolveSeed, simulateScenario } from "../../experiments/run/simulateScenario.ts";
import { makeStamp } from "../../experiments/run/stamp.ts";
import { type LoadedScenario, loadScenario } from "../../experiments/scenario/loadScenario.ts";
import type { SessionRecord, SimulationResults } from "../../sim/model/index.ts";
import { integerOption, maxSessionsOption, rejectUnknownOptions, seedOption } from "./options.ts";
import { printNext } from "./printNext.ts";
import { reproduceCommand } from "./reproduce.ts";
import { scenarioFormatter } from "./scenarioFormatter.ts";
import { simulateArgs as args } from "./simulateArgs.ts";
import { simulationSummary } from "./simulationSummary.ts";
import { UsageError } from "./UsageError.ts";
import { warmupOption } from "./warmupOption.ts";
import { worldsOption } from "./worldsOption.ts";
import { checkOutputPaths, outputError, writeFileAtomic } from "./writeFileAtomic.ts";
import { writeReportLater } from "./writeReportLater.ts";

// One run of a scenario is the common case and is timed end to end against SimPy (npm run bench):
// its imports are leaf modules that a single run needs. What only some runs use (--worlds with its
// worker pool and queue client, the store's paired chat-lift run, the funnel CSV) is imported when asked.

/** `simulate <scenario>`: one run of a scenario, summary or JSON. */
export const simulateCommand = defineCommand({
  meta: { name: "simulate" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    checkOutputPaths(parsed.out, parsed.report, parsed.events, parsed.funnelCsv);
    const days = integerOption(parsed.days, "--days", 1, 3650);
    const seedArg = seedOption(parsed.seed);
    const worlds = worldsOption(parsed.worlds);
    if (parsed.metric !== undefined && !KPI_KEYS.includes(parsed.metric))
      throw new UsageError(`invalid --metric: ${JSON.stringify(parsed.metric)} (allowed: ${KPI_KEYS.join(", ")})`);
    // --workers and --queue only matter with --worlds; given without it they are still checked (exit 2 on a bad value).
    const runArgs =
      worlds !== undefined || parsed.workers !== undefined || parsed.queue !== undefined ? (await import("./runArgs.ts")).parseRunArgs(parsed) : null;
    const loaded = loadScenario(parsed.scenario, { days, maxSessions: maxSessionsOption(parsed.maxSessions), warmupSeconds: warmupOption(parsed.warmup) });
    const seed = resolveSeed(loaded, seedArg);
    if (worlds !== undefined && runArgs !== null && (await simulateWorlds(parsed, rawArgs, loaded, seed, worlds, runArgs))) return;
    const started = performance.now();
    const log = parsed.events ? openEventLog(parsed.events) : null;
    let results: SimulationResults;
    // A store run is paired with a run without the chat desk (same seed) for the causal chat lift.
    let chatLift: ChatLift | undefined;
    try {
      if (loaded.config.kind === "store" && parsed.chatLift !== false) {
        const { measureChatLift } = await import("../../experiments/chatLift/measureChatLift.ts");
        const paired = measureChatLift(loaded.config, { seed, onSession: log?.write });
        results = paired.results;
        chatLift = paired.lift;
      } else results = simulateScenario(loaded, { seed, onSession: log?.write });
      log?.commit();
    } finally {
      log?.abandon();
    }
    const stamp = makeStamp({
      command: "simulate",
      scenario: results.scenario,
      scenarioPath: loaded.path,
      scenarioHash: loaded.hash,
      seed,
      generatedAt: new Date().toISOString(),
      runSeconds: (performance.now() - started) / 1000,
      reproduce: reproduceCommand("simulate", rawArgs, seed),
    });
    const document = { stamp, results, ...(chatLift === undefined ? {} : { chatLift }), sources: parameterEvidence(results.kind) };
    if (parsed.out) writeFileAtomic(parsed.out, `${JSON.stringify(document, null, 2)}\n`);
    if (parsed.funnelCsv) {
      const { formatFunnelCsv, funnelRowsFromResults } = await import("../../experiments/calibration/index.ts");
      writeFileAtomic(parsed.funnelCsv, formatFunnelCsv(funnelRowsFromResults(results)));
    }
    if (parsed.report) await writeReportLater([document], parsed.report, { sources: [parsed.out ?? "(in memory)"] });
    if (parsed.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    else {
      process.stdout.write(simulationSummary(results, stamp, scenarioFormatter(loaded.scenario), chatLift));
      if (parsed.out) process.stdout.write(`results written to ${parsed.out}\n`);
      if (parsed.events) process.stdout.write(`session log written to ${parsed.events}\n`);
      if (parsed.funnelCsv) process.stdout.write(`funnel counts written to ${parsed.funnelCsv}\n`);
    }
    printNext(
      parsed.report ? `open ${parsed.report}` : `convsim replicate ${parsed.scenario} for confidence intervals, or add --report FILE for charts`,
      parsed.quiet,
    );
  },
});

type SimulateArgs = ParsedArgs<typeof args>;

/**
 * `simulate --worlds N`: one run per parameter world (the spread over worlds holds the simulation
 * noise with the parameter uncertainty). False when the scenario has no uncertain number, so one
 * plain run follows; the worker pool and queue client load only here.
 */
async function simulateWorlds(
  parsed: SimulateArgs,
  rawArgs: string[],
  loaded: LoadedScenario,
  seed: string | number,
  worlds: number,
  runArgs: { workers: number; queue: QueueTarget | undefined },
): Promise<boolean> {
  const worldsRun = await import("./worldsRun.ts");
  const variants = [{ name: loaded.config.name, scenario: loaded }];
  if (!worldsRun.worldsApply(worlds, variants)) return false;
  if (parsed.events) throw new UsageError(`invalid --events: ${JSON.stringify(parsed.events)} with --worlds (a session log is of one run)`);
  if (parsed.funnelCsv) throw new UsageError(`invalid --funnel-csv: ${JSON.stringify(parsed.funnelCsv)} with --worlds (the counts are of one run)`);
  await worldsRun.runWorldsCommand({
    sensitivity: parsed.sensitivity,
    command: "simulate",
    variants,
    worlds,
    replications: 1,
    seed,
    workers: runArgs.workers,
    metric: parsed.metric ?? (loaded.config.kind === "store" ? "conversionRate" : "serviceLevel"),
    scenarioPath: loaded.path,
    scenarioHash: loaded.hash,
    currency: loaded.scenario.currency,
    queue: runArgs.queue,
    rawArgs,
    flags: { out: parsed.out, report: parsed.report, json: parsed.json, quiet: parsed.quiet },
  });
  return true;
}

/** A JSONL session log streamed to a temporary file and renamed into place only when the run succeeds. */
function openEventLog(path: string): { write: (record: SessionRecord) => void; commit: () => void; abandon: () => void } {
  // A random temporary name: two runs logging to the same file never share it.
  const temporary = `${path}.${randomUUID()}.tmp`;
  let fd: number;
  try {
    fd = openSync(temporary, "w");
  } catch (error) {
    throw outputError(path, error);
  }
  let open = true;
  let buffer = "";
  const flush = (): void => {
    if (buffer.length > 0) writeSync(fd, buffer);
    buffer = "";
  };
  return {
    write(record) {
      buffer += `${JSON.stringify(record)}\n`;
      if (buffer.length > 1 << 16) flush();
    },
    commit() {
      flush();
      closeSync(fd);
      open = false;
      renameSync(temporary, path);
    },
    abandon() {
      if (!open) return;
      closeSync(fd);
      open = false;
      rmSync(temporary, { force: true });
    },
  };
}
