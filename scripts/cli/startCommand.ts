import { resolve } from "node:path";
import { defineCommand } from "citty";
import { abTestPlan, compareVariants, formatDifference, loadVariants } from "../../experiments/compare/index.ts";
import { formatMoney, formatNumber, formatPercent } from "../../experiments/format/index.ts";
import { loadScenario, makeStamp, type RunStamp, resolveSeed, simulateScenario } from "../../experiments/index.ts";
import { defaultWorkers } from "../../experiments/parallel/index.ts";
import { dayBands, replicate } from "../../experiments/replications/index.ts";
import { recommendStaffing } from "../../experiments/staffing/index.ts";
import { integerOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { createProgress } from "./progress.ts";
import { queueOption, queueStamp, withQueue } from "./queueOption.ts";
import { scenarioFormatter } from "./scenarioFormatter.ts";
import { simulationSummary } from "./simulationSummary.ts";
import { startArgs as args, MAIN_JOB_REPLICATIONS, OUTPUT_DIRECTORY } from "./startArgs.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";
import { writeReportLater } from "./writeReportLater.ts";

/** The shipped baseline scenario the main job runs. */
export const BASELINE_SCENARIO = "experiments/scenarios/baseline.yaml";
/** The shipped example policies the main job compares with the baseline's own (reactive-only) policy. */
export const EXAMPLE_POLICIES = ["idle-on-payment", "exit-intent-high-value", "aggressive"].map((name) => `experiments/policies/${name}.yaml`);
export { OUTPUT_DIRECTORY };

/**
 * `start`: the main job. Simulates the baseline store, compares the shipped example policies with
 * its current one, recommends a chat staffing schedule, and writes everything plus one HTML report
 * to reports/out/. With `--queue` or CONVSIM_QUEUE the comparison's and the staffing search's tasks
 * run on remote workers (the queue is checked before anything runs or is written).
 */
export const startCommand = defineCommand({
  meta: { name: "start" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    const outDirectory = resolve(parsed.out ?? OUTPUT_DIRECTORY);
    checkOutputPaths(resolve(outDirectory, "index.html"));
    const replications = integerOption(parsed.replications, "--replications", 2, 1000) ?? MAIN_JOB_REPLICATIONS;
    const workers = integerOption(parsed.workers, "--workers", 1, 256) ?? defaultWorkers();
    const queue = queueOption(parsed.queue);
    const loaded = loadScenario(BASELINE_SCENARIO);
    const seed = resolveSeed(loaded, undefined);
    const currency = loaded.scenario.currency;
    const say = (line: string): void => void (parsed.quiet || process.stderr.write(`${line}\n`));
    const stampFor = (command: string, started: number, reproduce: string): RunStamp =>
      makeStamp({
        command,
        scenario: loaded.config.name,
        scenarioPath: loaded.path,
        scenarioHash: loaded.hash,
        seed,
        generatedAt: new Date().toISOString(),
        runSeconds: (performance.now() - started) / 1000,
        reproduce,
      });

    // One queue connection for both batches; checked first, so a bad queue costs no simulation.
    const { results, simulation, comparison, compared, control, staffing, staffed } = await withQueue(queue, { quiet: parsed.quiet }, async (backend) => {
      say(`1/4 simulating ${BASELINE_SCENARIO}, and its day over ${replications} replications`);
      let started = performance.now();
      const results = simulateScenario(loaded, { seed });
      const stamp = stampFor("simulate", started, `npm run simulate -- ${BASELINE_SCENARIO} --seed ${seed}`);
      // The day across replications (replicate's seeds), so the report's "day" shows how much a run's bumps are noise.
      const dayProgress = createProgress("replicate", { quiet: parsed.quiet });
      const day = await replicate(loaded.config, { replications, seed, workers, backend, onProgress: dayProgress.update }).finally(() => dayProgress.stop());
      const simulation = { stamp, results, dayBands: dayBands(day.runs) };

      say(`2/4 comparing policies (${replications} paired replications each)`);
      started = performance.now();
      const { variants, control } = loadVariants(BASELINE_SCENARIO, EXAMPLE_POLICIES);
      const compareProgress = createProgress("compare", { quiet: parsed.quiet });
      const comparison = await compareVariants(variants, {
        replications,
        seed,
        control,
        workers,
        backend,
        currency,
        onProgress: compareProgress.update,
        clock: () => performance.now(),
      }).finally(() => compareProgress.stop());
      const policies = EXAMPLE_POLICIES.join(",");
      const compared = {
        stamp: {
          ...stampFor("compare", started, `npm run compare -- ${BASELINE_SCENARIO} --policies ${policies} --replications ${replications} --seed ${seed}`),
          replications: comparison.replications,
          workers,
          ...queueStamp(queue),
        },
        comparison,
        grid: null,
        abPlan: abTestPlan(comparison),
      };

      say(`3/4 recommending chat staffing per interval (${replications} replications per round)`);
      started = performance.now();
      const staffProgress = createProgress("staff", { quiet: parsed.quiet });
      const staffing = await recommendStaffing(loaded.config, {
        replications,
        seed,
        workers: backend ? 1 : workers,
        backend,
        currency,
        onProgress: staffProgress.update,
      }).finally(() => staffProgress.stop());
      const staffed = {
        stamp: {
          ...stampFor("staff", started, `npm run staff -- ${BASELINE_SCENARIO} --replications ${replications} --seed ${seed}`),
          replications,
          workers,
          ...queueStamp(queue),
        },
        staffing,
      };
      return { results, simulation, comparison, compared, control, staffing, staffed };
    });
    say("4/4 writing the report");
    const files = { simulation: "baseline.json", comparison: "comparison.json", staffing: "staffing.json" };
    writeFileAtomic(resolve(outDirectory, files.simulation), `${JSON.stringify(simulation, null, 2)}\n`);
    writeFileAtomic(resolve(outDirectory, files.comparison), `${JSON.stringify(compared, null, 2)}\n`);
    writeFileAtomic(resolve(outDirectory, files.staffing), `${JSON.stringify(staffed, null, 2)}\n`);
    const reportPath = resolve(outDirectory, "index.html");
    await writeReportLater([simulation, compared, staffed], reportPath, {
      title: `${loaded.config.name}: baseline, policies and staffing`,
      sources: Object.values(files),
    });

    const best = comparison.ranking[0];
    const lines = [
      simulationSummary(results, simulation.stamp, scenarioFormatter(loaded.scenario)).trimEnd(),
      "",
      `Policies (${comparison.replications} paired replications, ${comparison.correction} correction): ${comparison.verdict}`,
      ...comparison.differences
        .filter((row) => row.primary)
        .map((row) => `  ${row.variant}: ${row.label} ${formatDifference(row.difference, row.unit, currency)} vs ${control}`),
      `  best on ${comparison.primaryMetric}: ${best.variant} (probability best ${formatPercent(best.probabilityBest, 0)})`,
      "",
      `Staffing: ${formatNumber(staffing.totals.recommendedAgentHours, 1)} agent-hours (${formatMoney(staffing.totals.recommendedCost, currency)}) vs Erlang ${formatNumber(staffing.totals.erlangAgentHours, 1)} h`,
      ...staffing.explanation.slice(0, 3).map((line) => `  ${line}`),
      "",
      `results: ${outDirectory}/{${Object.values(files).join(",")}}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    printNext(`open ${reportPath}`);
  },
});
