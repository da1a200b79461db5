import { invalidValue } from "../../errors/index.ts";
import type { UniformSource } from "./uniformSource.ts";
import { unitDouble } from "./unitDouble.ts";

const TWO_TO_32 = 0x100000000;
const TWO_TO_53 = 2 ** 53;
/** Tyche-i rounds run after the state is set: the hashed words are already mixed, these mix them into each other. */
const SEEDING_ROUNDS = 8;

/**
 * Child number `index` of a family of short private streams, e.g. one per shopper for each purpose
 * (journey, patience, ...): the family's `key` is one uniform drawn from the purpose's named parent
 * stream once per run, `index` the shopper's arrival number. A shopper's randomness then depends on
 * the run seed, the purpose and the shopper's number only, so it stays the same under every compared
 * policy even when a policy makes some shoppers draw more numbers than others (common random numbers
 * at the entity level).
 *
 * Derivation (counter-based, since issue 12 part 6): the 53 bits of the key and of the index fill
 * Tyche-i's four 32-bit state words through Murmur3's 32-bit finalizer, chained so that the map from
 * (key, index) to the state is a bijection: distinct children start from distinct states, and
 * Tyche-i's invertible round keeps them on distinct sequences. The finalizer diffuses every input bit
 * into the whole word, so neighbouring indices give unrelated states; eight Tyche-i rounds then mix
 * the words into each other before the first output. Until then each shopper drew one key per
 * purpose from the parent stream at arrival (eleven draws of xor4096 per shopper) and a child ran 20
 * rounds from that key alone; deriving from the index costs no parent draws at all. This was a
 * one-time change of every shopper's draws (docs: README "How the model works").
 *
 * Generator: Tyche-i (S. Neves & F. Araujo, "Fast and small nonlinear pseudorandom number generators
 * for computer simulation", PPAM 2011): a 128-bit state and a cheap round, fit for many short-lived
 * streams; a child draws far fewer numbers than its 2^127 period. Output as `seedrandom`'s
 * `double()` reads it: 53 bits from two rounds.
 *
 * @example
 * const key = streams.stream("shopper.patience").next(); // once per run
 * const patience = new ChildStream(key, 17); // shopper 17's patience stream
 * patience.next(); // in (0, 1); new ChildStream(key, 17) repeats the same sequence
 */
export class ChildStream implements UniformSource {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(key: number, index: number) {
    if (typeof key !== "number" || !(key >= 0 && key < 1)) throw invalidValue("child stream key", key, "must be in [0, 1)");
    if (!Number.isSafeInteger(index) || index < 0) throw invalidValue("child stream index", index, "must be an integer in [0, 2^53)");
    const seed = Math.floor(key * TWO_TO_53);
    // Each word is a bijection of one input word given the words before it, so the whole map is one.
    let c = mix32(((seed % TWO_TO_32) | 0) ^ 0x2545f491);
    let d = mix32(Math.floor(seed / TWO_TO_32) ^ c ^ 0x6c8e9cf5);
    let a = mix32(((index % TWO_TO_32) | 0) ^ c);
    let b = mix32(Math.floor(index / TWO_TO_32) ^ d ^ a);
    // Tyche-i rounds on locals (as in #round), not through the method: a child is made per shopper and purpose.
    for (let round = 0; round < SEEDING_ROUNDS; round++) {
      b = (b << 25) ^ (b >>> 7) ^ c;
      c = (c - d) | 0;
      d = (d << 24) ^ (d >>> 8) ^ a;
      a = (a - b) | 0;
      b = (b << 20) ^ (b >>> 12) ^ c;
      c = (c - d) | 0;
      d = (d << 16) ^ (c >>> 16) ^ a;
      a = (a - b) | 0;
    }
    this.#a = a;
    this.#b = b;
    this.#c = c;
    this.#d = d;
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

/**
 * Murmur3's 32-bit finalizer (A. Appleby, MurmurHash3 `fmix32`): a bijection on 32-bit words in which
 * every input bit flips each output bit with probability ≈ 1/2.
 */
function mix32(word: number): number {
  let h = word;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
