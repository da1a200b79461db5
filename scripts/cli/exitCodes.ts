/**
 * The exit codes every command uses (README, "Exit codes"; `convsim --help` lists them).
 * 0 done; 1 a bug, a failed replication or a failed check; 2 input the tool cannot use (bad flag,
 * bad scenario), nothing written; 130 interrupted (Ctrl-C), what completed is reported and written.
 */
export const EXIT_CODES = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;

/** The exit-code lines of the help text. */
export const EXIT_CODE_HELP: readonly [string, string][] = [
  ["0", "done"],
  ["1", "a bug (with a stack trace), a failed replication or a failed check"],
  ["2", "bad input (flag, scenario, results file): one line per problem, nothing written"],
  ["130", "interrupted with Ctrl-C: what completed is reported and written"],
];
