/** A named count of occurrences (sessions, orders, abandoned chats). */
export class Counter {
  readonly name: string;
  #value = 0;

  constructor(name = "counter") {
    this.name = name;
  }

  get value(): number {
    return this.#value;
  }

  /** Adds `amount` (default 1). */
  add(amount = 1): void {
    if (!Number.isFinite(amount)) throw new RangeError(`invalid ${this.name} increment: ${amount} (must be finite)`);
    this.#value += amount;
  }
}
