import { readFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { defineCommand } from "citty";
import {
  type CalibratedValue,
  type CalibrationOutcome,
  type CalibrationResults,
  calibratedScenarioText,
  calibrateScenario,
  type IntervalScope,
  parseFunnelCsv,
} from "../../experiments/calibration/index.ts";
import { formatPercent } from "../../experiments/format/index.ts";
import { loadScenario, makeStamp, resolveSeed, VERSION } from "../../experiments/index.ts";
import { defaultWorkers } from "../../experiments/parallel/index.ts";
import { calibrateArgs as args } from "./calibrateArgs.ts";
import { interruptSignal } from "./interrupt.ts";
import { integerOption, maxSessionsOption, rejectUnknownOptions, seedOption } from "./options.ts";
import { printNext } from "./printNext.ts";
import { createProgress } from "./progress.ts";
import { queueOption, queueStamp, withQueue } from "./queueOption.ts";
import { reproduceCommand } from "./reproduce.ts";
import { UsageError } from "./UsageError.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";

/** `calibrate`: fit a store scenario's abandonment and friction parameters to observed funnel counts. */
export const calibrateCommand = defineCommand({
  meta: { name: "calibrate" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    const days = integerOption(parsed.days, "--days", 1, 3650);
    const replications = integerOption(parsed.replications, "--replications", 1, 100_000) ?? 4;
    const maxIterations = integerOption(parsed.maxIterations, "--max-iterations", 1, 1000);
    const polishEvaluations = integerOption(parsed.polish, "--polish", 0, 100_000);
    const workers = integerOption(parsed.workers, "--workers", 1, 256) ?? defaultWorkers();
    const queue = queueOption(parsed.queue);
    const intervals = intervalScope(parsed.intervals);
    if (parsed.observed === undefined || parsed.observed === "")
      throw new UsageError("missing --observed: the observed funnel counts (a CSV with the header kind,step,reason,interval,count)");
    const loaded = loadScenario(parsed.scenario, { days, maxSessions: maxSessionsOption(parsed.maxSessions) });
    if (loaded.config.kind !== "store") throw new UsageError(`invalid scenario: ${parsed.scenario} is chat-only (calibrate fits a store's funnel)`);
    let csvText: string;
    try {
      csvText = readFileSync(parsed.observed, "utf8");
    } catch (error) {
      throw new UsageError(
        `invalid --observed: ${JSON.stringify(parsed.observed)} (cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    const rows = parseFunnelCsv(csvText, basename(parsed.observed));
    const outScenario = parsed.outScenario ?? defaultOutput(parsed.scenario);
    if (resolve(outScenario) === resolve(parsed.scenario))
      throw new UsageError(`invalid --out-scenario: ${outScenario} (is the scenario itself; write the calibrated scenario to another file)`);
    checkOutputPaths(outScenario, parsed.out);
    const seed = resolveSeed(loaded, seedOption(parsed.seed));
    const progress = createProgress("calibrate", { quiet: parsed.quiet });
    const interrupt = interruptSignal();
    const started = performance.now();
    let outcome: CalibrationOutcome;
    try {
      const source = basename(parsed.observed);
      // With a queue, one local thread (no pool): the tasks run on the workers.
      outcome = await withQueue(queue, { quiet: parsed.quiet, signal: interrupt.signal }, (backend) =>
        calibrateScenario(loaded, rows, {
          replications,
          seed,
          workers: backend ? 1 : workers,
          backend,
          maxIterations,
          polishEvaluations,
          intervals,
          source,
          signal: interrupt.signal,
          onProgress: progress.update,
        }),
      );
    } catch (error) {
      if (interrupt.signal.aborted) {
        process.stderr.write("interrupted before the first evaluation finished: nothing written\n");
        process.exitCode = 130;
        return;
      }
      throw error;
    } finally {
      progress.stop();
      interrupt.dispose();
    }
    const { calibration } = outcome;
    const reproduce = reproduceCommand("calibrate", rawArgs, seed);
    const interrupted = calibration.stoppedBy === "interrupted";
    if (!interrupted) {
      const comment = [
        `Calibrated by convsim ${VERSION} calibrate against ${basename(parsed.observed)} (${calibration.parameters.length} values fitted; deviance ${calibration.goodnessOfFit.devianceBefore.toFixed(1)} → ${calibration.goodnessOfFit.deviance.toFixed(1)}).`,
        `Reproduce: ${reproduce}`,
      ].join("\n");
      const text = calibratedScenarioText(readFileSync(parsed.scenario, "utf8"), outcome.assignments, {
        originalPath: parsed.scenario,
        outputPath: outScenario,
        comment,
      });
      writeFileAtomic(outScenario, text);
    }
    const stamp = makeStamp({
      command: "calibrate",
      scenario: calibration.scenario,
      scenarioPath: loaded.path,
      scenarioHash: loaded.hash,
      seed,
      generatedAt: new Date().toISOString(),
      runSeconds: (performance.now() - started) / 1000,
      reproduce,
    });
    const document = {
      stamp: { ...stamp, replications, workers, ...queueStamp(queue), observed: parsed.observed },
      calibration,
      calibratedScenario: interrupted ? null : outScenario,
    };
    if (parsed.out) writeFileAtomic(parsed.out, `${JSON.stringify(document, null, 2)}\n`);
    if (parsed.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    else {
      process.stdout.write(calibrationSummary(calibration));
      process.stdout.write(interrupted ? "interrupted: best fit so far shown, no scenario written\n" : `calibrated scenario written to ${outScenario}\n`);
      if (parsed.out) process.stdout.write(`results written to ${parsed.out}\n`);
    }
    if (!interrupted) printNext(`convsim simulate ${outScenario} to see the calibrated store's funnel`, parsed.quiet);
    if (interrupted) process.exitCode = 130;
    else if (calibration.errored.length > 0) process.exitCode = 1;
  },
});

/** `<dir>/<name>.calibrated.<ext>` beside the scenario. */
function defaultOutput(scenario: string): string {
  const extension = extname(scenario) || ".yaml";
  return join(dirname(scenario), `${basename(scenario, extension)}.calibrated${extension}`);
}

/** The terminal summary: fitted values, residuals per step, goodness of fit, notes. */
export function calibrationSummary(calibration: CalibrationResults): string {
  const fit = calibration.goodnessOfFit;
  const lines = [
    `${calibration.scenario} · ${calibration.parameters.length} values fitted · ${calibration.replications} replications per evaluation · ${calibration.search.proportionalIterations} proportional rounds${calibration.search.nelderMeadEvaluations > 0 ? ` + ${calibration.search.nelderMeadEvaluations} Nelder–Mead evaluations` : ""}`,
  ];
  const pathWidth = Math.max(4, ...calibration.parameters.map((value) => value.path.length));
  lines.push("fitted values:", `  ${"path".padEnd(pathWidth)}  ${"before".padStart(9)}  ${"after".padStart(9)}  ${"change".padStart(8)}  ±s.e. (95% interval)`);
  for (const value of calibration.parameters) {
    const change = value.before === 0 ? "–" : `${value.after >= value.before ? "+" : "−"}${formatPercent(Math.abs(value.after / value.before - 1))}`;
    lines.push(
      `  ${value.path.padEnd(pathWidth)}  ${format(value.before).padStart(9)}  ${format(value.after).padStart(9)}  ${change.padStart(8)}  ${uncertainty(value)}`,
    );
  }
  lines.push(
    "residuals (observed vs simulated share of the sessions reaching the step):",
    `  ${"step".padEnd(10)}  ${"outcome".padEnd(28)}  ${"observed".padStart(9)}  ${"simulated".padStart(9)}  ${"count".padStart(8)}  residual`,
  );
  for (const row of calibration.steps) {
    lines.push(
      `  ${row.step.padEnd(10)}  ${row.outcome.padEnd(28)}  ${formatPercent(row.observedRate, 2).padStart(9)}  ${formatPercent(row.simulatedRate, 2).padStart(9)}  ${String(row.observedCount).padStart(8)}  ${row.residual >= 0 ? " " : "−"}${Math.abs(row.residual).toFixed(2)}`,
    );
  }
  lines.push(
    `goodness of fit: χ² = ${fit.chiSquare.toFixed(2)} on ${fit.degreesOfFreedom} degrees of freedom${fit.pValue === null ? " (no test: as many parameters as free cells)" : `, p = ${fit.pValue.toPrecision(2)}`}; RMSE of shares ${formatPercent(fit.rmse, 3)}; deviance ${fit.devianceBefore.toFixed(1)} → ${fit.deviance.toFixed(1)}`,
  );
  const lift = calibration.chat.causalLift;
  if (lift.data !== null) {
    lines.push(
      `chat's causal lift for chat users (holdout): ${lift.data.points.toFixed(1)} points, 95% CI ${lift.data.lower.toFixed(1)} to ${lift.data.upper.toFixed(1)}${lift.model === null ? "" : `; the fitted model's holdout: ${lift.model.points.toFixed(1)} points`}`,
    );
  }
  lines.push(...calibration.notes.map((note) => `note: ${note}`));
  return `${lines.join("\n")}\n`;
}

/** A fitted value's error: "not identified" when its scanned interval is unbounded, else ±s.e. and the interval where scanned. */
function uncertainty(value: CalibratedValue): string {
  if (value.interval !== null && !value.interval.identified) return "not identified";
  const error = value.relativeStandardError === null ? "–" : `±${formatPercent(value.relativeStandardError)}`;
  return value.interval === null ? error : `${error} (${format(value.interval.lower!)} to ${format(value.interval.upper!)})`;
}

/** The --intervals option. */
function intervalScope(text: string | undefined): IntervalScope | undefined {
  if (text === undefined) return undefined;
  if (text === "chat" || text === "all" || text === "none") return text;
  throw new UsageError(`invalid --intervals: ${JSON.stringify(text)} (must be chat, all or none)`);
}

function format(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
