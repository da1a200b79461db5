import { defineCommand } from "citty";
import {
  type AbTestPlan,
  abTestPlan,
  type ComparisonGrid,
  type ComparisonResults,
  compareGrid,
  compareVariants,
  DEFAULT_PRIMARY_METRIC,
  formatDifference,
  loadVariants,
} from "../../experiments/compare/index.ts";
import { formatCsv } from "../../experiments/csv/index.ts";
import { formatPValue, formatValue } from "../../experiments/format/index.ts";
import { makeStamp, resolveSeed } from "../../experiments/index.ts";
import { KPI_KEYS, kpi } from "../../experiments/kpis/index.ts";
import type { Correction } from "../../experiments/stats/index.ts";
import { compareArgs as args } from "./compareArgs.ts";
import { interruptSignal } from "./interrupt.ts";
import { integerOption, minEffectOption, numberOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { createProgress } from "./progress.ts";
import { queueStamp, withQueue } from "./queueOption.ts";
import { reproduceCommand } from "./reproduce.ts";
import { parseRunArgs } from "./runArgs.ts";
import { warmupLine } from "./simulationSummary.ts";
import { UsageError } from "./UsageError.ts";
import { worldsOption } from "./worldsOption.ts";
import { runWorldsCommand, worldsApply } from "./worldsRun.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";
import { writeReportLater } from "./writeReportLater.ts";

const CORRECTIONS: Record<string, Correction> = { holm: "holm", bh: "benjamini-hochberg", "benjamini-hochberg": "benjamini-hochberg", none: "none" };

/** `compare`: trigger policies (and store levers) side by side with common random numbers. */
export const compareCommand = defineCommand({
  meta: { name: "compare" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    checkOutputPaths(parsed.out, parsed.csv, parsed.report);
    const minimumRelativeEffect = minEffectOption(parsed.minEffect);
    const { days, warmupSeconds, replications, workers, seed: seedArg, queue, maxSessions } = parseRunArgs(parsed);
    const level = numberOption(parsed.level, "--level", 0.5, 0.9999) ?? 0.95;
    const correction = parsed.correction === undefined ? "holm" : CORRECTIONS[parsed.correction];
    if (correction === undefined) throw new UsageError(`invalid --correction: ${JSON.stringify(parsed.correction)} (allowed: holm, bh, none)`);
    if (parsed.metric !== undefined && !KPI_KEYS.includes(parsed.metric))
      throw new UsageError(`invalid --metric: ${JSON.stringify(parsed.metric)} (allowed: ${KPI_KEYS.join(", ")})`);
    const staffing =
      parsed.staffing === undefined ? undefined : parsed.staffing.split(",").map((value) => integerOption(value.trim(), "--staffing", 0, 10_000)!);
    const abOptions = {
      alpha: numberOption(parsed.abAlpha, "--ab-alpha", 0.0001, 0.5) ?? 0.05,
      power: numberOption(parsed.abPower, "--ab-power", 0.5, 0.9999) ?? 0.8,
      trafficShare: numberOption(parsed.trafficShare, "--traffic-share", 0.0001, 1) ?? 1,
    };
    const worlds = worldsOption(parsed.worlds);
    if (worlds !== undefined && staffing !== undefined)
      throw new UsageError(
        `invalid --worlds: ${worlds} with --staffing (a decision across worlds runs each variant at its own staffing; use staff --worlds for staffing levels)`,
      );
    const policies = parsed.policies
      ? parsed.policies
          .split(",")
          .map((file) => file.trim())
          .filter(Boolean)
      : [];
    const loaded = loadVariants(parsed.scenario, policies, days, maxSessions, warmupSeconds);
    if (loaded.variants.length < 2) throw new UsageError("nothing to compare: give --policies a.yaml,b.yaml or a comparison file with at least 2 variants");
    const control = parsed.control ?? loaded.control;
    if (!loaded.variants.some((variant) => variant.name === control)) {
      throw new UsageError(`invalid --control: ${JSON.stringify(control)} (variants: ${loaded.variants.map((variant) => variant.name).join(", ")})`);
    }
    const seed = resolveSeed(loaded.base, seedArg);
    const primaryMetric = parsed.metric ?? loaded.primaryMetric ?? DEFAULT_PRIMARY_METRIC;
    kpi(primaryMetric);
    const currency = loaded.base.scenario.currency;
    const worldVariants = loaded.variants.map((variant) => ({ name: variant.name, scenario: variant.scenario! }));
    if (worldsApply(worlds, worldVariants)) {
      const flags = { out: parsed.out, report: parsed.report, json: parsed.json, quiet: parsed.quiet, failFast: parsed.failFast };
      await runWorldsCommand({
        sensitivity: parsed.sensitivity,
        command: "compare",
        variants: worldVariants,
        worlds,
        replications,
        seed,
        workers,
        metric: primaryMetric,
        level,
        scenarioPath: loaded.base.path,
        scenarioHash: loaded.base.hash,
        currency,
        queue,
        rawArgs,
        flags,
      });
      return;
    }
    const progress = createProgress("compare", { quiet: parsed.quiet });
    const interrupt = interruptSignal();
    const started = performance.now();
    // The clock lets the pool learn which variants take longest and start those first.
    const options = {
      replications,
      seed,
      control,
      primaryMetric,
      level,
      correction,
      workers,
      failFast: parsed.failFast,
      signal: interrupt.signal,
      currency,
      onProgress: progress.update,
      clock: () => performance.now(),
    };
    let comparison!: ComparisonResults;
    let grid: ComparisonGrid | undefined;
    try {
      await withQueue(queue, { quiet: parsed.quiet, signal: interrupt.signal }, async (backend) => {
        if (staffing) {
          let offset = 0;
          const perLevel = replications * loaded.variants.length;
          grid = await compareGrid(loaded.variants, staffing, {
            ...options,
            backend,
            onProgress: (finished) => {
              progress.update(offset + finished, perLevel * staffing.length);
              if (finished === perLevel) offset += perLevel;
            },
          });
          comparison = grid.levels[grid.levels.length - 1].comparison;
        } else comparison = await compareVariants(loaded.variants, { ...options, backend });
      });
    } finally {
      progress.stop();
      interrupt.dispose();
    }
    const abPlan =
      comparison.replications >= 2 && (primaryMetric === "conversionRate" || primaryMetric === "revenuePerSession") ? abTestPlan(comparison, abOptions) : null;
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
    const document = { stamp: { ...stamp, replications: comparison.replications, workers, ...queueStamp(queue) }, comparison, grid: grid ?? null, abPlan };
    if (parsed.out) writeFileAtomic(parsed.out, `${JSON.stringify(document, null, 2)}\n`);
    if (parsed.report) await writeReportLater([document], parsed.report, { sources: [parsed.out ?? "(in memory)"], minimumRelativeEffect });
    if (parsed.csv) writeFileAtomic(parsed.csv, formatCsv(differenceRows(comparison, grid)));
    if (parsed.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    else
      process.stdout.write(
        comparisonSummary(comparison, grid, abPlan, currency) +
          warmupLine(loaded.base.config.desk.warmupSeconds) +
          (parsed.out ? `results written to ${parsed.out}\n` : ""),
      );
    printNext(
      parsed.report
        ? `open ${parsed.report}`
        : `add --report FILE for the decision summary and charts, or convsim staff ${parsed.scenario} for the chat team it needs`,
      parsed.quiet,
    );
    if (comparison.stoppedBy === "interrupted") process.exitCode = 130;
    else if (comparison.errored.length > 0) process.exitCode = 1;
  },
});

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

function comparisonSummary(comparison: ComparisonResults, grid: ComparisonGrid | undefined, abPlan: AbTestPlan | null, currency: string): string {
  const primary = kpi(comparison.primaryMetric);
  const lines = [
    `${comparison.scenario} · ${comparison.variants.length} variants · ${comparison.replications} paired replications · ${(comparison.level * 100).toFixed(0)}% intervals · ${comparison.correction} correction`,
  ];
  if (comparison.stoppedBy === "interrupted") lines.push(`interrupted: results from ${comparison.replications} complete replications`);
  for (const error of comparison.errored) lines.push(`errored: ${error.variant} replication ${error.replication}: ${error.error}`);
  lines.push(`${primary.label} by variant (probability best):`);
  for (const entry of comparison.ranking) {
    const estimate = comparison.variants.find((variant) => variant.name === entry.variant)!.kpis[primary.key];
    const interval =
      estimate && estimate.lower !== null
        ? ` [${formatValue(estimate.lower, primary.unit, currency)}, ${formatValue(estimate.upper!, primary.unit, currency)}]`
        : "";
    lines.push(
      `  ${entry.variant.padEnd(28)} ${entry.mean === null ? "no value" : formatValue(entry.mean, primary.unit, currency)}${interval}  ${(entry.probabilityBest * 100).toFixed(0)}%${entry.variant === comparison.control ? "  (control)" : ""}`,
    );
  }
  lines.push("vs control:");
  for (const row of comparison.differences) {
    const missing = row.missingPairs > 0 ? `  (${row.pairs} pairs; ${row.missingPairs} left out: no value)` : "";
    lines.push(
      `  ${row.variant.padEnd(28)} ${row.label.padEnd(22)} ${formatDifference(row.difference, row.unit, currency)}  p${row.primary ? "(adj)" : ""} ${formatPValue(row.adjustedPValue, true)}${row.significant ? " *" : ""}${missing}`,
    );
  }
  for (const entry of comparison.notComparable) {
    const sides = [
      entry.missingInVariant > 0 ? `${entry.variant} in ${entry.missingInVariant}` : "",
      entry.missingInControl > 0 ? `the control in ${entry.missingInControl}` : "",
    ].filter(Boolean);
    lines.push(
      `  ${entry.variant.padEnd(28)} ${kpi(entry.metric).label.padEnd(22)} not comparable: no value for ${sides.join(" and ")} of ${comparison.replications} replications`,
    );
  }
  lines.push(`verdict: ${comparison.verdict}`);
  if (grid) {
    lines.push("best policy by staffing level:");
    for (const best of grid.bestByLevel)
      lines.push(
        `  ${String(best.agentsScheduled).padStart(4)} agents: ${best.variant} (${best.mean === null ? "no value" : formatValue(best.mean, primary.unit, currency)}, probability best ${(best.probabilityBest * 100).toFixed(0)}%${best.significantVsControl ? "" : ", not significantly different from the control"})`,
      );
  }
  if (abPlan) {
    lines.push(
      `live A/B test plan (${abPlan.metric}, α = ${abPlan.alpha}, power ${abPlan.power}, ${Math.round(abPlan.dailySessions).toLocaleString("en-US")} sessions/day × ${abPlan.trafficShare}):`,
    );
    for (const row of abPlan.rows) {
      lines.push(
        `  ${row.variant.padEnd(28)} predicted ${row.predictedRelativeLift === null ? "–" : `${(row.predictedRelativeLift * 100).toFixed(2)}%`} → ${row.visitorsPerArm === null ? "no predicted difference: not testable" : `${row.visitorsPerArm.toLocaleString("en-US")} visitors per arm, ${row.testDays} days`}`,
      );
    }
    lines.push(`  formula: ${abPlan.formula}`);
  }
  return `${lines.join("\n")}\n`;
}
