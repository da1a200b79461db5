// Test support only: `convsim` as a long-running child process whose output is watched while it runs
// (workers, coordinators killed mid-run); not part of the CLI.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** A running `convsim` child process. */
export interface ConvsimProcess {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

/** Starts `convsim <args>` from the project root; CONVSIM_QUEUE is cleared unless `env` sets it. */
export function startConvsim(args: readonly string[], env: NodeJS.ProcessEnv = {}): ConvsimProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", ...args], {
    cwd: projectRoot,
    env: { ...process.env, NO_COLOR: "1", CONVSIM_QUEUE: "", ...env },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

/** Polls `condition` every 50 ms until it holds; throws after `seconds` (generous: shared machines run late). */
export async function until(condition: () => boolean, seconds = 120): Promise<void> {
  for (const started = performance.now(); !condition(); ) {
    if (performance.now() - started > seconds * 1000) throw new Error(`timed out after ${seconds} s waiting`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
