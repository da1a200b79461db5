import type { Environment } from "./Environment.ts";
import { Event, URGENT, type Waiter } from "./Event.ts";

/** A process body: a generator that yields events to wait for and receives their values. */
export type ProcessGenerator<T = unknown> = Generator<Event<any>, T, any>;

/** Thrown into a process by `Process.interrupt(cause)`. */
export class Interrupt extends Error {
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super(`interrupted: ${String(cause)}`);
    this.name = "Interrupt";
    this.cause = cause;
  }
}

/**
 * A running generator. The process is itself an event that succeeds with the generator's return
 * value, or fails with the error the generator threw, so other processes can wait for it.
 */
export class Process<T = unknown> extends Event<T> implements Waiter {
  readonly #generator: ProcessGenerator<T>;
  /** The event the process waits for now (null while running or finished). */
  #target: Event<any> | null = null;
  #started = false;

  /** `startNow`: run the generator to its first yield here instead of from the queue (`Environment.startProcess`). */
  constructor(env: Environment, generator: ProcessGenerator<T>, startNow = false) {
    super(env);
    this.#generator = generator;
    if (startNow) {
      this.#started = true;
      this.#advance(true, undefined);
      return;
    }
    // Start at the current time but before NORMAL events already scheduled for it (SimPy's
    // Initialize). The process itself is the queue entry for its start, which saves an event.
    env.schedule(this, 0, URGENT);
  }

  /** Internal: the first trip through the queue starts the generator; later ones report the outcome. */
  override runCallbacks(): boolean {
    if (!this.#started) {
      this.#started = true;
      this.#advance(true, undefined);
      return true;
    }
    return super.runCallbacks();
  }

  /** Internal (Waiter): resumes the generator with the outcome of the awaited event. */
  resumeWith(event: Event<any>): void {
    this.#target = null;
    if (event.ok) this.#advance(true, event.value);
    else {
      event.defused = true; // the process receives the failure; if it does not catch it, the process fails
      this.#advance(false, event.value);
    }
  }

  /** True until the generator has returned or thrown. */
  get isAlive(): boolean {
    return !this.triggered;
  }

  /** The event the process is waiting for, if any. */
  get target(): Event<any> | null {
    return this.#target;
  }

  /**
   * Throws `Interrupt(cause)` into the process at the current time (urgently). The process stops
   * waiting for its current target; the target itself is not cancelled.
   */
  interrupt(cause?: unknown): void {
    if (!this.isAlive) throw new Error("cannot interrupt a process that has terminated");
    const interruption = new Event<undefined>(this.env);
    interruption.addCallback(() => {
      if (!this.isAlive) return;
      if (this.#target !== null) this.#target.removeCallback(this);
      this.#target = null;
      this.#advance(false, new Interrupt(cause));
    });
    interruption.succeed(undefined, URGENT);
  }

  #advance(ok: boolean, input: unknown): void {
    const generator = this.#generator;
    for (;;) {
      let result: IteratorResult<Event<any>, T>;
      try {
        result = ok ? generator.next(input) : generator.throw(input);
      } catch (error) {
        this.fail(error);
        return;
      }
      if (result.done) {
        // Nobody waits for this process yet: it is done now, no queue trip needed.
        if (!this.hasCallbacks) this.settle(result.value);
        else this.succeed(result.value);
        return;
      }
      const next = result.value;
      if (!(next instanceof Event)) {
        this.fail(new TypeError(`a process yielded ${String(next)}, which is not an event`));
        return;
      }
      if (next.processed) {
        // Already processed: continue at once with its outcome.
        ok = next.ok;
        input = next.value;
        if (!ok) next.defused = true;
        continue;
      }
      next.addCallback(this);
      this.#target = next;
      return;
    }
  }
}
