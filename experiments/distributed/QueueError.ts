/**
 * A queue problem to report in one line, not as a bug: the queue cannot be reached, refuses the
 * password, runs workers of another version, or is lost mid-run. `exitCode` is what the command
 * line exits with: 2 when nothing ran (bad URL, unreachable, refused: the house code for input the
 * tool cannot use), 1 when a started run failed.
 */
export class QueueError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "QueueError";
    this.exitCode = exitCode;
  }
}
