import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { type ArgsDef, parseArgs } from "citty";
import { integerOption, rejectUnknownOptions } from "../cli/options.ts";
import { UsageError } from "../cli/UsageError.ts";
import { checkOutputPaths, writeFileAtomic } from "../cli/writeFileAtomic.ts";
import { DEFAULT_VALIDATION_REPLICATIONS, DEFAULT_VALIDATION_SEED, runValidation } from "./runValidation.ts";
import { type ValidationCase, validationCases } from "./validationCases.ts";
import { validationTable } from "./validationTable.ts";

/** Most replications per case a command line may ask for (an assumption: 20 take about 6 s, 10,000 about an hour). */
const MAX_REPLICATIONS = 10_000;

/** The flags of `npm run validate`, as its README row lists them. */
export const VALIDATE_ARGS = {
  seed: { type: "string", description: `first seed; replication r runs with seed + r (default ${DEFAULT_VALIDATION_SEED}, the tests')` },
  replications: { type: "string", description: `replications per case, at least 2 (default ${DEFAULT_VALIDATION_REPLICATIONS}, the tests')` },
  json: { type: "string", description: "also write the table as JSON to FILE" },
} as const satisfies ArgsDef;

/** Where the command writes: stdout gets the markdown table, stderr progress and the run time. */
export interface ValidateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * `npm run validate [-- --seed N] [--replications N] [--json FILE]`: runs the validation cases and
 * prints the markdown table. Returns the exit code: 0 every figure as expected, 1 one or more not
 * (so CI can run it as a check), 2 a bad command line (one line on stderr, nothing run or written).
 * `cases` is for tests that run a small subset.
 */
export function validateCommand(rawArgs: readonly string[], io: ValidateIo, cases: readonly ValidationCase[] = validationCases()): number {
  if (rawArgs.includes("--help") || rawArgs.includes("-h")) {
    io.stdout(usage());
    return 0;
  }
  let options: { seed: number; replications: number; json: string | undefined };
  try {
    options = resolveOptions(rawArgs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.problems.map((problem) => `error: ${problem}`).join("\n")}\n`);
    return 2;
  }
  const started = performance.now();
  const report = runValidation(cases, {
    seed: options.seed,
    replications: options.replications,
    onCase: (validationCase, index, count) => io.stderr(`case ${index + 1}/${count}: ${validationCase.name}\n`),
  });
  io.stdout(validationTable(report));
  if (options.json !== undefined) writeFileAtomic(options.json, `${JSON.stringify(report, null, 2)}\n`);
  const seconds = (performance.now() - started) / 1000;
  io.stderr(`ran in ${seconds.toFixed(1)} s, load average (1 min) ${loadavg()[0].toFixed(2)}\n`);
  return report.passed ? 0 : 1;
}

function resolveOptions(rawArgs: readonly string[]): { seed: number; replications: number; json: string | undefined } {
  rejectUnknownOptions(rawArgs, VALIDATE_ARGS);
  const args = parseArgs([...rawArgs], VALIDATE_ARGS);
  const extra = args._.filter((arg) => arg !== "");
  if (extra.length > 0) throw new UsageError(`invalid argument ${extra[0]}: unexpected (validate takes only --seed, --replications and --json)`);
  const json = args.json === undefined || args.json === "" ? undefined : String(args.json);
  // Before the run: a long run must not end in a write error.
  checkOutputPaths(json);
  return {
    seed: integerOption(args.seed, "--seed", 0) ?? DEFAULT_VALIDATION_SEED,
    replications: integerOption(args.replications, "--replications", 2, MAX_REPLICATIONS) ?? DEFAULT_VALIDATION_REPLICATIONS,
    json,
  };
}

function usage(): string {
  const flags = Object.entries(VALIDATE_ARGS).map(([name, arg]) => `  --${name.padEnd(14)} ${arg.description}`);
  return [
    "npm run validate [-- --seed N] [--replications N] [--json FILE]",
    "",
    "The simulator's desk figures against exact queueing values (exact Markov chains, M/M/c/K, Erlang A/C),",
    "each exact value against the simulation's 99% interval; exit 1 when one falls where it should not.",
    "",
    "flags:",
    ...flags,
    "",
  ].join("\n");
}
