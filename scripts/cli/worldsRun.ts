import type { QueueTarget } from "../../experiments/distributed/index.ts";
import { makeStamp } from "../../experiments/index.ts";
import {
  checkWorldRun,
  runWorldDecision,
  type SensitivityMethod,
  sharedParameters,
  type WorldDecisionResults,
  type WorldVariant,
  worldsToRun,
} from "../../experiments/worlds/index.ts";
import { decisionSummary } from "./decisionSummary.ts";
import { interruptSignal } from "./interrupt.ts";
import { printNext } from "./printNext.ts";
import { createProgress } from "./progress.ts";
import { queueStamp, withQueue } from "./queueOption.ts";
import { reproduceCommand } from "./reproduce.ts";
import { UsageError } from "./UsageError.ts";
import { writeFileAtomic } from "./writeFileAtomic.ts";
import { writeReportLater } from "./writeReportLater.ts";

/** `--sensitivity rank|sobol`, checked (house format); undefined when absent. */
export function sensitivityOption(value: unknown): SensitivityMethod | undefined {
  if (value === undefined) return undefined;
  if (value === "rank" || value === "sobol") return value;
  throw new UsageError(`invalid --sensitivity: ${JSON.stringify(value)} (must be rank or sobol)`);
}

/**
 * Whether a `--worlds` run applies: with no uncertain parameter in any variant it says so on stderr
 * (one line) and the command runs as it does without the flag.
 */
export function worldsApply(worlds: number | undefined, variants: readonly WorldVariant[]): worlds is number {
  if (worlds === undefined) return false;
  if (sharedParameters(variants).length > 0) return true;
  process.stderr.write(
    `note: --worlds ${worlds} ignored: the scenario has no uncertain parameters (write one as {uncertain: {low, high}}); running as without it\n`,
  );
  return false;
}

export interface WorldsRunInput {
  command: string;
  variants: readonly WorldVariant[];
  worlds: number;
  replications: number;
  seed: string | number;
  workers: number;
  metric: string;
  level?: number;
  /** `--sensitivity` as given (checked here). */
  sensitivity?: unknown;
  scenarioPath: string | null;
  scenarioHash: string;
  currency: string;
  /** Remote workers' queue (`--queue` or CONVSIM_QUEUE); undefined: this machine's threads. */
  queue?: QueueTarget;
  rawArgs: readonly string[];
  flags: { out?: string; report?: string; json?: boolean; quiet?: boolean; failFast?: boolean };
}

/**
 * Runs a decision across worlds for a command and writes what it asks for: JSON (`{ stamp, decision }`)
 * to --out / stdout, an HTML report, or the summary. Too large a run is refused before anything runs.
 * With a queue the worlds' tasks go to the remote workers like replications do (same tasks, merged in
 * task order, so the document is the local one byte for byte apart from the stamp).
 */
export async function runWorldsCommand(input: WorldsRunInput): Promise<WorldDecisionResults> {
  const sensitivity = sensitivityOption(input.sensitivity);
  try {
    checkWorldRun(input.worlds, input.variants.length, input.replications, worldsToRun(input.worlds, sharedParameters(input.variants).length, sensitivity));
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message.replace(/^invalid worlds/, "invalid --worlds"));
    throw error;
  }
  const progress = createProgress(input.command, { quiet: input.flags.quiet });
  const interrupt = interruptSignal();
  const started = performance.now();
  let decision: WorldDecisionResults;
  try {
    decision = await withQueue(input.queue, { quiet: input.flags.quiet, signal: interrupt.signal }, (backend) =>
      runWorldDecision(input.variants, {
        worlds: input.worlds,
        replications: input.replications,
        seed: input.seed,
        metric: input.metric,
        level: input.level,
        sensitivity,
        workers: input.workers,
        backend,
        failFast: input.flags.failFast,
        signal: interrupt.signal,
        onProgress: progress.update,
        clock: () => performance.now(),
      }),
    );
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  const stamp = makeStamp({
    command: input.command,
    scenario: decision.scenario,
    scenarioPath: input.scenarioPath,
    scenarioHash: input.scenarioHash,
    seed: input.seed,
    generatedAt: new Date().toISOString(),
    runSeconds: (performance.now() - started) / 1000,
    reproduce: reproduceCommand(input.command, [...input.rawArgs], input.seed),
  });
  const document = {
    stamp: { ...stamp, worlds: input.worlds, replications: input.replications, workers: input.workers, ...queueStamp(input.queue) },
    decision,
  };
  const { out, report, json } = input.flags;
  if (out) writeFileAtomic(out, `${JSON.stringify(document, null, 2)}\n`);
  if (report) await writeReportLater([document], report, { sources: [out ?? "(in memory)"] });
  if (json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else process.stdout.write(decisionSummary(decision, input.currency) + (out ? `results written to ${out}\n` : ""));
  printNext(report ? `open ${report}` : "add --report FILE for the decision across worlds with its charts", input.flags.quiet);
  if (decision.stoppedBy === "interrupted") process.exitCode = 130;
  else if (decision.errored.length > 0) process.exitCode = 1;
  return decision;
}
