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
  /** Per key, in order of first appearance: its task indices (submission order) and what was measured. */
  readonly #groups = new Map<Key, Group>();
  /** The group of each task index. */
  readonly #groupOf: Group[];
  #left: number;

  constructor(keys: readonly Key[]) {
    this.#groupOf = keys.map((key, index) => {
      let group = this.#groups.get(key);
      if (group === undefined) {
        group = { indices: [], head: 0, totalSeconds: 0, measured: 0 };
        this.#groups.set(key, group);
      }
      group.indices.push(index);
      return group;
    });
    this.#left = keys.length;
  }

  /** Tasks not handed out yet. */
  get size(): number {
    return this.#left;
  }

  /** The next task index to run, or undefined when none is left. */
  next(): number | undefined {
    let best: Group | undefined;
    let bestCost = -1;
    for (const group of this.#groups.values()) {
      if (group.head === group.indices.length) continue;
      const cost = group.measured === 0 ? Infinity : group.totalSeconds / group.measured;
      if (cost > bestCost || (cost === bestCost && group.indices[group.head] < best!.indices[best!.head])) {
        best = group;
        bestCost = cost;
      }
    }
    if (best === undefined) return undefined;
    this.#left--;
    return best.indices[best.head++];
  }

  /** Records how long task `index` took, in seconds. */
  record(index: number, seconds: number): void {
    if (!(seconds >= 0)) return;
    const group = this.#groupOf[index];
    group.totalSeconds += seconds;
    group.measured++;
  }

  /** Hands out every task left (a stop): their indices in submission order. */
  drain(): number[] {
    const left: number[] = [];
    for (let index = this.next(); index !== undefined; index = this.next()) left.push(index);
    return left.sort((a, b) => a - b);
  }
}

interface Group {
  readonly indices: number[];
  /** Next position in `indices` to hand out. */
  head: number;
  totalSeconds: number;
  measured: number;
}
