/**
 * A scenario (or policy, or profile) that cannot be used. `problems` holds one house-format line per
 * problem (`invalid agents.concurrency: 0 (must be an integer >= 1)`); the CLI prints them and exits 2.
 */
export class ScenarioError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[], source?: string) {
    super((source ? `${source}:\n  ` : "") + problems.join(source ? "\n  " : "\n"));
    this.name = "ScenarioError";
    this.problems = problems;
  }
}
