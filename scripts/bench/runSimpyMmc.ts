import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { batchMeansInterval } from "./batchMeansInterval.ts";
import type { MmcRunResult } from "./mmcRunResult.ts";
import type { ResolvedMmcOptions } from "./resolveMmcOptions.ts";

const execFileAsync = promisify(execFile);

/**
 * Pythons tried in order when none is named. The system python comes first: Debian's
 * python3-simpy3 installs SimPy there, while a pyenv `python3` earlier on PATH usually lacks it.
 */
export const DEFAULT_PYTHON_CANDIDATES = Object.freeze(["/usr/bin/python3", "python3", "python"]);

const SIMPY_SCRIPT = fileURLToPath(new URL("./mmc_simpy.py", import.meta.url));
/** SimPy at ~40k customers/s needs minutes for a million; give it room, but not forever. */
const SIMPY_TIMEOUT_MILLISECONDS = 30 * 60 * 1000;

/** A python that can import simpy. */
export interface SimpyPython {
  python: string;
  simpyVersion: string;
  pythonVersion: string;
}

/** A SimPy run: the common result plus SimPy's own wall time (model and `env.run()`, no start-up). */
export interface SimpyMmcResult extends MmcRunResult {
  wallSeconds: number;
}

/** The first of `candidates` that imports simpy, or null (each one tried once, quietly). */
export async function findSimpyPython(candidates: readonly string[] = DEFAULT_PYTHON_CANDIDATES): Promise<SimpyPython | null> {
  const probe = "import platform, simpy; print(getattr(simpy, '__version__', 'unknown'), platform.python_version())";
  for (const python of candidates) {
    try {
      const { stdout } = await execFileAsync(python, ["-c", probe], { timeout: 20_000 });
      const [simpyVersion, pythonVersion] = stdout.trim().split(/\s+/);
      return { python, simpyVersion, pythonVersion };
    } catch {
      // Not installed, or no simpy for this python: try the next one.
    }
  }
  return null;
}

/** Runs scripts/bench/mmc_simpy.py with the same model parameters, warm-up share and batches. */
export async function runSimpyMmc(python: string, options: ResolvedMmcOptions): Promise<SimpyMmcResult> {
  const args = [
    SIMPY_SCRIPT,
    String(options.customers),
    String(options.arrivalRatePerSecond),
    String(1 / options.meanServiceSeconds),
    String(options.servers),
    String(options.seed),
    String(options.warmupCustomers),
    String(options.batches),
  ];
  const { stdout } = await execFileAsync(python, args, { timeout: SIMPY_TIMEOUT_MILLISECONDS, maxBuffer: 1 << 20 });
  const lastLine = stdout.trim().split("\n").at(-1) ?? "";
  let parsed: { customers: number; wallSeconds: number; meanWait: number; delayedCustomers: number; events: number; batchMeans: number[] };
  try {
    parsed = JSON.parse(lastLine);
  } catch {
    throw new Error(`invalid mmc_simpy.py output: ${JSON.stringify(lastLine.slice(0, 200))} (must be one JSON line)`);
  }
  const interval = batchMeansInterval(parsed.batchMeans);
  return {
    customers: parsed.customers,
    delayedCustomers: parsed.delayedCustomers,
    events: parsed.events,
    meanWaitSeconds: parsed.meanWait,
    interval,
    recordedCustomers: options.batches * options.batchCustomers,
    wallSeconds: parsed.wallSeconds,
  };
}
