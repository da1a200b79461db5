import { resolve } from "node:path";
import { defineCommand, type ParsedArgs } from "citty";
import { abTestPlan, type ComparisonResults, compareVariants, loadVariants } from "../../experiments/compare/index.ts";
import type { Formatter } from "../../experiments/format/index.ts";
import { loadScenario, makeStamp, type RunStamp, resolveSeed, simulateScenario } from "../../experiments/index.ts";
import { defaultWorkers, type TaskBackend } from "../../experiments/parallel/index.ts";
import { dayBands, replicate } from "../../experiments/replications/index.ts";
import { recommendStaffing, type StaffingResults } from "../../experiments/staffing/index.ts";
import type { SimulationResults } from "../../sim/model/index.ts";
import { integerOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { createProgress } from "./progress.ts";
import { queueOption, queueStamp, withQueue } from "./queueOption.ts";
import { scenarioFormatter } from "./scenarioFormatter.ts";
import { simulationSummary } from "./simulationSummary.ts";
import { startArgs as args, MAIN_JOB_REPLICATIONS, OUTPUT_DIRECTORY } from "./startArgs.ts";
import { storeVariantPolicies } from "./whatIfPolicies.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";
import { writeReportLater } from "./writeReportLater.ts";

/** The shipped baseline scenario the main job runs. */
export const BASELINE_SCENARIO = "experiments/scenarios/baseline.yaml";
/** The shipped example policies the main job compares with the baseline's own (reactive-only) policy. */
export const EXAMPLE_POLICIES = ["idle-on-payment", "exit-intent-high-value", "aggressive"].map((name) => `experiments/policies/${name}.yaml`);
export { OUTPUT_DIRECTORY };

type StartArgs = ParsedArgs<typeof args>;
type Loaded = ReturnType<typeof loadScenario>;

/** What every step of the main job shares: the baseline, its seed and formatter, the run settings and the step stamps. */
interface MainJob {
  loaded: Loaded;
  seed: string | number;
  format: Formatter;
  replications: number;
  workers: number;
  queue: ReturnType<typeof queueOption>;
  quiet: boolean | undefined;
  backend: TaskBackend | undefined;
  say(line: string): void;
  stampFor(command: string, started: number, reproduce: string): RunStamp;
}

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
    const settings = startSettings(parsed);
    // One queue connection for all batches; checked first, so a bad queue costs no simulation.
    const { simulation, compared, whatIfPolicies, staffed } = await withQueue(settings.queue, { quiet: parsed.quiet }, async (backend) => {
      const job: MainJob = { ...settings, backend };
      const simulation = await simulateBaseline(job);
      const { compared, whatIfPolicies } = await comparePolicies(job);
      return { simulation, compared, whatIfPolicies, staffed: await recommendMainJobStaffing(job) };
    });
    settings.say("4/4 writing the report");
    const files = { simulation: "baseline.json", comparison: "comparison.json", staffing: "staffing.json" };
    writeFileAtomic(resolve(outDirectory, files.simulation), `${JSON.stringify(simulation, null, 2)}\n`);
    writeFileAtomic(resolve(outDirectory, files.comparison), `${JSON.stringify(compared, null, 2)}\n`);
    writeFileAtomic(resolve(outDirectory, files.staffing), `${JSON.stringify(staffed, null, 2)}\n`);
    const reportPath = resolve(outDirectory, "index.html");
    await writeReportLater([simulation, compared, staffed], reportPath, {
      title: `${settings.loaded.config.name}: baseline, policies and staffing`,
      sources: Object.values(files),
      whatIfPolicies,
    });
    const results = `results: ${outDirectory}/{${Object.values(files).join(",")}}`;
    process.stdout.write(`${mainJobSummary(simulation, compared.comparison, staffed.staffing, settings.format)}\n\n${results}\n`);
    printNext(`open ${reportPath}`);
  },
});

/** The flags, the baseline scenario, its seed and formatter, and the stamp of each step. */
function startSettings(parsed: StartArgs): Omit<MainJob, "backend"> {
  const replications = integerOption(parsed.replications, "--replications", 2, 1000) ?? MAIN_JOB_REPLICATIONS;
  const workers = integerOption(parsed.workers, "--workers", 1, 256) ?? defaultWorkers();
  const queue = queueOption(parsed.queue);
  const loaded = loadScenario(BASELINE_SCENARIO);
  const seed = resolveSeed(loaded, undefined);
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
  const say = (line: string): void => void (parsed.quiet || process.stderr.write(`${line}\n`));
  return { loaded, seed, format: scenarioFormatter(loaded.scenario), replications, workers, queue, quiet: parsed.quiet, say, stampFor };
}

/** Step 1: one run of the baseline, and its day over the replications (replicate's seeds) for the report's bands. */
async function simulateBaseline(job: MainJob) {
  const { loaded, seed, replications, workers, backend } = job;
  job.say(`1/4 simulating ${BASELINE_SCENARIO}, and its day over ${replications} replications`);
  const started = performance.now();
  const results = simulateScenario(loaded, { seed });
  const stamp = job.stampFor("simulate", started, `npm run simulate -- ${BASELINE_SCENARIO} --seed ${seed}`);
  // The day across replications, so the report's "day" shows how much a run's bumps are noise.
  const dayProgress = createProgress("replicate", { quiet: job.quiet });
  const day = await replicate(loaded.config, { replications, seed, workers, backend, onProgress: dayProgress.update }).finally(() => dayProgress.stop());
  return { stamp, results, dayBands: dayBands(day.runs) };
}

/**
 * Step 2: the example policies against the baseline's own, paired replications; also the compared
 * policies, for the report's what-if panel on the baseline run.
 */
async function comparePolicies(job: MainJob) {
  const { seed, replications, workers, backend, format } = job;
  job.say(`2/4 comparing policies (${replications} paired replications each)`);
  const started = performance.now();
  const { variants, control } = loadVariants(BASELINE_SCENARIO, EXAMPLE_POLICIES);
  const progress = createProgress("compare", { quiet: job.quiet });
  const comparison = await compareVariants(variants, {
    replications,
    seed,
    control,
    workers,
    backend,
    currency: format.currency,
    locale: format.locale,
    onProgress: progress.update,
    clock: () => performance.now(),
  }).finally(() => progress.stop());
  const reproduce = `npm run compare -- ${BASELINE_SCENARIO} --policies ${EXAMPLE_POLICIES.join(",")} --replications ${replications} --seed ${seed}`;
  const stamp = { ...job.stampFor("compare", started, reproduce), replications: comparison.replications, workers, ...queueStamp(job.queue) };
  return { compared: { stamp, comparison, grid: null, abPlan: abTestPlan(comparison) }, whatIfPolicies: storeVariantPolicies(variants) };
}

/** Step 3: the chat staffing per interval for the baseline. */
async function recommendMainJobStaffing(job: MainJob) {
  const { loaded, seed, replications, workers, backend, format } = job;
  job.say(`3/4 recommending chat staffing per interval (${replications} replications per round)`);
  const started = performance.now();
  const progress = createProgress("staff", { quiet: job.quiet });
  const staffing = await recommendStaffing(loaded.config, {
    replications,
    seed,
    workers: backend ? 1 : workers,
    backend,
    currency: format.currency,
    locale: format.locale,
    onProgress: progress.update,
  }).finally(() => progress.stop());
  const reproduce = `npm run staff -- ${BASELINE_SCENARIO} --replications ${replications} --seed ${seed}`;
  return { stamp: { ...job.stampFor("staff", started, reproduce), replications, workers, ...queueStamp(job.queue) }, staffing };
}

/** The main job's terminal summary: the baseline run, the policy verdict and the staffing, every figure through the scenario's formatter. */
export function mainJobSummary(
  simulation: { stamp: RunStamp; results: SimulationResults },
  comparison: ComparisonResults,
  staffing: StaffingResults,
  format: Formatter,
): string {
  const best = comparison.ranking[0];
  return [
    simulationSummary(simulation.results, simulation.stamp, format).trimEnd(),
    "",
    `Policies (${format.count(comparison.replications)} paired replications, ${comparison.correction} correction): ${comparison.verdict}`,
    ...comparison.differences
      .filter((row) => row.primary)
      .map(
        (row) =>
          `  ${row.variant}: ${row.label} ${format.interval(row.difference.mean, row.difference.lower, row.difference.upper, row.unit, true)} vs ${comparison.control}`,
      ),
    `  best on ${comparison.primaryMetric}: ${best.variant} (probability best ${format.percent(best.probabilityBest, 0)})`,
    "",
    `Staffing: ${format.number(staffing.totals.recommendedAgentHours, 1)} agent-hours (${format.money(staffing.totals.recommendedCost)}) vs Erlang ${format.number(staffing.totals.erlangAgentHours, 1)} h`,
    ...staffing.explanation.slice(0, 3).map((line) => `  ${line}`),
  ].join("\n");
}
