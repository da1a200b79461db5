import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type BuildOptions, buildSync } from "esbuild";
import type runSimulationTask from "./simulationWorker.ts";

/** What a pool thread loads: the module's file URL, and the Node flags the thread starts with. */
export interface WorkerModule {
  filename: string;
  /** Absent: the thread inherits this process's flags (Node's default). */
  execArgv?: string[];
}

/** The TypeScript task function every pool thread runs. */
const WORKER_SOURCE = fileURLToPath(new URL("./simulationWorker.ts", import.meta.url));
/** The project's root folder (two levels above this file). */
const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Fallback entry: registers tsx in the thread, then loads the TypeScript task (slow start, always works). */
const TSX_ENTRY: WorkerModule = { filename: new URL("./simulationWorker.mjs", import.meta.url).href };
/** Flags that load code before the program (tsx's loader hooks) or are the program: a bundled thread needs none. */
const PRELOAD_FLAGS = new Set(["--import", "--require", "-r", "--loader", "--experimental-loader", "--eval", "-e", "--print", "-p"]);

/**
 * The worker bundle's path, defined (as a string literal) only in the prebuilt CLI (scripts/build);
 * run from the TypeScript sources it is undeclared and the bundle is built at first use.
 */
declare const __CONVSIM_WORKER_BUNDLE__: string | undefined;

// Built once per process: the source does not change while it runs.
let cached: WorkerModule | undefined;

/**
 * The module pool threads load. A thread that starts tsx's loader (inherited from a `tsx` parent)
 * and transforms the model module by module takes 0.5–1.5 s to start on this project's 2-core
 * target, which eats much of the gain of a second thread on a run of tens of seconds. So the task
 * function and everything it imports are bundled by esbuild (≈ 0.1 s, once per process) into one
 * plain ES module in the temp folder, named by the hash of its content, and threads start without
 * the loader flags: they are up in tens of milliseconds, concurrent processes share the file, and a
 * stale build is never picked up. The prebuilt CLI (scripts/build) carries this bundle beside itself,
 * built from the same sources, and then nothing is built at run time. If bundling fails (no esbuild, read-only temp folder), threads
 * fall back to tsx: slower to start, the same code and the same results.
 */
export function workerModule(): WorkerModule {
  cached ??= bundleWorker() ?? TSX_ENTRY;
  return cached;
}

/** The task function pool threads run: one simulation replication. */
export type TaskFunction = typeof runSimulationTask;

let cachedTask: Promise<TaskFunction | undefined> | undefined;

/**
 * The bundled task function, loaded into this thread, for runs without a pool (`--workers 1`), or
 * undefined when there is no bundle. Measured: a replication runs ≈ 15% faster from the bundle
 * than from the tsx-loaded modules (calls cross no module boundaries, so the optimizing compiler
 * inlines across files), and a serial run then runs the very code the pool threads run.
 */
export function bundledTask(): Promise<TaskFunction | undefined> {
  cachedTask ??= loadBundledTask();
  return cachedTask;
}

async function loadBundledTask(): Promise<TaskFunction | undefined> {
  const module = workerModule();
  if (module === TSX_ENTRY) return undefined;
  try {
    return ((await import(module.filename)) as { default: TaskFunction }).default;
  } catch {
    return undefined;
  }
}

/**
 * How the pool threads' module is bundled: the task function and everything it imports (packages
 * included, so the file runs from any folder) as one plain ES module. The prebuilt CLI
 * (scripts/build) writes the same bundle beside itself with these options.
 */
export function workerBuildOptions(): BuildOptions & { entryPoints: string[] } {
  return {
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // seedrandom is CommonJS and asks for `crypto`; a bundled ES module has no `require` of its own.
    banner: { js: 'import { createRequire as __convsimRequire } from "node:module"; const require = __convsimRequire(import.meta.url);' },
    legalComments: "none",
    logLevel: "silent",
    // Paths in the bundle's comments are relative to the project, not to where the process was
    // started: the same checkout gives the same bundle (and hash) from any folder or machine.
    absWorkingDir: PROJECT_ROOT,
  };
}

function bundleWorker(): WorkerModule | undefined {
  const execArgv = threadFlags(withoutPreloads(process.execArgv));
  // The prebuilt CLI carries its worker bundle, built with it from the same sources: nothing to build.
  if (typeof __CONVSIM_WORKER_BUNDLE__ === "string" && existsSync(__CONVSIM_WORKER_BUNDLE__))
    return { filename: pathToFileURL(__CONVSIM_WORKER_BUNDLE__).href, execArgv };
  try {
    const output = buildSync({ ...workerBuildOptions(), write: false });
    const code = output.outputFiles[0].text;
    const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
    const directory = join(tmpdir(), "convsim-workers");
    const file = join(directory, `simulation-worker-${hash}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(directory, { recursive: true });
      // Write beside, then rename: a process starting threads at the same moment sees the whole file or none.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    }
    return { filename: pathToFileURL(file).href, execArgv };
  } catch {
    return undefined;
  }
}

/** This process's Node flags minus the preloads (and their values). */
export function withoutPreloads(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < execArgv.length; index++) {
    const flag = execArgv[index];
    const name = flag.split("=")[0];
    if (!PRELOAD_FLAGS.has(name)) kept.push(flag);
    else if (!flag.includes("=")) index++; // the value is the next argument
  }
  return kept;
}

/** Whether a thread may start with these flags (one flag and its values). */
export type FlagProbe = (flag: readonly string[]) => boolean;

/**
 * The flags a thread accepts, in order. Node refuses to start a thread whose `execArgv` holds
 * process-wide options (V8 flags such as `--max-old-space-size` or `--trace-gc`): passing them on
 * would crash the pool of `node --max-old-space-size=8192 convsim compare ...`. Those apply to every
 * thread anyway, being process-wide, so dropping them loses nothing. Which options Node counts as
 * per-thread is its own table, so each flag is asked of Node itself (`probe`); a tsx parent leaves
 * no flags after `withoutPreloads`, and then nothing is probed.
 */
export function threadFlags(execArgv: readonly string[], probe: FlagProbe = startsAThread): string[] {
  const kept: string[] = [];
  for (const flag of groupFlags(execArgv)) if (probe(flag)) kept.push(...flag);
  return kept;
}

/** Splits argv into flags, each with the values that follow it (`--conditions dev`). */
function groupFlags(execArgv: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (const token of execArgv) {
    if (token.startsWith("-") || groups.length === 0) groups.push([token]);
    else groups[groups.length - 1].push(token);
  }
  return groups;
}

/**
 * Node checks a thread's flags in the `Worker` constructor, before the thread runs: a refused flag
 * throws ERR_WORKER_INVALID_EXEC_ARGV there. An accepted one starts an empty thread, stopped at once.
 */
function startsAThread(flag: readonly string[]): boolean {
  try {
    const thread = new Worker("", { eval: true, execArgv: [...flag], stdout: true, stderr: true });
    thread.unref();
    void thread.terminate();
    return true;
  } catch {
    return false;
  }
}
