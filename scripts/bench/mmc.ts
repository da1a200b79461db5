import { erlangCMetrics } from "../../sim/analytic/index.ts";
import { UsageError } from "../cli/UsageError.ts";
import type { BenchContext, BenchFigures, BenchMeasurement, BenchRatio, BenchSuite } from "./benchSuite.ts";
import { measure } from "./measure.ts";
import type { MmcRunResult } from "./mmcRunResult.ts";
import { type MmcOptions, type ResolvedMmcOptions, resolveMmcOptions } from "./resolveMmcOptions.ts";
import { runBareLoopMmc } from "./runBareLoopMmc.ts";
import { runEngineMmc } from "./runEngineMmc.ts";
import { runGeneratorLoopMmc } from "./runGeneratorLoopMmc.ts";
import { DEFAULT_PYTHON_CANDIDATES, findSimpyPython, runSimpyMmc, type SimpyMmcResult } from "./runSimpyMmc.ts";
import { unitsPerSecond } from "./unitsPerSecond.ts";

/** Customers for SimPy (~40k customers/s): about 5-10 s instead of minutes for a million. */
export const DEFAULT_SIMPY_CUSTOMERS = 200_000;
/** Customers in the untimed warm-up run before each JS implementation's timed runs (enough for V8 to optimize). */
export const WARMUP_RUN_CUSTOMERS = 200_000;
/** Issue targets: engine ≥ 25× SimPy's customers/s, and within 3× of the bare loop. */
export const TARGET_SPEEDUP_OVER_SIMPY = 25;
export const TARGET_SLOWDOWN_VS_BARE_LOOP = 3;

/** The M/M/100 benchmark: process-API engine vs a bare heap loop vs SimPy, validated against Erlang C. */
export const mmcSuite: BenchSuite = {
  name: "mmc",
  description: "M/M/100, λ = 90/min, mean service 1 min: engine (process API) vs bare heap loop vs SimPy",
  run: runMmcBench,
};

/** Runs the suite: engine via `run()` and via a `step()` loop, the bare loop, then SimPy if available. */
export async function runMmcBench(context: BenchContext): Promise<BenchFigures> {
  const options = resolveOrExplain({ customers: context.customers }, "--customers");
  const warmupOptions = resolveMmcOptions({ customers: Math.min(options.customers, WARMUP_RUN_CUSTOMERS) });
  const { repeats, log } = context;
  const runs = `warm-up + ${repeats} × ${options.customers.toLocaleString("en-US")} customers`;

  log(`mmc: engine, env.run() (${runs})`);
  const engineRun = measure(() => runEngineMmc(options, "run"), { repeats, warmup: () => runEngineMmc(warmupOptions, "run") });
  log(`mmc: engine, env.step() loop (${runs})`);
  const engineStep = measure(() => runEngineMmc(options, "step"), { repeats, warmup: () => runEngineMmc(warmupOptions, "step") });
  log(`mmc: bare event loop (${runs})`);
  const bareLoop = measure(() => runBareLoopMmc(options), { repeats, warmup: () => runBareLoopMmc(warmupOptions) });
  log(`mmc: minimal generator scheduler (${runs})`);
  const generatorLoop = measure(() => runGeneratorLoopMmc(options), { repeats, warmup: () => runGeneratorLoopMmc(warmupOptions) });

  const simpyOptions = resolveOrExplain({ customers: context.simpyCustomers ?? Math.min(DEFAULT_SIMPY_CUSTOMERS, options.customers) }, "--simpy-customers");
  const { candidates, python, simpy, simpyError } = await runSimpyIfAvailable(context, simpyOptions);

  // Both engine loops run the same deterministic simulation, so the step() count holds for run() too.
  const engineEvents = engineStep.result.events;
  const measurements: BenchMeasurement[] = [
    row("engine, env.run()", options, engineEvents, engineRun.wallSeconds, engineRun.result),
    row("engine, env.step() loop", options, engineEvents, engineStep.wallSeconds, engineStep.result),
    row("bare loop (plain heap)", options, bareLoop.result.events, bareLoop.wallSeconds, bareLoop.result),
    row("minimal generator scheduler", options, generatorLoop.result.events, generatorLoop.wallSeconds, generatorLoop.result),
  ];
  const simpyRow = simpy === null ? null : row("SimPy", simpyOptions, simpy.events, [simpy.wallSeconds], simpy);
  if (simpyRow !== null) measurements.push(simpyRow);
  const [runRow, stepRow, bareRow, generatorRow] = measurements;
  const engineRow = unitsPerSecond(runRow) >= unitsPerSecond(stepRow) ? runRow : stepRow;

  const ratios = mmcRatios(runRow, stepRow, bareRow, generatorRow, engineRow, simpyRow);

  return {
    suite: mmcSuite.name,
    title: mmcSuite.description,
    unitName: "customers",
    measurements,
    ratios,
    notes: [
      `headline engine figure: ${engineRow.label} (the faster of the two loops)`,
      "minimal generator scheduler: the same generator processes on the least machinery that runs them (no failures, " +
        "interrupts, cancellable timers, priorities, conditions or checks): the ceiling for any engine with a generator per customer",
      "",
      ...validationNotes(options, engineRun.result, engineStep.result, bareLoop.result, generatorLoop.result, simpyOptions, simpy),
      "",
      ...eventNotes(options, engineStep.result, simpy),
      "",
      simpyNote(candidates, python, simpyError, simpyOptions),
    ],
  };
}

type SimpyPython = NonNullable<Awaited<ReturnType<typeof findSimpyPython>>>;

/** One SimPy run when a Python that can import simpy is found; a failure is recorded, and the JS figures still reported. */
async function runSimpyIfAvailable(
  context: BenchContext,
  simpyOptions: ResolvedMmcOptions,
): Promise<{ candidates: readonly string[]; python: SimpyPython | null; simpy: SimpyMmcResult | null; simpyError: string | null }> {
  const candidates = context.python === undefined ? DEFAULT_PYTHON_CANDIDATES : [context.python];
  const python = await findSimpyPython(candidates);
  if (python === null) return { candidates, python, simpy: null, simpyError: null };
  context.log(`mmc: SimPy ${python.simpyVersion} on ${python.python} (1 × ${simpyOptions.customers.toLocaleString("en-US")} customers)`);
  try {
    return { candidates, python, simpy: await runSimpyMmc(python.python, simpyOptions), simpyError: null };
  } catch (error) {
    return { candidates, python, simpy: null, simpyError: error instanceof Error ? error.message : String(error) };
  }
}

/** The ratios against the targets: engine over SimPy, bare loop over engine, and the generator-scheduler ceiling. */
function mmcRatios(
  runRow: BenchMeasurement,
  stepRow: BenchMeasurement,
  bareRow: BenchMeasurement,
  generatorRow: BenchMeasurement,
  engineRow: BenchMeasurement,
  simpyRow: BenchMeasurement | null,
): BenchRatio[] {
  const ratios: BenchRatio[] = [];
  if (simpyRow !== null) {
    const speedup = unitsPerSecond(engineRow) / unitsPerSecond(simpyRow);
    ratios.push({
      label: `${engineRow.label} / SimPy, customers/s`,
      value: speedup,
      target: `≥ ${TARGET_SPEEDUP_OVER_SIMPY}×`,
      met: speedup >= TARGET_SPEEDUP_OVER_SIMPY,
    });
    // The ceiling: what any generator-process engine could reach here, whatever its internals.
    ratios.push({ label: "minimal generator scheduler / SimPy, customers/s", value: unitsPerSecond(generatorRow) / unitsPerSecond(simpyRow) });
  }
  const slowdown = unitsPerSecond(bareRow) / unitsPerSecond(engineRow);
  ratios.push({
    label: `bare loop / ${engineRow.label}, customers/s`,
    value: slowdown,
    target: `≤ ${TARGET_SLOWDOWN_VS_BARE_LOOP}×`,
    met: slowdown <= TARGET_SLOWDOWN_VS_BARE_LOOP,
  });
  ratios.push({ label: "minimal generator scheduler / engine, customers/s", value: unitsPerSecond(generatorRow) / unitsPerSecond(engineRow) });
  ratios.push({ label: "engine env.step() loop / env.run(), wall time", value: unitsPerSecond(runRow) / unitsPerSecond(stepRow) });
  return ratios;
}

/** Where the SimPy figure came from, or why there is none. */
function simpyNote(candidates: readonly string[], python: SimpyPython | null, simpyError: string | null, simpyOptions: ResolvedMmcOptions): string {
  if (python === null) return `SimPy: skipped (no python among ${candidates.join(", ")} can import simpy; apt-get install -y python3-simpy3)`;
  if (simpyError !== null) return `SimPy: errored on ${python.python}: ${simpyError}`;
  return (
    `SimPy ${python.simpyVersion} on ${python.python} (Python ${python.pythonVersion}), scripts/bench/mmc_simpy.py, ` +
    `one run of ${simpyOptions.customers.toLocaleString("en-US")} customers; its wall time covers the model and ` +
    "env.run(), not interpreter start-up; random.Random streams, so its waits differ from the JS runs"
  );
}

/** Resolves options, turning a bad value into a usage error that names the command-line flag. */
function resolveOrExplain(options: MmcOptions, flag: string): ResolvedMmcOptions {
  try {
    return resolveMmcOptions(options);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message.replace(/^invalid customers:/, `invalid ${flag}:`));
    throw error;
  }
}

function row(label: string, options: ResolvedMmcOptions, events: number | null, wallSeconds: number[], result: MmcRunResult): BenchMeasurement {
  return {
    label,
    units: options.customers,
    events,
    wallSeconds,
    columns: {
      "mean wait s": result.meanWaitSeconds.toFixed(4),
      "95% CI (batch means)": `[${result.interval.lower.toFixed(4)}, ${result.interval.upper.toFixed(4)}]`,
    },
  };
}

function validationNotes(
  options: ResolvedMmcOptions,
  engineRun: MmcRunResult,
  engineStep: MmcRunResult,
  bareLoop: MmcRunResult,
  generatorLoop: MmcRunResult,
  simpyOptions: ResolvedMmcOptions,
  simpy: MmcRunResult | null,
): string[] {
  const exact = erlangCMetrics({
    arrivalRatePerSecond: options.arrivalRatePerSecond,
    meanServiceSeconds: options.meanServiceSeconds,
    servers: options.servers,
  });
  const lines = [
    `exact (Erlang C, sim/analytic): M/M/${options.servers}, offered load ${exact.offeredLoadErlangs.toFixed(1)} erlangs, ` +
      `P(wait) ${exact.probabilityOfWait.toFixed(4)}, mean wait ${exact.meanWaitSeconds.toFixed(4)} s`,
    `waits recorded after a warm-up of ${options.warmupCustomers.toLocaleString("en-US")} customers, in ` +
      `${options.batches} batches of ${options.batchCustomers.toLocaleString("en-US")} (SimPy: ` +
      `${simpyOptions.warmupCustomers.toLocaleString("en-US")} and ${simpyOptions.batchCustomers.toLocaleString("en-US")}); ` +
      "95% CI = mean ± t(0.975, batches - 1) · s / √batches",
  ];
  const check = (label: string, result: MmcRunResult) => {
    const { lower, upper } = result.interval;
    const covers = lower <= exact.meanWaitSeconds && exact.meanWaitSeconds <= upper;
    const relativeError = (result.meanWaitSeconds - exact.meanWaitSeconds) / exact.meanWaitSeconds;
    lines.push(
      `  ${label.padEnd(9)} mean wait ${result.meanWaitSeconds.toFixed(4)} s (${formatPercent(relativeError)} vs exact), ` +
        `95% CI [${lower.toFixed(4)}, ${upper.toFixed(4)}] ${covers ? "covers" : "DOES NOT cover"} the exact value; ` +
        `delayed share ${(result.delayedCustomers / result.customers).toFixed(4)} (all customers)`,
    );
  };
  check("engine", engineRun);
  check("bare loop", bareLoop);
  if (simpy !== null) check("SimPy", simpy);
  const identical =
    engineRun.meanWaitSeconds === bareLoop.meanWaitSeconds &&
    engineStep.meanWaitSeconds === bareLoop.meanWaitSeconds &&
    engineRun.delayedCustomers === bareLoop.delayedCustomers &&
    generatorLoop.meanWaitSeconds === bareLoop.meanWaitSeconds &&
    generatorLoop.delayedCustomers === bareLoop.delayedCustomers;
  lines.push(
    identical
      ? "  engine (both loops), bare loop and minimal generator scheduler draw the same streams in the same order: identical waits, as they should be"
      : "  WARNING: engine, bare loop and generator scheduler waits differ although they draw the same streams (a model or engine bug)",
  );
  return lines;
}

function eventNotes(options: ResolvedMmcOptions, engineStep: MmcRunResult, simpy: MmcRunResult | null): string[] {
  // Per customer the engine queues: its process start, the source's interarrival timeout and its
  // service timeout; a delayed customer adds the grant of its request. Immediate grants and process
  // ends are settled without a queue trip. Plus the source's own start.
  const expected = 1 + 3 * options.customers + engineStep.delayedCustomers;
  const lines = [
    "events = entries taken off each implementation's own event queue, so events/s differ in meaning:",
    `  engine: counted by the env.step() loop (${engineStep.events?.toLocaleString("en-US")}); rule 1 + 3·customers + ` +
      `delayed customers = ${expected.toLocaleString("en-US")} ${expected === engineStep.events ? "(matches)" : "(DIFFERS: engine changed)"}`,
    "  bare loop: one arrival and one departure record per customer",
    "  minimal generator scheduler: process start, 2 timeouts per customer, plus the grant of a delayed customer's request",
  ];
  if (simpy !== null) {
    lines.push("  SimPy: its event counter after the run (start, request, 2 timeouts, release, end per customer)");
  }
  return lines;
}

function formatPercent(fraction: number): string {
  return `${fraction >= 0 ? "+" : ""}${(fraction * 100).toFixed(1)}%`;
}
