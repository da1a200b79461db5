import type { Environment } from "./Environment.ts";

/** Scheduling priorities: at equal times, URGENT entries (process starts, interrupts) run before NORMAL ones. */
export const URGENT = 0;
export const NORMAL = 1;

/** A callback run when an event is processed. */
export type EventCallback = (event: Event<any>) => void;

/**
 * An object waiting on events (a process). Registering the object itself instead of a closure saves
 * one allocation per process on the hot path.
 */
export interface Waiter {
  resumeWith(event: Event<any>): void;
}

type Callback = EventCallback | Waiter;

function call(callback: Callback, event: Event<any>): void {
  if (typeof callback === "function") callback(event);
  else callback.resumeWith(event);
}

const PENDING = 0;
const TRIGGERED = 1;
const PROCESSED = 2;

/**
 * Something a process can wait for. Life cycle (as in SimPy): pending → triggered (scheduled on the
 * event queue with a value) → processed (callbacks have run). A failed event whose failure nobody
 * handles makes `Environment.run()` throw: failures never disappear silently.
 *
 * Hot-path layout: most events have exactly one waiter, so the first callback has its own slot and
 * an array is only allocated for a second one. Fields are `declare`d and assigned in the constructor,
 * not written as class fields: every subclass (Timeout, Process, Request, AnyOf, ...) runs this one
 * initializer, so its stores see one object shape per subclass. With more than four shapes V8 turns
 * the stores megamorphic, and a megamorphic *definition* of a class field (private `#x` or public)
 * takes the slow runtime path: in the store model that made this initializer ~30% of a run
 * (Node 20, measured with --cpu-prof). Plain assignments stay on the fast store path, hence the
 * TypeScript `private` fields instead of `#private` here.
 */
export class Event<T = unknown> {
  declare readonly env: Environment;
  /** Scheduled time in seconds (valid once triggered). */
  declare time: number;
  /** Scheduling priority (URGENT or NORMAL). */
  declare priority: number;
  /** Global scheduling sequence number: ties at equal (time, priority) run in scheduling order. */
  declare sequence: number;
  /** Position in the environment's heap, or -1 when not queued. Maintained by the event queue. */
  declare heapIndex: number;
  /** Set when a failure has been handed to a handler (a process or a condition), so `run()` does not rethrow it. */
  declare defused: boolean;
  declare private state: number;
  declare private isOk: boolean;
  declare private result: T | undefined;
  declare private callback: Callback | null;
  declare private moreCallbacks: Callback[] | null;

  constructor(env: Environment) {
    this.env = env;
    this.time = 0;
    this.priority = NORMAL;
    this.sequence = 0;
    this.heapIndex = -1;
    this.defused = false;
    this.state = PENDING;
    this.isOk = true;
    this.result = undefined;
    this.callback = null;
    this.moreCallbacks = null;
  }

  get triggered(): boolean {
    return this.state !== PENDING;
  }
  get processed(): boolean {
    return this.state === PROCESSED;
  }
  /** True while someone waits on this event. */
  get hasCallbacks(): boolean {
    return this.callback !== null;
  }
  get ok(): boolean {
    return this.isOk;
  }
  /** The success value, or the error of a failed event. Throws while the event is pending. */
  get value(): T {
    if (this.state === PENDING) throw new Error("event value is not available yet (event is pending)");
    return this.result as T;
  }

  /** Trigger the event as successful; its callbacks run at the current time, after already-scheduled events. */
  succeed(value?: T, priority: number = NORMAL): this {
    if (this.state !== PENDING) throw new Error("event has already been triggered");
    this.state = TRIGGERED;
    this.result = value;
    this.env.schedule(this, 0, priority);
    return this;
  }

  /** Trigger the event as failed with `error`; whoever waits on it gets the error thrown. */
  fail(error: unknown, priority: number = NORMAL): this {
    if (this.state !== PENDING) throw new Error("event has already been triggered");
    this.state = TRIGGERED;
    this.isOk = false;
    this.result = error as T;
    this.env.schedule(this, 0, priority);
    return this;
  }

  /**
   * Triggers and processes the event at once, without a trip through the event queue. Only valid
   * when nothing waits on it yet; a process that yields it later continues immediately. Used for
   * requests granted on the spot and processes that end unobserved, which saves two heap operations
   * per customer without changing what any process sees.
   */
  settle(value: T): void {
    if (this.state !== PENDING) throw new Error("event has already been triggered");
    if (this.callback !== null) throw new Error("cannot settle an event that has callbacks");
    this.state = PROCESSED;
    this.result = value;
  }

  /** Marks the event triggered without scheduling it; used by subclasses that schedule themselves (timeouts). */
  protected markTriggered(value: T | undefined): void {
    this.state = TRIGGERED;
    this.result = value;
  }

  /** Registers a callback to run when the event is processed. Throws if it is processed already. */
  addCallback(callback: Callback): void {
    if (this.state === PROCESSED) throw new Error("cannot add a callback to a processed event");
    if (this.callback === null) this.callback = callback;
    else if (this.moreCallbacks === null) this.moreCallbacks = [callback];
    else this.moreCallbacks.push(callback);
  }

  /** Removes a callback registered earlier (e.g. an interrupted process stops waiting). */
  removeCallback(callback: Callback): void {
    if (this.callback === callback) {
      this.callback = this.moreCallbacks?.shift() ?? null;
      return;
    }
    const more = this.moreCallbacks;
    const index = more === null ? -1 : more.indexOf(callback);
    if (index >= 0) more!.splice(index, 1);
  }

  /**
   * Marks the event processed and runs its callbacks in registration order; called by the
   * environment when the event leaves the queue. Returns false if it failed and nobody took the failure.
   */
  runCallbacks(): boolean {
    this.state = PROCESSED;
    const first = this.callback;
    if (first !== null) {
      this.callback = null;
      call(first, this);
      const more = this.moreCallbacks;
      if (more !== null) {
        this.moreCallbacks = null;
        for (let i = 0; i < more.length; i++) call(more[i], this);
      }
    }
    return this.isOk || this.defused;
  }

  /** Drops every callback and marks the event processed without running them (cancelled timers). */
  protected discard(): void {
    this.state = PROCESSED;
    this.callback = null;
    this.moreCallbacks = null;
  }
}

/**
 * An event that succeeds `delaySeconds` from now. Cancellable in O(log n): a cancelled timeout leaves
 * the event queue at once, so millions of cancelled patience timers do not grow it.
 */
export class Timeout<T = undefined> extends Event<T> {
  #cancelled = false;

  /** `atSeconds`: schedule at this absolute time instead of now + delay (see `Environment.timeoutAt`). */
  constructor(env: Environment, delaySeconds: number, value?: T, atSeconds?: number) {
    super(env);
    if (!(delaySeconds >= 0 && delaySeconds < Infinity)) {
      throw new RangeError(`invalid timeout delay: ${delaySeconds} (must be a finite number >= 0)`);
    }
    this.markTriggered(value);
    if (atSeconds === undefined) env.schedule(this, delaySeconds, NORMAL);
    else env.scheduleAt(this, atSeconds, NORMAL);
  }

  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** Removes the timeout from the event queue; its callbacks never run. No effect once processed. */
  cancel(): void {
    if (this.#cancelled || this.processed) return;
    this.#cancelled = true;
    this.env.unschedule(this);
    this.discard();
  }
}
