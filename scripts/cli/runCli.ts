import { type CommandDef, renderUsage, runCommand } from "citty";
import { QueueError } from "../../experiments/distributed/index.ts";
import { ScenarioError } from "../../experiments/index.ts";
import { UsageError } from "./UsageError.ts";

/** Exit code for input the tool cannot use (bad scenario, bad flag). */
export const EXIT_BAD_INPUT = 2;

/**
 * Runs the command line. Known input problems print one line each to stderr and exit 2; only a
 * genuine bug prints a stack trace (exit 1).
 */
export async function runCli(main: CommandDef<any>, rawArgs: string[]): Promise<void> {
  if (rawArgs.length === 0 || rawArgs[0] === "--help" || rawArgs[0] === "-h") {
    process.stdout.write(`${await renderUsage(main)}\n`);
    return;
  }
  if (rawArgs.includes("--help") || rawArgs.includes("-h")) {
    // `convsim <command> --help`: citty's runCommand would first insist on required arguments.
    const subCommands = (typeof main.subCommands === "function" ? await main.subCommands() : await main.subCommands) ?? {};
    const entry = subCommands[rawArgs[0]];
    if (entry !== undefined) {
      const command = (typeof entry === "function" ? await entry() : await entry) as CommandDef<any>;
      process.stdout.write(`${await renderUsage(command, main)}\n`);
      return;
    }
  }
  try {
    await runCommand(main, { rawArgs });
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof ScenarioError || error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  // A queue that cannot be used (exit 2: nothing ran) or was lost mid-run (exit 1): one line either way.
  if (error instanceof QueueError) {
    process.stderr.write(`error: ${error.message}\n`);
    return error.exitCode;
  }
  // citty's own argument errors (missing positional, unknown subcommand) are input problems too.
  if (error instanceof Error && error.name === "CLIError") {
    process.stderr.write(`error: ${error.message.replace(/\.$/, "")} (see --help)\n`);
    return EXIT_BAD_INPUT;
  }
  process.stderr.write(`internal error (a bug, please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
