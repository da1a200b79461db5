import { defineCommand } from "citty";
import { formatCsv } from "../../experiments/csv/index.ts";
import { loadScenario, makeStamp, resolveSeed } from "../../experiments/index.ts";
import { KPI_KEYS, KPIS } from "../../experiments/kpis/index.ts";
import { type ReplicationSet, replicate } from "../../experiments/replications/index.ts";
import { interruptSignal } from "./interrupt.ts";
import { integerOption, numberOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { createProgress } from "./progress.ts";
import { queueStamp, withQueue } from "./queueOption.ts";
import { replicateArgs as args } from "./replicateArgs.ts";
import { replicationSummary } from "./replicationSummary.ts";
import { reproduceCommand } from "./reproduce.ts";
import { parseRunArgs } from "./runArgs.ts";
import { scenarioFormatter } from "./scenarioFormatter.ts";
import { warmupLine } from "./simulationSummary.ts";
import { UsageError } from "./UsageError.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";

/** `replicate`: R replications of one scenario, every KPI with a confidence interval. */
export const replicateCommand = defineCommand({
  meta: { name: "replicate" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    checkOutputPaths(parsed.out, parsed.csv);
    const { days, warmupSeconds, replications, workers, seed: seedArg, queue, maxSessions } = parseRunArgs(parsed);
    const level = numberOption(parsed.level, "--level", 0.5, 0.9999) ?? 0.95;
    if (parsed.targetKpi !== undefined && !KPI_KEYS.includes(parsed.targetKpi))
      throw new UsageError(`invalid --target-kpi: ${JSON.stringify(parsed.targetKpi)} (allowed: ${KPI_KEYS.join(", ")})`);
    const precision = parsed.targetKpi
      ? {
          kpi: parsed.targetKpi,
          relativeHalfWidth: numberOption(parsed.targetHalfWidth, "--target-half-width", 0.0001, 1) ?? 0.05,
          maxReplications: integerOption(parsed.maxReplications, "--max-replications", replications, 100_000) ?? Math.max(200, replications),
        }
      : undefined;
    const loaded = loadScenario(parsed.scenario, { days, maxSessions, warmupSeconds });
    const seed = resolveSeed(loaded, seedArg);
    const progress = createProgress("replicate", { quiet: parsed.quiet });
    const interrupt = interruptSignal();
    const started = performance.now();
    let set: ReplicationSet;
    try {
      set = await withQueue(queue, { quiet: parsed.quiet, signal: interrupt.signal }, (backend) =>
        replicate(loaded.config, {
          replications,
          seed,
          level,
          workers,
          backend,
          precision,
          failFast: parsed.failFast,
          signal: interrupt.signal,
          onProgress: progress.update,
        }),
      );
    } finally {
      progress.stop();
      interrupt.dispose();
    }
    const stamp = makeStamp({
      command: "replicate",
      scenario: set.scenario,
      scenarioPath: loaded.path,
      scenarioHash: loaded.hash,
      seed,
      generatedAt: new Date().toISOString(),
      runSeconds: (performance.now() - started) / 1000,
      reproduce: reproduceCommand("replicate", rawArgs, seed),
    });
    const { runs: _runs, ...summary } = set;
    const document = { stamp: { ...stamp, replications: set.completed, workers, ...queueStamp(queue) }, replications: parsed.keepRuns ? set : summary };
    if (parsed.out) writeFileAtomic(parsed.out, `${JSON.stringify(document, null, 2)}\n`);
    if (parsed.csv)
      writeFileAtomic(
        parsed.csv,
        formatCsv(
          KPIS.flatMap((definition) => (set.kpis[definition.key] ? [{ kpi: definition.key, unit: definition.unit, ...set.kpis[definition.key] }] : [])),
        ),
      );
    const format = scenarioFormatter(loaded.scenario);
    if (parsed.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    else {
      process.stdout.write(
        `${replicationSummary(set, level, seed, format)}${warmupLine(loaded.config.desk.warmupSeconds, format)}${parsed.out ? `results written to ${parsed.out}\n` : ""}`,
      );
    }
    printNext(`convsim compare ${parsed.scenario} --policies a.yaml,b.yaml to test a change against this baseline`, parsed.quiet);
    if (set.stoppedBy === "interrupted") process.exitCode = 130;
    else if (set.errored.length > 0) process.exitCode = 1;
  },
});
