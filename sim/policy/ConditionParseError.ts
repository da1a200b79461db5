// The one error the compact condition parser throws.

/**
 * A condition text that does not parse or does not type-check. `position` is the 0-based
 * character offset of the offending token in the text; syntax errors also name it in the message:
 * `expected a value at position 15, found end of input`.
 */
export class ConditionParseError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = "ConditionParseError";
    this.position = position;
  }
}
