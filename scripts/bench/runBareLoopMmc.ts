import { exponential, StreamFactory } from "../../sim/random/index.ts";
import { BatchedWaits } from "./BatchedWaits.ts";
import type { MmcRunResult } from "./mmcRunResult.ts";
import type { ResolvedMmcOptions } from "./resolveMmcOptions.ts";

const ARRIVAL = 0;
const DEPARTURE = 1;

/** One entry of the bare loop's event list; ties in time go by sequence, as in the engine. */
interface EventRecord {
  time: number;
  sequence: number;
  kind: typeof ARRIVAL | typeof DEPARTURE;
}

/**
 * The same M/M/c model as a bare event loop: the fastest simple program a practitioner would write,
 * and so the practical limit for the engine. Arrival and departure records on a plain binary heap
 * ordered by (time, sequence), a FIFO of waiting customers' arrival times, no generators, no
 * callbacks, no cancellation. Draws from the same `arrivals` and `service` streams in the same
 * order as `runEngineMmc`, so the recorded waits match it.
 *
 * Counts every record taken off the heap as an event (two per customer).
 */
export function runBareLoopMmc(options: ResolvedMmcOptions): MmcRunResult {
  const streams = new StreamFactory(options.seed);
  const interarrivalSeconds = exponential(streams.stream("arrivals"), { rate: options.arrivalRatePerSecond });
  const serviceSeconds = exponential(streams.stream("service"), { mean: options.meanServiceSeconds });
  const waits = new BatchedWaits(options);
  const heap = new EventHeap();
  // Arrival times of waiting customers; FCFS, so the next to start service is always the oldest.
  const waitingArrivedAt: number[] = [];
  let waitingHead = 0;
  let busyServers = 0;
  let arrivals = 0;
  let serviceStarts = 0;
  let delayedCustomers = 0;
  let events = 0;
  let sequence = 0;

  heap.push({ time: 0, sequence: sequence++, kind: ARRIVAL });
  for (let event = heap.pop(); event !== undefined; event = heap.pop()) {
    events++;
    const now = event.time;
    if (event.kind === ARRIVAL) {
      arrivals++;
      if (busyServers < options.servers) {
        busyServers++;
        waits.record(serviceStarts++, 0);
        heap.push({ time: now + serviceSeconds.sample(), sequence: sequence++, kind: DEPARTURE });
      } else {
        waitingArrivedAt.push(now);
      }
      // Drawn for every customer, as the engine's source does, so both consume the stream alike.
      const nextArrival = now + interarrivalSeconds.sample();
      if (arrivals < options.customers) heap.push({ time: nextArrival, sequence: sequence++, kind: ARRIVAL });
    } else if (waitingHead < waitingArrivedAt.length) {
      // The freed server goes straight to the oldest waiting customer.
      const waitSeconds = now - waitingArrivedAt[waitingHead++];
      if (waitingHead === waitingArrivedAt.length) {
        waitingArrivedAt.length = 0;
        waitingHead = 0;
      }
      if (waitSeconds > 0) delayedCustomers++;
      waits.record(serviceStarts++, waitSeconds);
      heap.push({ time: now + serviceSeconds.sample(), sequence: sequence++, kind: DEPARTURE });
    } else {
      busyServers--;
    }
  }
  return { customers: options.customers, delayedCustomers, events, ...waits.summary() };
}

/** A plain binary min-heap of event records by (time, sequence). */
class EventHeap {
  readonly #items: EventRecord[] = [];

  push(record: EventRecord): void {
    const items = this.#items;
    let index = items.length;
    items.push(record);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex];
      if (!before(record, parent)) break;
      items[index] = parent;
      index = parentIndex;
    }
    items[index] = record;
  }

  pop(): EventRecord | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === top) return top;
    const length = items.length;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && before(items[right], items[left]) ? right : left;
      if (!before(items[child], last!)) break;
      items[index] = items[child];
      index = child;
    }
    items[index] = last!;
    return top;
  }
}

function before(a: EventRecord, b: EventRecord): boolean {
  return a.time !== b.time ? a.time < b.time : a.sequence < b.sequence;
}
