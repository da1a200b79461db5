import type { Environment } from "./Environment.ts";
import { Event } from "./Event.ts";

/**
 * Base of any-of / all-of: watches child events and triggers once `isMet` holds, with the list of
 * children that had succeeded by then. A failing child fails the condition (the failure is handed on,
 * so it counts as handled here).
 */
abstract class Condition extends Event<Event<any>[]> {
  readonly events: readonly Event<any>[];
  #fired: Event<any>[] = [];

  constructor(env: Environment, events: readonly Event<any>[]) {
    super(env);
    this.events = events;
    for (const event of events) {
      if (event.env !== env) throw new Error("cannot mix events of different environments");
    }
    const check = (event: Event<any>): void => this.#check(event);
    for (const event of events) {
      if (event.processed) {
        this.#check(event);
      } else {
        event.addCallback(check);
      }
      if (this.triggered) break;
    }
    if (!this.triggered && this.isMet(0, events.length)) this.succeed([]);
  }

  protected abstract isMet(succeededCount: number, total: number): boolean;

  #check(event: Event<any>): void {
    if (this.triggered) return;
    if (!event.ok) {
      event.defused = true;
      this.fail(event.value);
      return;
    }
    this.#fired.push(event);
    if (this.isMet(this.#fired.length, this.events.length)) this.succeed(this.#fired);
  }
}

/** Succeeds when the first child succeeds; value: the children that succeeded by then. */
export class AnyOf extends Condition {
  protected isMet(succeededCount: number, total: number): boolean {
    return succeededCount > 0 || total === 0;
  }
}

/** Succeeds when every child has succeeded; value: all children in the order they succeeded. */
export class AllOf extends Condition {
  protected isMet(succeededCount: number, total: number): boolean {
    return succeededCount === total;
  }
}
