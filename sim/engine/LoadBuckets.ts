// Internal to sim/engine (SlotPool's bookkeeping): not re-exported from index.ts.

/** Marks a server that is in no bucket, and the end of a bucket's list. */
const NONE = -1;

/**
 * Servers grouped by load level, each level an insertion-ordered list: what a `Set<number>` per
 * level gives (first in, first out at each level; adding a member again keeps its place), without
 * its costs on the hot path. A pool moves a server between levels at every grant and release; a Set
 * then reallocates its hash table as deletions pile up and allocates an iterator to read its first
 * member. Here each server id links to its neighbours in the one list it is in (a server sits at one
 * level at a time), so add, delete and first are O(1) and allocate nothing.
 */
export class LoadBuckets {
  /** Per level: first and last server id of its list (NONE when empty), and its member count. */
  readonly #head: number[];
  readonly #tail: number[];
  readonly #size: number[];
  /** Per server id: the level whose list holds it (NONE: none), and its neighbours there. */
  readonly #levelOf: number[] = [];
  readonly #previous: number[] = [];
  readonly #next: number[] = [];

  constructor(levels: number) {
    this.#head = new Array<number>(levels).fill(NONE);
    this.#tail = new Array<number>(levels).fill(NONE);
    this.#size = new Array<number>(levels).fill(0);
  }

  /** Servers at `level`. */
  size(level: number): number {
    return this.#size[level];
  }

  /** Whether `server` is in the list of `level`. */
  has(level: number, server: number): boolean {
    return server < this.#levelOf.length && this.#levelOf[server] === level;
  }

  /** The server that has been at `level` longest, or -1 when none is. */
  first(level: number): number {
    return this.#head[level];
  }

  /** Appends `server` to the list of `level` (no-op if it is there already; it must be in no other). */
  add(level: number, server: number): void {
    const levelOf = this.#levelOf;
    while (levelOf.length <= server) {
      levelOf.push(NONE);
      this.#previous.push(NONE);
      this.#next.push(NONE);
    }
    if (levelOf[server] === level) return;
    const tail = this.#tail[level];
    levelOf[server] = level;
    this.#previous[server] = tail;
    this.#next[server] = NONE;
    if (tail === NONE) this.#head[level] = server;
    else this.#next[tail] = server;
    this.#tail[level] = server;
    this.#size[level]++;
  }

  /** Takes `server` out of the list of `level` (no-op if it is not there). */
  delete(level: number, server: number): void {
    if (!this.has(level, server)) return;
    const previous = this.#previous[server];
    const next = this.#next[server];
    if (previous === NONE) this.#head[level] = next;
    else this.#next[previous] = next;
    if (next === NONE) this.#tail[level] = previous;
    else this.#previous[next] = previous;
    this.#levelOf[server] = NONE;
    this.#size[level]--;
  }

  /** The servers at `level`, longest there first (a copy: the caller may move them meanwhile). */
  members(level: number): number[] {
    const members: number[] = [];
    for (let server = this.#head[level]; server !== NONE; server = this.#next[server]) members.push(server);
    return members;
  }
}
