/**
 * The one-line hint that ends a command: what to open or run next. On stderr, so `--json` output
 * on stdout stays pure JSON; not with `--quiet`.
 */
export function printNext(hint: string, quiet = false): void {
  if (!quiet) process.stderr.write(`next: ${hint}\n`);
}
