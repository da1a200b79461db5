import type { ReservationCustomer } from "../policy/index.ts";

/** What happened to one chat request. */
export interface ChatOutcome {
  readonly served: boolean;
  /** The queue was full or the desk closed: the chat never queued (it may leave a message instead). */
  readonly blocked: boolean;
  /** The desk was outside its opening hours: the help button was a message form (blocked is true too). */
  readonly closed: boolean;
  /** Time in the queue: until an agent took the chat, or until the customer gave up. */
  readonly waitSeconds: number;
  /** Handle time including the concurrency slowdown (0 when not served). */
  readonly handleSeconds: number;
  /** Seat of the agent who served the chat (see AgentFigures), −1 when not served. */
  readonly agent: number;
  /** Time-weighted mean of the chats the agent held during this chat, itself included (0 when not served). */
  readonly meanAgentLoad: number;
  /** The chat held the desk's reservation (sim/policy holdsReservation); false without one. */
  readonly highValue: boolean;
}

/** A chat whose cart and segment are unknown (the chat-only model without segments). */
export const UNKNOWN_CUSTOMER: ReservationCustomer = Object.freeze({ cartValue: 0, segment: null });

/** The outcome of a request while the desk is closed: the help button was a message form. */
export const CLOSED_OUTCOME: ChatOutcome = Object.freeze({
  served: false,
  blocked: true,
  closed: true,
  agent: -1,
  waitSeconds: 0,
  handleSeconds: 0,
  meanAgentLoad: 0,
  highValue: false,
});

/** A chat that ended without an agent: blocked by a full queue, or abandoned after `waitSeconds`. */
export function unservedOutcome(blocked: boolean, waitSeconds: number, highValue: boolean): ChatOutcome {
  return { served: false, blocked, closed: false, agent: -1, waitSeconds, handleSeconds: 0, meanAgentLoad: 0, highValue };
}
