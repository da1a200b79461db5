import { runCommand } from "citty";
import { closestName } from "./closestName.ts";
import { COMMANDS, findCommand } from "./commandTable.ts";
import { EXIT_CODES } from "./exitCodes.ts";
import { renderCommandHelp, renderGeneralHelp } from "./renderHelp.ts";
import { UsageError } from "./UsageError.ts";

/** Where the dispatcher writes (the process's streams; tests pass their own). */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_OUTPUT: CliOutput = { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) };

const HELP_FLAGS = new Set(["--help", "-h"]);
const VERSION_FLAGS = new Set(["--version", "-v"]);

/**
 * Runs `convsim <args>` and returns the exit code (EXIT_CODES). `--help`, `--version` and
 * `help [command]` answer without loading any command; a command's module is imported only when
 * that command runs. Unknown commands get a "did you mean"; known input problems print one line
 * each and give 2; only a genuine bug prints a stack trace (1).
 */
export async function runCli(rawArgs: readonly string[], version: string, output: CliOutput = PROCESS_OUTPUT): Promise<number> {
  const [first, ...rest] = rawArgs;
  if (first === undefined || HELP_FLAGS.has(first)) return done(output, renderGeneralHelp(version));
  if (VERSION_FLAGS.has(first)) return done(output, `${version}\n`);
  if (first === "help") return help(rest[0], version, output);
  const entry = findCommand(first);
  if (entry === undefined) return unknownCommand(first, output);
  try {
    if (rest.some((arg) => HELP_FLAGS.has(arg))) return done(output, renderCommandHelp(entry, await entry.args()));
    await runCommand(await entry.load(), { rawArgs: [...rest] });
    return typeof process.exitCode === "number" ? process.exitCode : EXIT_CODES.ok;
  } catch (error) {
    return reportError(error, output);
  }
}

async function help(name: string | undefined, version: string, output: CliOutput): Promise<number> {
  if (name === undefined) return done(output, renderGeneralHelp(version));
  const entry = findCommand(name);
  if (entry === undefined) return unknownCommand(name, output);
  return done(output, renderCommandHelp(entry, await entry.args()));
}

function unknownCommand(name: string, output: CliOutput): number {
  const suggestion = closestName(
    name,
    COMMANDS.map((entry) => entry.name),
  );
  output.err(
    `error: invalid command ${name}: unknown command (${suggestion === undefined ? `commands: ${COMMANDS.map((entry) => entry.name).join(", ")}` : `did you mean convsim ${suggestion}?`})\n`,
  );
  return EXIT_CODES.badInput;
}

function done(output: CliOutput, text: string): number {
  output.out(text);
  return EXIT_CODES.ok;
}

/** Known input errors by class name: ScenarioError lives below scripts/ and would load the whole loader to test with instanceof. */
const INPUT_ERRORS = new Set(["ScenarioError", "UsageError", "ReportInputError"]);

function reportError(error: unknown, output: CliOutput): number {
  if (error instanceof UsageError || (error instanceof Error && INPUT_ERRORS.has(error.name))) {
    output.err(`error: ${(error as Error).message}\n`);
    return EXIT_CODES.badInput;
  }
  // A queue that cannot be used (exit 2: nothing ran) or was lost mid-run (exit 1): one line either way.
  // Matched by name like the input errors, so the dispatcher does not load BullMQ to test with instanceof.
  if (error instanceof Error && error.name === "QueueError" && typeof (error as Error & { exitCode?: unknown }).exitCode === "number") {
    output.err(`error: ${error.message}\n`);
    return (error as Error & { exitCode: number }).exitCode;
  }
  // citty's own argument errors (a missing positional) are input problems too.
  if (error instanceof Error && error.name === "CLIError") {
    output.err(`error: ${error.message.replace(/\.$/, "")} (see --help)\n`);
    return EXIT_CODES.badInput;
  }
  output.err(`internal error (a bug, please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_CODES.failed;
}
