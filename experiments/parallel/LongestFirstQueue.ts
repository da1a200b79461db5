/**
 * The order in which a pool hands out tasks: longest first (Graham's LPT rule), so a run does not
 * end with one thread busy on a long task while the others idle. A compare run's variants differ a
 * lot in cost (a pushy trigger policy evaluates its rules at every idle moment and makes more
 * chats: five times the control's time), and submission order puts one of each at the very end.
 *
 * Costs are not known in advance, so they are learnt: tasks sharing a model config (the same
 * object: a variant, a staffing point) are assumed to cost alike; a config never measured counts
 * as the longest, so each config's first replication starts early and is measured; after that the
 * config with the largest mean measured duration goes next. Ties, and runs without measurements,
 * keep submission order. The order changes only when tasks run, never what they return: every task
 * is deterministic on its own.
 */
export class LongestFirstQueue<Key> {
  /** Pending task indices per key, in submission order; keys in order of first appearance. */
  readonly #pending = new Map<Key, number[]>();
  readonly #heads = new Map<Key, number>();
  readonly #keys: Key[];
  readonly #totalSeconds = new Map<Key, number>();
  readonly #measured = new Map<Key, number>();
  #left: number;

  constructor(keys: readonly Key[]) {
    this.#keys = keys.slice();
    this.#left = keys.length;
    keys.forEach((key, index) => {
      const list = this.#pending.get(key);
      if (list === undefined) {
        this.#pending.set(key, [index]);
        this.#heads.set(key, 0);
      } else list.push(index);
    });
  }

  /** Tasks not handed out yet. */
  get size(): number {
    return this.#left;
  }

  /** The next task index to run, or undefined when none is left. */
  next(): number | undefined {
    let bestKey: Key | undefined;
    let bestCost = -1;
    let bestIndex = Infinity;
    for (const [key, list] of this.#pending) {
      const head = this.#heads.get(key)!;
      if (head === list.length) continue;
      const cost = this.#meanSeconds(key);
      const index = list[head];
      if (cost > bestCost || (cost === bestCost && index < bestIndex)) {
        bestKey = key;
        bestCost = cost;
        bestIndex = index;
      }
    }
    if (bestKey === undefined) return undefined;
    this.#heads.set(bestKey, this.#heads.get(bestKey)! + 1);
    this.#left--;
    return bestIndex;
  }

  /** Records how long task `index` took, in seconds. */
  record(index: number, seconds: number): void {
    if (!(seconds >= 0)) return;
    const key = this.#keys[index];
    this.#totalSeconds.set(key, (this.#totalSeconds.get(key) ?? 0) + seconds);
    this.#measured.set(key, (this.#measured.get(key) ?? 0) + 1);
  }

  /** Hands out every task left (a stop): their indices in submission order. */
  drain(): number[] {
    const left: number[] = [];
    for (let index = this.next(); index !== undefined; index = this.next()) left.push(index);
    return left.sort((a, b) => a - b);
  }

  #meanSeconds(key: Key): number {
    const count = this.#measured.get(key);
    return count === undefined ? Infinity : this.#totalSeconds.get(key)! / count;
  }
}
