/**
 * The store's one channel for non-fatal oddities (a torn log line skipped on start). It deduplicates
 * by message and counts repeats, so tests can assert on what was warned and a flood of one problem
 * prints once. `sink` receives each new message (the CLI passes stderr).
 */
export class Warnings {
  readonly #counts = new Map<string, number>();
  readonly #sink: ((message: string) => void) | undefined;

  constructor(sink?: (message: string) => void) {
    this.#sink = sink;
  }

  warn(message: string): void {
    const count = this.#counts.get(message) ?? 0;
    this.#counts.set(message, count + 1);
    if (count === 0) this.#sink?.(message);
  }

  /** Every distinct message with how often it was warned, in first-seen order. */
  list(): { message: string; count: number }[] {
    return [...this.#counts].map(([message, count]) => ({ message, count }));
  }
}
