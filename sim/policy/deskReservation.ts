// Value-based reservation of chat slots (trunk reservation). One definition of who may take a slot,
// read by the simulator's desk (sim/model ChatCenter) and by the live store's desk (scripts/store ChatDesk).

/**
 * Keep `slots` of the desk's free chat slots for high-value chats: a chat holds the reservation when
 * its cart is at least `minCartValue` or its shopper is in one of `segments`. Any other chat may
 * take a slot only while more than `slots` are free; otherwise it waits in the queue (or is blocked
 * when the queue is capped and full). `slots: 0` reserves nothing but still tells the classes apart,
 * so a comparison's control reports the same per-class figures.
 */
export interface DeskReservation {
  readonly slots: number;
  /** Carts at or above this value hold the reservation (null: cart value does not count). */
  readonly minCartValue: number | null;
  /** Segment names whose shoppers hold the reservation (empty: segments do not count). */
  readonly segments: readonly string[];
}

/** What the rule reads about a chat: its cart value and its shopper's segment (null: unknown, as in the live store). */
export interface ReservationCustomer {
  readonly cartValue: number;
  readonly segment: string | null;
}

/**
 * True when the chat holds the reservation (a high-value chat): cart ≥ minCartValue, or a segment
 * the rule names. Without a rule nobody does.
 *
 * holdsReservation({slots: 2, minCartValue: 150, segments: []}, {cartValue: 150, segment: null}) // → true
 */
export function holdsReservation(rule: DeskReservation | null, customer: ReservationCustomer): boolean {
  if (rule === null) return false;
  if (rule.minCartValue !== null && customer.cartValue >= rule.minCartValue) return true;
  return customer.segment !== null && rule.segments.includes(customer.segment);
}

/**
 * Whether a chat may take a slot now, given the desk's `freeSlots`: a high-value chat (one that
 * holds the reservation) takes any free slot; another only while more than `rule.slots` are free.
 * Without a rule any free slot will do.
 *
 * mayTakeSlot({slots: 2, minCartValue: 150, segments: []}, 2, false) // → false (the two free slots are reserved)
 * mayTakeSlot({slots: 2, minCartValue: 150, segments: []}, 3, false) // → true
 * mayTakeSlot({slots: 2, minCartValue: 150, segments: []}, 1, true)  // → true
 */
export function mayTakeSlot(rule: DeskReservation | null, freeSlots: number, highValue: boolean): boolean {
  if (freeSlots <= 0) return false;
  return rule === null || highValue || freeSlots > rule.slots;
}

/**
 * The first problem of a written reservation, as "<path>: <value> (<what is allowed>)", or null.
 * `totalSlots` is the desk's largest number of chat slots (peak agents × concurrency): reserving all
 * of them would starve every other chat. `knownSegments` are the segment names chats can carry.
 *
 * reservationProblem({slots: 6, minCartValue: 100}, 6, []) // → "slots: 6 (must be less than the desk's 6 chat slots at its peak)"
 */
export function reservationProblem(
  written: { slots: number; minCartValue?: number; segments?: readonly string[] },
  totalSlots: number,
  knownSegments: readonly string[],
): string | null {
  const { slots, minCartValue, segments = [] } = written;
  if (!Number.isInteger(slots) || slots < 0) return `slots: ${slots} (must be an integer >= 0)`;
  if (slots > 0 && slots >= totalSlots) return `slots: ${slots} (must be less than the desk's ${totalSlots} chat slots at its peak)`;
  if (minCartValue !== undefined && !(Number.isFinite(minCartValue) && minCartValue >= 0))
    return `minCartValue: ${minCartValue} (must be a finite number >= 0)`;
  if (minCartValue === undefined && segments.length === 0) return `segments: [] (give minCartValue or at least one segment: who may take the reserved slots)`;
  for (let index = 0; index < segments.length; index++) {
    if (!knownSegments.includes(segments[index])) {
      const allowed = knownSegments.length === 0 ? "none are defined" : `must be one of ${knownSegments.join(", ")}`;
      return `segments[${index}]: ${JSON.stringify(segments[index])} (${allowed})`;
    }
  }
  return null;
}
