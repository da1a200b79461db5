import type { Request } from "./Request.ts";

/**
 * Requests waiting for a slot, ordered by (priority, arrival): an indexed binary heap, so both the
 * head and any reneging request leave in O(log n). With equal priorities this is exactly FIFO.
 */
export class WaitQueue {
  #heap: Request[] = [];

  get length(): number {
    return this.#heap.length;
  }

  peek(): Request | undefined {
    return this.#heap[0];
  }

  push(request: Request): void {
    request.queueIndex = this.#heap.length;
    this.#heap.push(request);
    this.#siftUp(request.queueIndex);
  }

  shift(): Request | undefined {
    const top = this.#heap[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  /** Removes a waiting request; returns false if it was not in the queue. */
  remove(request: Request): boolean {
    const heap = this.#heap;
    const index = request.queueIndex;
    if (index < 0 || heap[index] !== request) return false;
    const last = heap.pop()!;
    request.queueIndex = -1;
    if (index < heap.length) {
      heap[index] = last;
      last.queueIndex = index;
      if (index > 0 && servedBefore(last, heap[(index - 1) >> 1])) this.#siftUp(index);
      else this.#siftDown(index);
    }
    return true;
  }

  #siftUp(start: number): void {
    const heap = this.#heap;
    const item = heap[start];
    let index = start;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      if (!servedBefore(item, heap[parentIndex])) break;
      heap[index] = heap[parentIndex];
      heap[index].queueIndex = index;
      index = parentIndex;
    }
    heap[index] = item;
    item.queueIndex = index;
  }

  #siftDown(start: number): void {
    const heap = this.#heap;
    const item = heap[start];
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && servedBefore(heap[right], heap[left]) ? right : left;
      if (!servedBefore(heap[child], item)) break;
      heap[index] = heap[child];
      heap[index].queueIndex = index;
      index = child;
    }
    heap[index] = item;
    item.queueIndex = index;
  }
}

/** True when `a` is served before `b`: lower priority value first, then earlier arrival. */
export function servedBefore(a: Request, b: Request): boolean {
  return a.queuePriority !== b.queuePriority ? a.queuePriority < b.queuePriority : a.arrival < b.arrival;
}
