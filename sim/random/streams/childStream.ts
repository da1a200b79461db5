import { invalidValue } from "../../errors/index.ts";
import type { UniformSource } from "./uniformSource.ts";
import { unitDouble } from "./unitDouble.ts";

const TWO_TO_53 = 2 ** 53;

/** Tyche-i's initial c and d words (the paper's constants: floor(2^32 / phi) and 1367130551). */
const INITIAL_C = 2654435769 | 0;
const INITIAL_D = 1367130551;
/** Rounds run at seeding before the first output, so nearby keys give unrelated sequences. */
const SEEDING_ROUNDS = 20;

/**
 * A short private stream keyed by one uniform drawn from a parent stream, e.g. one per shopper
 * and purpose: the shopper draws one key per parent at arrival, whatever happens later, so the
 * shopper's own randomness stays the same under every compared policy even when a policy makes
 * some shoppers draw more numbers than others (common random numbers at the entity level).
 *
 * Generator: Tyche-i (S. Neves & F. Araujo, "Fast and small nonlinear pseudorandom number
 * generators for computer simulation", PPAM 2011), chosen over xor4096 for children because
 * children are many and short-lived: seeding needs 20 rounds on a 128-bit state instead of 640
 * steps on 4096 bits, and a child draws far fewer numbers than Tyche-i's 2^127 period.
 * Seeding: the key's 53 bits, as the integer floor(key 2^53), fill Tyche-i's first two state
 * words (21 + 32 bits), so distinct keys give distinct states, and Tyche-i's invertible round
 * function keeps distinct states on distinct sequences.
 *
 * The round runs here on four int32 fields rather than through `seedrandom.tychei`, which builds
 * three closures and a generator object per stream: at one child per shopper and purpose that
 * set-up was ~10% of a store-model run. Sequences are bit-for-bit those of `seedrandom.tychei`
 * seeded with the same integer and read through its 53-bit `double()` (pinned in the tests), so
 * results did not change.
 *
 * @example
 * const key = streams.stream("patience").next();
 * const patience = new ChildStream(key);
 * patience.next(); // in (0, 1); new ChildStream(key) repeats the same sequence
 */
export class ChildStream implements UniformSource {
  /** The parent uniform this stream was keyed by. */
  readonly key: number;
  #a: number;
  #b: number;
  #c = INITIAL_C;
  #d = INITIAL_D;

  constructor(key: number) {
    if (typeof key !== "number" || !(key >= 0 && key < 1)) {
      throw invalidValue("child stream key", key, "must be in [0, 1)");
    }
    this.key = key;
    const seed = Math.floor(key * TWO_TO_53);
    this.#a = (seed / 0x100000000) | 0;
    this.#b = seed | 0;
    for (let round = 0; round < SEEDING_ROUNDS; round++) this.#round();
  }

  /**
   * Next uniform number in (0, 1): 53 bits from two rounds (the top 21 bits of one and all 32 of
   * the next), rejecting 0, so the largest value is 1 - 2^-53.
   */
  next(): number {
    for (;;) {
      const value = unitDouble(this.#round(), this.#round());
      if (value !== 0) return value;
    }
  }

  /** One Tyche-i round (the inverted "tyche-i" quarter round of the paper); returns the new a word. */
  #round(): number {
    let a = this.#a;
    let b = this.#b;
    let c = this.#c;
    let d = this.#d;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
    this.#a = a;
    this.#b = b;
    this.#c = c;
    this.#d = d;
    return a;
  }
}
