import { vi } from "vitest";
import { VERSION } from "../../experiments/run/version.ts";
import { runCli } from "./runCli.ts";

/** What one in-process `convsim` run printed and its exit code. */
export interface CliRunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `convsim <args>` in the test's own process (as main.ts does, without a child process and its
 * start-up), capturing what it writes to stdout and stderr. For tests only: it spies on the streams.
 */
export async function cliInProcess(...args: string[]): Promise<CliRunResult> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await runCli(args, VERSION);
    return { code, stdout, stderr };
  } finally {
    process.exitCode = before;
    vi.restoreAllMocks();
  }
}
