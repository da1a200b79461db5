import type { Event } from "./Event.ts";

/** heapIndex of an event waiting in one of the same-time FIFOs. */
const IN_FIFO = -2;

/**
 * Events ordered by (time, priority, sequence): an indexed binary min-heap plus, for events scheduled
 * at the current time (process starts, granted requests, zero delays: about a third of all events),
 * one FIFO per priority. Sequence numbers only grow, so a FIFO of same-time, same-priority events is
 * already sorted and costs O(1) instead of O(log n); `peek` takes the least of the three heads, which
 * keeps the order exactly that of one heap. Each heap event stores its own position, so removing an
 * arbitrary event (a cancelled timer) costs O(log n) and never scans; FIFO entries are removed lazily.
 */
export class EventQueue {
  #heap: Event<any>[] = [];
  // One FIFO per priority (URGENT = 0, NORMAL = 1), indexed by the event's priority.
  readonly #fifos: Fifo[] = [new Fifo(), new Fifo()];

  get size(): number {
    return this.#heap.length + this.#fifos[0].live + this.#fifos[1].live;
  }

  /** The earliest event without removing it, or undefined. */
  peek(): Event<any> | undefined {
    const urgent = this.#fifos[0].head();
    const normal = this.#fifos[1].head();
    let best = this.#heap[0];
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
    const heap = this.#heap;
    event.heapIndex = heap.length;
    heap.push(event);
    this.#siftUp(event.heapIndex);
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
    const heap = this.#heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      last.heapIndex = 0;
      this.#siftDown(0);
    }
    top.heapIndex = -1;
    return top;
  }

  /** Removes `event` wherever it is in the heap (no-op if not queued). */
  remove(event: Event<any>): void {
    const index = event.heapIndex;
    if (index === IN_FIFO) {
      // Lazy: the FIFO skips entries that are no longer marked as queued.
      event.heapIndex = -1;
      this.#fifos[event.priority].live--;
      return;
    }
    const heap = this.#heap;
    if (index < 0 || heap[index] !== event) return;
    const last = heap.pop()!;
    event.heapIndex = -1;
    if (index === heap.length) return;
    heap[index] = last;
    last.heapIndex = index;
    // The moved element may belong above or below its new position.
    if (index > 0 && before(last, heap[(index - 1) >> 1])) this.#siftUp(index);
    else this.#siftDown(index);
  }

  #siftUp(start: number): void {
    const heap = this.#heap;
    const item = heap[start];
    let index = start;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex];
      if (!before(item, parent)) break;
      heap[index] = parent;
      parent.heapIndex = index;
      index = parentIndex;
    }
    heap[index] = item;
    item.heapIndex = index;
  }

  #siftDown(start: number): void {
    const heap = this.#heap;
    const length = heap.length;
    const item = heap[start];
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && before(heap[right], heap[left]) ? right : left;
      if (!before(heap[child], item)) break;
      heap[index] = heap[child];
      heap[index].heapIndex = index;
      index = child;
    }
    heap[index] = item;
    item.heapIndex = index;
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
