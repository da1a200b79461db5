import type { Environment } from "./Environment.ts";

/** Scheduling priorities: at equal times, URGENT entries (process starts, interrupts) run before NORMAL ones. */
export const URGENT = 0;
export const NORMAL = 1;

/** A callback run when an event is processed. */
export type EventCallback = (event: Event<any>) => void;

/**
 * Something a process can wait for. Life cycle (as in SimPy): pending → triggered (scheduled on the
 * event queue with a value) → processed (callbacks have run). A failed event whose failure nobody
 * handles makes `Environment.run()` throw: failures never disappear silently.
 */
export class Event<T = unknown> {
  readonly env: Environment;
  /** Callbacks to run when processed; `null` once processed. */
  callbacks: EventCallback[] | null = [];
  /** Scheduled time in seconds (valid once triggered). */
  time = 0;
  /** Scheduling priority (URGENT or NORMAL). */
  priority = NORMAL;
  /** Global scheduling sequence number: ties at equal (time, priority) run in scheduling order. */
  sequence = 0;
  /** Position in the environment's heap, or -1 when not queued. Maintained by the event queue. */
  heapIndex = -1;
  #triggered = false;
  #ok = true;
  #value: T | undefined = undefined;
  /** Set when a failure has been handed to a handler (a process or a condition), so `run()` does not rethrow it. */
  defused = false;

  constructor(env: Environment) {
    this.env = env;
  }

  get triggered(): boolean {
    return this.#triggered;
  }
  get processed(): boolean {
    return this.callbacks === null;
  }
  get ok(): boolean {
    return this.#ok;
  }
  /** The success value, or the error of a failed event. Throws while the event is pending. */
  get value(): T {
    if (!this.#triggered) throw new Error("event value is not available yet (event is pending)");
    return this.#value as T;
  }

  /** Trigger the event as successful; its callbacks run at the current time, after already-scheduled events. */
  succeed(value?: T, priority: number = NORMAL): this {
    if (this.#triggered) throw new Error("event has already been triggered");
    this.#triggered = true;
    this.#value = value;
    this.env.schedule(this, 0, priority);
    return this;
  }

  /** Trigger the event as failed with `error`; whoever waits on it gets the error thrown. */
  fail(error: unknown, priority: number = NORMAL): this {
    if (this.#triggered) throw new Error("event has already been triggered");
    this.#triggered = true;
    this.#ok = false;
    this.#value = error as T;
    this.env.schedule(this, 0, priority);
    return this;
  }

  /** Marks the event triggered without scheduling it; used by subclasses that schedule themselves (timeouts). */
  protected markTriggered(value: T | undefined): void {
    this.#triggered = true;
    this.#value = value;
  }

  /** Registers a callback; if the event is already processed the callback is NOT run (use `processed` to check). */
  addCallback(callback: EventCallback): void {
    if (this.callbacks === null) throw new Error("cannot add a callback to a processed event");
    this.callbacks.push(callback);
  }

  /** Removes a callback registered earlier (e.g. an interrupted process stops waiting). */
  removeCallback(callback: EventCallback): void {
    const callbacks = this.callbacks;
    if (callbacks === null) return;
    const index = callbacks.indexOf(callback);
    if (index >= 0) callbacks.splice(index, 1);
  }
}

/**
 * An event that succeeds `delaySeconds` from now. Cancellable in O(log n): a cancelled timeout leaves
 * the event queue at once, so millions of cancelled patience timers do not grow it.
 */
export class Timeout<T = undefined> extends Event<T> {
  #cancelled = false;

  constructor(env: Environment, delaySeconds: number, value?: T) {
    super(env);
    if (!(delaySeconds >= 0) || !Number.isFinite(delaySeconds)) {
      throw new RangeError(`invalid timeout delay: ${delaySeconds} (must be a finite number >= 0)`);
    }
    this.markTriggered(value);
    env.schedule(this, delaySeconds, NORMAL);
  }

  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** Removes the timeout from the event queue; its callbacks never run. No effect once processed. */
  cancel(): void {
    if (this.#cancelled || this.processed) return;
    this.#cancelled = true;
    this.env.unschedule(this);
    this.callbacks = null;
  }
}
