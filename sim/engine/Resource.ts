import type { Environment } from "./Environment.ts";
import { Request, type RequestOwner } from "./Request.ts";
import { WaitQueue } from "./WaitQueue.ts";

/**
 * A resource with `capacity` identical slots, served first-come first-served within priority
 * (lower priority value first). Capacity can change during a run; lowering it lets current users
 * finish (no pre-emption), so `inUse` may exceed `capacity` until they release.
 */
export class Resource implements RequestOwner {
  readonly env: Environment;
  #capacity: number;
  #inUse = 0;
  #arrivals = 0;
  readonly #queue = new WaitQueue();

  constructor(env: Environment, capacity: number) {
    this.env = env;
    this.#capacity = checkCapacity(capacity);
  }

  get capacity(): number {
    return this.#capacity;
  }
  get inUse(): number {
    return this.#inUse;
  }
  get queueLength(): number {
    return this.#queue.length;
  }

  /** Asks for a slot; yield the returned request to wait for it. */
  request(priority = 0): Request {
    const request = new Request(this.env, this, priority, this.#arrivals++);
    if (this.#queue.length === 0 && this.#inUse < this.#capacity) {
      // Free slot and nobody ahead: grant on the spot, skipping the queue round trip.
      this.#inUse++;
      request.server = 0;
      request.settle(0);
      return request;
    }
    this.#queue.push(request);
    this.#grant();
    return request;
  }

  /** Gives a granted slot back (idempotent). Releasing a request still waiting withdraws it. */
  release(request: Request): void {
    this.cancelRequest(request);
  }

  cancelRequest(request: Request): void {
    if (request.owner !== this) throw new Error("request belongs to another resource");
    if (request.granted) {
      if (request.released) return;
      request.released = true;
      this.#inUse--;
      this.#grant();
    } else if (this.#queue.remove(request)) {
      request.withdrawn = true;
    }
  }

  /** Changes the number of slots; waiting requests are granted at once if slots became free. */
  setCapacity(capacity: number): void {
    this.#capacity = checkCapacity(capacity);
    this.#grant();
  }

  /** Throws if bookkeeping is inconsistent (for tests and debugging). */
  checkInvariants(): void {
    if (this.#inUse < 0) throw new Error(`resource invariant: inUse ${this.#inUse} < 0`);
    if (this.#queue.length > 0 && this.#inUse < this.#capacity) {
      throw new Error(`resource invariant: ${this.#queue.length} waiting while ${this.#capacity - this.#inUse} slots free`);
    }
  }

  #grant(): void {
    while (this.#inUse < this.#capacity) {
      const next = this.#queue.shift();
      if (next === undefined) return;
      this.#inUse++;
      next.server = 0;
      // Granted with nobody waiting yet (the usual immediate grant): settle without a queue trip.
      if (!next.hasCallbacks) next.settle(0);
      else next.succeed(0);
    }
  }
}

function checkCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`invalid capacity: ${capacity} (must be an integer >= 0)`);
  }
  return capacity;
}
