/**
 * A results document the report cannot use (missing file, bad JSON, unknown kind, missing field).
 * `problems` holds one house-format line each; the CLI prints them and exits 2.
 */
export class ReportInputError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[], source?: string) {
    super((source ? `${source}:\n  ` : "") + problems.join(source ? "\n  " : "\n"));
    this.name = "ReportInputError";
    this.problems = problems;
  }
}
