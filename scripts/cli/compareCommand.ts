import { defineCommand, type ParsedArgs } from "citty";
import {
  type AbTestPlan,
  abTestPlan,
  type ComparisonGrid,
  type ComparisonResults,
  compareGrid,
  compareVariants,
  DEFAULT_PRIMARY_METRIC,
  type LoadedVariants,
  loadVariants,
  type Variant,
} from "../../experiments/compare/index.ts";
import { formatCsv } from "../../experiments/csv/index.ts";
import type { Formatter } from "../../experiments/format/index.ts";
import { makeStamp, resolveSeed } from "../../experiments/index.ts";
import { KPI_KEYS, kpi } from "../../experiments/kpis/index.ts";
import type { Correction } from "../../experiments/stats/index.ts";
import type { StoreWhatIfPanelInput } from "../../reports/whatIf/renderStoreWhatIfPanel.ts";
import { compareArgs as args } from "./compareArgs.ts";
import { comparisonSummary } from "./comparisonSummary.ts";
import { interruptSignal } from "./interrupt.ts";
import { integerOption, minEffectOption, numberOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { createProgress } from "./progress.ts";
import { queueStamp, withQueue } from "./queueOption.ts";
import { reproduceCommand } from "./reproduce.ts";
import { parseRunArgs } from "./runArgs.ts";
import { scenarioFormatter } from "./scenarioFormatter.ts";
import { warmupLine } from "./simulationSummary.ts";
import { UsageError } from "./UsageError.ts";
import { storeVariantPolicies } from "./whatIfPolicies.ts";
import { worldsOption } from "./worldsOption.ts";
import { runWorldsCommand, worldsApply } from "./worldsRun.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";
import { writeReportLater } from "./writeReportLater.ts";

const CORRECTIONS: Record<string, Correction> = { holm: "holm", bh: "benjamini-hochberg", "benjamini-hochberg": "benjamini-hochberg", none: "none" };

type CompareArgs = ParsedArgs<typeof args>;
type CompareFlags = ReturnType<typeof compareFlags>;

/** `compare`: trigger policies (and store levers) side by side with common random numbers. */
export const compareCommand = defineCommand({
  meta: { name: "compare" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    checkOutputPaths(parsed.out, parsed.csv, parsed.report);
    const flags = compareFlags(parsed);
    const { loaded, control, seed, primaryMetric } = loadComparison(parsed, flags);
    const format = scenarioFormatter(loaded.base.scenario);
    const worldVariants = loaded.variants.map((variant) => ({ name: variant.name, scenario: variant.scenario! }));
    if (worldsApply(flags.worlds, worldVariants)) {
      await runWorldsCommand({
        sensitivity: parsed.sensitivity,
        command: "compare",
        variants: worldVariants,
        worlds: flags.worlds,
        replications: flags.run.replications,
        seed,
        workers: flags.run.workers,
        metric: primaryMetric,
        level: flags.level,
        scenarioPath: loaded.base.path,
        scenarioHash: loaded.base.hash,
        currency: format.currency,
        queue: flags.run.queue,
        rawArgs,
        flags: { out: parsed.out, report: parsed.report, json: parsed.json, quiet: parsed.quiet, failFast: parsed.failFast },
      });
      return;
    }
    const started = performance.now();
    const { comparison, grid } = await runComparison(parsed, flags, loaded, { control, seed, primaryMetric, format });
    const abPlan =
      comparison.replications >= 2 && (primaryMetric === "conversionRate" || primaryMetric === "revenuePerSession") ? abTestPlan(comparison, flags.ab) : null;
    const stamp = makeStamp({
      command: "compare",
      scenario: comparison.scenario,
      scenarioPath: loaded.base.path,
      scenarioHash: loaded.base.hash,
      seed,
      generatedAt: new Date().toISOString(),
      runSeconds: (performance.now() - started) / 1000,
      reproduce: reproduceCommand("compare", rawArgs, seed),
    });
    const { workers, queue } = flags.run;
    const document = { stamp: { ...stamp, replications: comparison.replications, workers, ...queueStamp(queue) }, comparison, grid: grid ?? null, abPlan };
    // A staffing grid runs each level at its own staffing: no single control run for a what-if panel.
    const whatIfPanel = () => (flags.staffing ? Promise.resolve(undefined) : controlWhatIfPanel(loaded.variants, control, seed));
    await writeCompareOutputs(parsed, flags, document, format, loaded.base.config.desk.warmupSeconds, whatIfPanel);
    if (comparison.stoppedBy === "interrupted") process.exitCode = 130;
    else if (comparison.errored.length > 0) process.exitCode = 1;
  },
});

/** The command's own flags, checked (house-format UsageErrors, exit 2) before anything is loaded or run. */
function compareFlags(parsed: CompareArgs) {
  const run = parseRunArgs(parsed);
  const level = numberOption(parsed.level, "--level", 0.5, 0.9999) ?? 0.95;
  const correction = parsed.correction === undefined ? "holm" : CORRECTIONS[parsed.correction];
  if (correction === undefined) throw new UsageError(`invalid --correction: ${JSON.stringify(parsed.correction)} (allowed: holm, bh, none)`);
  if (parsed.metric !== undefined && !KPI_KEYS.includes(parsed.metric))
    throw new UsageError(`invalid --metric: ${JSON.stringify(parsed.metric)} (allowed: ${KPI_KEYS.join(", ")})`);
  const staffing = parsed.staffing === undefined ? undefined : parsed.staffing.split(",").map((value) => integerOption(value.trim(), "--staffing", 0, 10_000)!);
  const ab = {
    alpha: numberOption(parsed.abAlpha, "--ab-alpha", 0.0001, 0.5) ?? 0.05,
    power: numberOption(parsed.abPower, "--ab-power", 0.5, 0.9999) ?? 0.8,
    trafficShare: numberOption(parsed.trafficShare, "--traffic-share", 0.0001, 1) ?? 1,
  };
  const worlds = worldsOption(parsed.worlds);
  if (worlds !== undefined && staffing !== undefined)
    throw new UsageError(
      `invalid --worlds: ${worlds} with --staffing (a decision across worlds runs each variant at its own staffing; use staff --worlds for staffing levels)`,
    );
  return { run, level, correction, staffing, ab, worlds, minimumRelativeEffect: minEffectOption(parsed.minEffect) };
}

/** The variants (the scenario with --policies, or a comparison file), the control, the seed and the primary metric. */
function loadComparison(parsed: CompareArgs, flags: CompareFlags) {
  const policies = parsed.policies
    ? parsed.policies
        .split(",")
        .map((file) => file.trim())
        .filter(Boolean)
    : [];
  const { days, maxSessions, warmupSeconds, seed: seedArg } = flags.run;
  const loaded = loadVariants(parsed.scenario, policies, days, maxSessions, warmupSeconds);
  if (loaded.variants.length < 2) throw new UsageError("nothing to compare: give --policies a.yaml,b.yaml or a comparison file with at least 2 variants");
  const control = parsed.control ?? loaded.control;
  if (!loaded.variants.some((variant) => variant.name === control)) {
    throw new UsageError(`invalid --control: ${JSON.stringify(control)} (variants: ${loaded.variants.map((variant) => variant.name).join(", ")})`);
  }
  const primaryMetric = parsed.metric ?? loaded.primaryMetric ?? DEFAULT_PRIMARY_METRIC;
  kpi(primaryMetric);
  return { loaded, control, seed: resolveSeed(loaded.base, seedArg), primaryMetric };
}

/** Runs the comparison (or the grid over --staffing levels) with a progress bar, on this machine or a queue. */
async function runComparison(
  parsed: CompareArgs,
  flags: CompareFlags,
  loaded: LoadedVariants,
  chosen: { control: string; seed: string | number; primaryMetric: string; format: Formatter },
): Promise<{ comparison: ComparisonResults; grid: ComparisonGrid | undefined }> {
  const { replications, workers, queue } = flags.run;
  const { staffing } = flags;
  const progress = createProgress("compare", { quiet: parsed.quiet });
  const interrupt = interruptSignal();
  // The clock lets the pool learn which variants take longest and start those first.
  const options = {
    replications,
    seed: chosen.seed,
    control: chosen.control,
    primaryMetric: chosen.primaryMetric,
    level: flags.level,
    correction: flags.correction,
    workers,
    failFast: parsed.failFast,
    signal: interrupt.signal,
    currency: chosen.format.currency,
    locale: chosen.format.locale,
    minimumRelativeEffect: flags.minimumRelativeEffect,
    onProgress: progress.update,
    clock: () => performance.now(),
  };
  try {
    return await withQueue(queue, { quiet: parsed.quiet, signal: interrupt.signal }, async (backend) => {
      if (!staffing) return { comparison: await compareVariants(loaded.variants, { ...options, backend }), grid: undefined };
      let offset = 0;
      const perLevel = replications * loaded.variants.length;
      const grid = await compareGrid(loaded.variants, staffing, {
        ...options,
        backend,
        onProgress: (finished) => {
          progress.update(offset + finished, perLevel * staffing.length);
          if (finished === perLevel) offset += perLevel;
        },
      });
      return { comparison: grid.levels[grid.levels.length - 1].comparison, grid };
    });
  } finally {
    progress.stop();
    interrupt.dispose();
  }
}

/** Writes the JSON, report and CSV asked for, then the summary (or the JSON) on stdout and the next step. */
async function writeCompareOutputs(
  parsed: CompareArgs,
  flags: CompareFlags,
  document: { comparison: ComparisonResults; grid: ComparisonGrid | null; abPlan: AbTestPlan | null },
  format: Formatter,
  warmupSeconds: number,
  whatIfPanel: () => Promise<StoreWhatIfPanelInput | undefined>,
): Promise<void> {
  const { comparison, grid, abPlan } = document;
  if (parsed.out) writeFileAtomic(parsed.out, `${JSON.stringify(document, null, 2)}\n`);
  if (parsed.report)
    await writeReportLater([document], parsed.report, {
      sources: [parsed.out ?? "(in memory)"],
      minimumRelativeEffect: flags.minimumRelativeEffect,
      whatIfPanels: [await whatIfPanel()],
    });
  if (parsed.csv) writeFileAtomic(parsed.csv, formatCsv(differenceRows(comparison, grid ?? undefined)));
  if (parsed.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else
    process.stdout.write(
      comparisonSummary(comparison, grid ?? undefined, abPlan, format) +
        warmupLine(warmupSeconds, format) +
        (parsed.out ? `results written to ${parsed.out}\n` : ""),
    );
  printNext(
    parsed.report
      ? `open ${parsed.report}`
      : `add --report FILE for the decision summary and charts, or convsim staff ${parsed.scenario} for the chat team it needs`,
    parsed.quiet,
  );
}

function differenceRows(comparison: ComparisonResults, grid?: ComparisonGrid): Record<string, unknown>[] {
  const levels = grid ? grid.levels : [{ agentsScheduled: null, comparison }];
  return levels.flatMap(({ agentsScheduled, comparison: result }) =>
    result.differences.map((row) => ({
      agentsScheduled,
      variant: row.variant,
      control: result.control,
      metric: row.metric,
      primary: row.primary,
      difference: row.difference.mean,
      lower: row.difference.lower,
      upper: row.difference.upper,
      relativeLift: row.relativeLift?.mean ?? null,
      relativeLiftLower: row.relativeLift?.lower ?? null,
      relativeLiftUpper: row.relativeLift?.upper ?? null,
      pValue: row.pValue,
      adjustedPValue: row.adjustedPValue,
      significant: row.significant,
      pairs: row.pairs,
      missingPairs: row.missingPairs,
      replications: result.replications,
      level: result.level,
    })),
  );
}

/**
 * The report's what-if panel of a store comparison: the control's run at the comparison seed (one
 * more run, made only for a report: the comparison keeps means, not runs) as the published column,
 * every variant's policy to pick from. `simulate <scenario> --seed <seed>` gives the same run.
 */
async function controlWhatIfPanel(variants: readonly Variant[], control: string, seed: string | number): Promise<StoreWhatIfPanelInput | undefined> {
  const model = variants.find((variant) => variant.name === control)?.config;
  if (model?.kind !== "store") return undefined;
  const { simulateStore } = await import("../../sim/model/simulateStore.ts");
  const { storeWhatIfFigures } = await import("../../reports/whatIf/storeWhatIfLevers.ts");
  return {
    model,
    seed,
    published: storeWhatIfFigures(simulateStore(model, { seed })),
    policies: storeVariantPolicies(variants),
    publishedLabel: `Control (${control}), one run`,
  };
}
