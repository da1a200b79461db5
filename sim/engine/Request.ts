import type { Environment } from "./Environment.ts";
import { Event } from "./Event.ts";

/** What a request waits in: a resource or a pool. */
export interface RequestOwner {
  /** Called by `Request.cancel()`: withdraw a waiting request, or release a granted one. */
  cancelRequest(request: Request): void;
}

/**
 * A claim on a resource slot. Succeeds when granted; `server` then says which server holds it
 * (always 0 for a plain resource). Lower `priority` values are served first (SimPy's convention);
 * equal priorities are served first-come first-served.
 */
export class Request extends Event<number> {
  readonly owner: RequestOwner;
  readonly queuePriority: number;
  /** Arrival order, used to break priority ties. */
  readonly arrival: number;
  /** Position in the owner's wait queue, or -1. Maintained by WaitQueue. */
  queueIndex = -1;
  /** Server holding the request once granted, else -1. */
  server = -1;
  /** Time the request was made (seconds). */
  readonly requestedAt: number;
  released = false;
  withdrawn = false;

  constructor(env: Environment, owner: RequestOwner, priority: number, arrival: number) {
    super(env);
    if (!Number.isFinite(priority)) throw new RangeError(`invalid request priority: ${priority} (must be a finite number)`);
    this.owner = owner;
    this.queuePriority = priority;
    this.arrival = arrival;
    this.requestedAt = env.now;
  }

  /** True once a slot was assigned (the success may still be on the event queue). */
  get granted(): boolean {
    return this.server >= 0;
  }

  /** Reneging: leave the queue if still waiting, or give the slot back if already granted. */
  cancel(): void {
    this.owner.cancelRequest(this);
  }
}
