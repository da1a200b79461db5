import { defineCommand, type CommandDef } from "citty";
import { vi } from "vitest";
import { runCli } from "../runCli.ts";

/** What a command wrote and its exit code. */
export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Test support: runs `convsim <name> <args>` in this process, through `runCli` as the real CLI does
 * (error lines, exit codes), capturing stdout and stderr; the exit code is restored afterwards.
 */
export async function runInProcess(commands: Record<string, CommandDef<any>>, name: string, args: readonly string[]): Promise<InProcessRun> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await runCli(defineCommand({ subCommands: commands }), [name, ...args]);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    process.exitCode = before;
    vi.restoreAllMocks();
  }
}
