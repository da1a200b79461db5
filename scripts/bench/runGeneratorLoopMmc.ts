import { exponential, StreamFactory } from "../../sim/random/index.ts";
import { BatchedWaits } from "./BatchedWaits.ts";
import type { MmcRunResult } from "./mmcRunResult.ts";
import type { ResolvedMmcOptions } from "./resolveMmcOptions.ts";

/**
 * The M/M/c model on the smallest generator scheduler that can run it: the ceiling for any engine
 * whose processes are generators, as the issue asks of ours. What it leaves out is what the engine
 * must have: failures and their propagation, interrupts, cancellable timers (no heap positions are
 * kept), priorities, callbacks other than one waiting process, conditions, run({until}), argument
 * checks. Same program, same streams and the same draw order as `runEngineMmc`, so the waits match.
 *
 * Counts every entry taken off its heap or its same-time FIFO as an event.
 */
export function runGeneratorLoopMmc(options: ResolvedMmcOptions): MmcRunResult {
  const streams = new StreamFactory(options.seed);
  const interarrivalSeconds = exponential(streams.stream("arrivals"), { rate: options.arrivalRatePerSecond });
  const serviceSeconds = exponential(streams.stream("service"), { mean: options.meanServiceSeconds });
  const waits = new BatchedWaits(options);
  const scheduler = new Scheduler();
  const servers = new Servers(scheduler, options.servers);
  let delayedCustomers = 0;

  function* customer(index: number): Generator<Signal, void, unknown> {
    const arrivedAt = scheduler.now;
    yield servers.request();
    const waitSeconds = scheduler.now - arrivedAt;
    if (waitSeconds > 0) delayedCustomers++;
    waits.record(index, waitSeconds);
    yield scheduler.timeout(serviceSeconds.sample());
    servers.release();
  }

  function* source(): Generator<Signal, void, unknown> {
    for (let index = 0; index < options.customers; index++) {
      scheduler.start(customer(index));
      yield scheduler.timeout(interarrivalSeconds.sample());
    }
  }

  scheduler.start(source());
  const events = scheduler.run();
  return { customers: options.customers, delayedCustomers, events, ...waits.summary() };
}

/** Something a process waits for: done already, or resumed by the scheduler when its time comes. */
class Signal {
  time = 0;
  sequence = 0;
  done = false;
  waiter: Task | null = null;
}

/** A generator and the signal that starts it (a process start is a same-time FIFO entry). */
class Task extends Signal {
  constructor(readonly generator: Generator<Signal, void, unknown>) {
    super();
    this.waiter = this;
  }

  resume(): void {
    for (;;) {
      const step = this.generator.next();
      if (step.done) return;
      const signal = step.value;
      if (signal.done) continue;
      signal.waiter = this;
      return;
    }
  }
}

/**
 * Event list: a same-time FIFO and a plain binary heap by (time, sequence). The heap repeats the bare
 * loop's on purpose: one shared heap would see both loops' record shapes in one bench process and
 * turn its property reads polymorphic, slowing whichever loop runs second.
 */
class Scheduler {
  now = 0;
  #sequence = 0;
  readonly #heap: Signal[] = [];
  readonly #fifo: Signal[] = [];
  #fifoHead = 0;

  start(generator: Generator<Signal, void, unknown>): void {
    this.enqueueNow(new Task(generator));
  }

  timeout(delaySeconds: number): Signal {
    const signal = new Signal();
    signal.time = this.now + delaySeconds;
    signal.sequence = this.#sequence++;
    this.#push(signal);
    return signal;
  }

  /** Queues a signal for the current moment, after those already queued for it. */
  enqueueNow(signal: Signal): void {
    signal.time = this.now;
    signal.sequence = this.#sequence++;
    this.#fifo.push(signal);
  }

  run(): number {
    let events = 0;
    for (;;) {
      let signal: Signal | undefined;
      const fifo = this.#fifo;
      const top = this.#heap[0];
      // The FIFO holds entries for the current time in sequence order; the heap's top goes first only
      // when it is due at this very time and was scheduled earlier.
      if (this.#fifoHead < fifo.length && (top === undefined || !before(top, fifo[this.#fifoHead]))) {
        signal = fifo[this.#fifoHead++];
        if (this.#fifoHead === fifo.length) {
          fifo.length = 0;
          this.#fifoHead = 0;
        }
      } else signal = this.#pop();
      if (signal === undefined) return events;
      events++;
      this.now = signal.time;
      signal.done = true;
      const waiter = signal.waiter;
      if (waiter !== null) {
        signal.waiter = null;
        waiter.resume();
      }
    }
  }

  #push(signal: Signal): void {
    const heap = this.#heap;
    let index = heap.length;
    heap.push(signal);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex];
      if (!before(signal, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = signal;
  }

  #pop(): Signal | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === top) return top;
    const length = heap.length;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && before(heap[right], heap[left]) ? right : left;
      if (!before(heap[child], last!)) break;
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = last!;
    return top;
  }
}

function before(a: Signal, b: Signal): boolean {
  return a.time !== b.time ? a.time < b.time : a.sequence < b.sequence;
}

/** c identical servers, FIFO queue; a request granted on the spot is done at once. */
class Servers {
  #busy = 0;
  readonly #waiting: Signal[] = [];
  #waitingHead = 0;

  constructor(
    readonly scheduler: Scheduler,
    readonly capacity: number,
  ) {}

  request(): Signal {
    const signal = new Signal();
    if (this.#waitingHead === this.#waiting.length && this.#busy < this.capacity) {
      this.#busy++;
      signal.done = true;
    } else this.#waiting.push(signal);
    return signal;
  }

  /** The freed server goes straight to the oldest waiting request. */
  release(): void {
    if (this.#waitingHead < this.#waiting.length) {
      this.scheduler.enqueueNow(this.#waiting[this.#waitingHead++]);
      if (this.#waitingHead === this.#waiting.length) {
        this.#waiting.length = 0;
        this.#waitingHead = 0;
      }
    } else this.#busy--;
  }
}
