// The error resolvePolicy throws for an invalid policy.

/** Lists every problem with a policy; the message has one house-format problem per line. */
export class PolicyError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "PolicyError";
    this.problems = Object.freeze([...problems]);
  }
}
