import type { Event } from "./Event.ts";

/** heapIndex of an event waiting in one of the same-time FIFOs. */
const IN_FIFO = -2;

/** Slots the queue starts with; it doubles when full. */
const INITIAL_SLOTS = 64;

/**
 * Events ordered by (time, priority, sequence): an indexed binary min-heap plus, for events scheduled
 * at the current time (process starts, granted requests, zero delays: about a third of all events),
 * one FIFO per priority. Sequence numbers only grow, so a FIFO of same-time, same-priority events is
 * already sorted and costs O(1) instead of O(log n); `peek` takes the least of the three heads, which
 * keeps the order exactly that of one heap. Removing an arbitrary event (a cancelled timer) costs
 * O(log n) and never scans; FIFO entries are removed lazily.
 *
 * Layout: a queued event keeps one slot (its `heapIndex`) for as long as it waits; the slot's key
 * (time, priority, sequence) sits in typed arrays and the heap itself is an array of slot numbers.
 * Sifting then moves small integers, not object references: the heap outlives many scavenges and
 * lies in V8's old generation, where every reference to a young event stored into it goes through
 * the write barrier's slow path (about 8% of a chat-only run's instructions when the heap held the
 * events). Now each event is stored once when queued and cleared once when it leaves.
 */
export class EventQueue {
  /** Heap of slots: position → slot. */
  #heap = new Int32Array(INITIAL_SLOTS);
  #length = 0;
  /** By slot: the event, its key (time, priority, sequence at 3 × slot), and its position in #heap. */
  #events: (Event<any> | undefined)[] = [];
  #keys = new Float64Array(3 * INITIAL_SLOTS);
  #position = new Int32Array(INITIAL_SLOTS);
  /** Slots given back by events that left, reused first; #slotCount slots were ever handed out. */
  #freeSlots = new Int32Array(INITIAL_SLOTS);
  #freeCount = 0;
  #slotCount = 0;
  // One FIFO per priority (URGENT = 0, NORMAL = 1), indexed by the event's priority.
  readonly #fifos: Fifo[] = [new Fifo(), new Fifo()];

  get size(): number {
    return this.#length + this.#fifos[0].live + this.#fifos[1].live;
  }

  /** The earliest event without removing it, or undefined. */
  peek(): Event<any> | undefined {
    const urgent = this.#fifos[0].head();
    const normal = this.#fifos[1].head();
    let best = this.#length > 0 ? this.#events[this.#heap[0]] : undefined;
    if (urgent !== undefined && (best === undefined || before(urgent, best))) best = urgent;
    if (normal !== undefined && (best === undefined || before(normal, best))) best = normal;
    return best;
  }

  /**
   * Queues an event whose time is the current time and whose sequence is the newest (priority 0 or 1):
   * O(1). Anything else must go through `push`.
   */
  pushNow(event: Event<any>): void {
    event.heapIndex = IN_FIFO;
    this.#fifos[event.priority].push(event);
  }

  push(event: Event<any>): void {
    if (this.#freeCount === 0 && this.#slotCount === this.#position.length) this.#grow();
    const slot = this.#freeCount > 0 ? this.#freeSlots[--this.#freeCount] : this.#slotCount++;
    this.#events[slot] = event;
    const keys = this.#keys;
    keys[3 * slot] = event.time;
    keys[3 * slot + 1] = event.priority;
    keys[3 * slot + 2] = event.sequence;
    event.heapIndex = slot;
    const position = this.#length++;
    this.#heap[position] = slot;
    this.#position[slot] = position;
    this.#siftUp(position);
  }

  /** Removes and returns the earliest event. */
  pop(): Event<any> | undefined {
    const fifos = this.#fifos;
    // Most pops find both FIFOs empty: then the heap's top is the answer without comparing heads.
    if (fifos[0].live === 0 && fifos[1].live === 0) return this.#popHeap();
    const top = this.peek();
    if (top === undefined) return undefined;
    if (top.heapIndex === IN_FIFO) {
      fifos[top.priority].shift();
      top.heapIndex = -1;
      return top;
    }
    return this.#popHeap();
  }

  #popHeap(): Event<any> | undefined {
    if (this.#length === 0) return undefined;
    const slot = this.#heap[0];
    const top = this.#release(slot);
    const last = this.#heap[--this.#length];
    if (this.#length > 0) {
      this.#heap[0] = last;
      this.#position[last] = 0;
      this.#siftDown(0);
    }
    return top;
  }

  /** Removes `event` wherever it is in the queue (no-op if not queued). */
  remove(event: Event<any>): void {
    const slot = event.heapIndex;
    if (slot === IN_FIFO) {
      // Lazy: the FIFO skips entries that are no longer marked as queued.
      event.heapIndex = -1;
      this.#fifos[event.priority].live--;
      return;
    }
    if (slot < 0 || slot >= this.#slotCount || this.#events[slot] !== event) return;
    const position = this.#position[slot];
    this.#release(slot);
    const length = --this.#length;
    if (position === length) return;
    const last = this.#heap[length];
    this.#heap[position] = last;
    this.#position[last] = position;
    // The moved slot may belong above or below its new position.
    if (position > 0 && this.#less(last, this.#heap[(position - 1) >> 1])) this.#siftUp(position);
    else this.#siftDown(position);
  }

  /** Empties `slot` for reuse and returns the event that held it (now marked not queued). */
  #release(slot: number): Event<any> {
    const event = this.#events[slot]!;
    this.#events[slot] = undefined;
    this.#freeSlots[this.#freeCount++] = slot;
    event.heapIndex = -1;
    return event;
  }

  #less(a: number, b: number): boolean {
    const keys = this.#keys;
    const keyA = 3 * a;
    const keyB = 3 * b;
    if (keys[keyA] !== keys[keyB]) return keys[keyA] < keys[keyB];
    if (keys[keyA + 1] !== keys[keyB + 1]) return keys[keyA + 1] < keys[keyB + 1];
    return keys[keyA + 2] < keys[keyB + 2];
  }

  #siftUp(start: number): void {
    const heap = this.#heap;
    const positions = this.#position;
    const item = heap[start];
    let index = start;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex];
      if (!this.#less(item, parent)) break;
      heap[index] = parent;
      positions[parent] = index;
      index = parentIndex;
    }
    heap[index] = item;
    positions[item] = index;
  }

  #siftDown(start: number): void {
    const heap = this.#heap;
    const positions = this.#position;
    const length = this.#length;
    const item = heap[start];
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && this.#less(heap[right], heap[left]) ? right : left;
      const childSlot = heap[child];
      if (!this.#less(childSlot, item)) break;
      heap[index] = childSlot;
      positions[childSlot] = index;
      index = child;
    }
    heap[index] = item;
    positions[item] = index;
  }

  /** Doubles every per-slot array (and the heap, which never holds more than all slots). */
  #grow(): void {
    const capacity = this.#position.length * 2;
    const heap = new Int32Array(capacity);
    heap.set(this.#heap);
    this.#heap = heap;
    const position = new Int32Array(capacity);
    position.set(this.#position);
    this.#position = position;
    const freeSlots = new Int32Array(capacity);
    freeSlots.set(this.#freeSlots);
    this.#freeSlots = freeSlots;
    const keys = new Float64Array(3 * capacity);
    keys.set(this.#keys);
    this.#keys = keys;
  }
}

function before(a: Event<any>, b: Event<any>): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.sequence < b.sequence;
}

/** A same-time FIFO with lazy removal; compacts so removed entries cannot pile up. */
class Fifo {
  #items: Event<any>[] = [];
  #start = 0;
  live = 0;

  push(event: Event<any>): void {
    this.#items.push(event);
    this.live++;
  }

  head(): Event<any> | undefined {
    const items = this.#items;
    let start = this.#start;
    while (start < items.length && items[start].heapIndex !== IN_FIFO) start++;
    this.#start = start;
    if (start === items.length) {
      // Empty: recycle the array only once it has grown (resizing on every drain is costly).
      if (start > 1024) {
        items.length = 0;
        this.#start = 0;
      }
      return undefined;
    }
    if (start > 1024 && start * 2 > items.length) {
      items.splice(0, start);
      this.#start = 0;
    }
    return items[this.#start];
  }

  /** Removes the head returned by the last `head()` call. */
  shift(): void {
    this.#start++;
    this.live--;
  }
}
