/**
 * `convsim schema | head` closes the pipe after ten lines; the next write fails with EPIPE, which
 * Node raises as an unhandled 'error' event and a stack trace. A reader that stopped reading wants
 * no more output, so the process ends at once, quietly, with 0 (as `yes | head` does from the
 * reader's side; the shell reports the pipeline by its last command).
 */
export function endQuietlyOnBrokenPipe(
  streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") exit(0);
      else throw error;
    });
  }
}
