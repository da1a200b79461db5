/** A command line that cannot be run as written (unknown flag, bad number): one clear line, exit 2. */
export class UsageError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(list.join("\n"));
    this.name = "UsageError";
    this.problems = list;
  }
}
