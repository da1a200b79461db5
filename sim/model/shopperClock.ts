import type { Environment, Timeout } from "../engine/index.ts";
import type { Shopper } from "./Shopper.ts";

/**
 * Event collapse for independent shoppers. Most of a visit (pages, filling a form, pausing on an
 * error) touches nothing another entity sees, so it needs no trip through the event queue: the
 * shopper keeps its own clock (`Shopper.clockSeconds`, `t += d` per wait, the very sums a chain of
 * `timeout(d)` would give) and meets the engine only before it touches shared or order-dependent
 * state: the chat desk, a policy decision that reads the queue, and the recorder's running sums and
 * tallies (cart values, session lengths, revenue), whose floating-point results depend on the order
 * of their additions. Those then happen at the same times and in the same order as with one event
 * per wait, so results are byte-identical; the store model runs about a third of the events.
 *
 * The one exception is a chat running beside the visit (a background chat): it changes the visit
 * state (`inChat`) at its own times, so while one runs every wait is a real event again (`pass`).
 */

/**
 * Lets `seconds` (≥ 0) pass for the shopper. Returns the timeout to yield now when a background chat
 * may change the shopper meanwhile, else null (the wait stays on the shopper's own clock).
 */
export function pass(env: Environment, shopper: Shopper, seconds: number): Timeout | null {
  if (seconds <= 0) return null;
  shopper.clockSeconds += seconds;
  return shopper.backgroundChats > 0 ? env.timeoutAt(shopper.clockSeconds) : null;
}

/** The timeout to yield before the shopper touches shared state, or null when the engine's clock is already there. */
export function meet(env: Environment, shopper: Shopper): Timeout | null {
  return shopper.clockSeconds > env.now ? env.timeoutAt(shopper.clockSeconds) : null;
}
