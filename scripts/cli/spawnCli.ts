// Test support only (the real command line in a child process); not part of the CLI.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** What a finished `convsim` child process left: exit code, output, and its wall time. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  milliseconds: number;
}

/** Runs `convsim <args>` from the project root, as a user runs it, and collects its output. */
export function spawnCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", ...args], { cwd: projectRoot, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, milliseconds: performance.now() - started }));
  });
}
