import type { Event } from "./Event.ts";

/**
 * Indexed binary min-heap of events ordered by (time, priority, sequence). Each event stores its own
 * heap position, so removing an arbitrary event (a cancelled timer) costs O(log n) and never scans.
 * The sequence number is unique and increasing, so the order is total and identical on every run.
 */
export class EventQueue {
  #heap: Event<any>[] = [];

  get size(): number {
    return this.#heap.length;
  }

  /** The earliest event without removing it, or undefined. */
  peek(): Event<any> | undefined {
    return this.#heap[0];
  }

  push(event: Event<any>): void {
    const heap = this.#heap;
    event.heapIndex = heap.length;
    heap.push(event);
    this.#siftUp(event.heapIndex);
  }

  /** Removes and returns the earliest event. */
  pop(): Event<any> | undefined {
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
