import { newVisitState, type Signals, type VisitState } from "../policy/index.ts";
import { ChildStream } from "../random/index.ts";
import type { SegmentConfig } from "./config.ts";

/** The state every visit starts in; the visit helpers return new objects, so this one is never written. */
const FRESH_VISIT: VisitState = newVisitState();

/** The purposes a shopper draws random numbers for; each gets its own child stream. */
export const SHOPPER_STREAMS = [
  "journey",
  "friction",
  "hesitation",
  "acceptance",
  "patience",
  "handle",
  "rescue",
  "padding",
  "form",
  "selfService",
  "channel",
  "autoSave",
] as const;
export type ShopperStreamName = (typeof SHOPPER_STREAMS)[number];

/**
 * One visit. Everything random about the shopper comes from child streams derived from the shopper's
 * arrival number and one key per purpose (drawn once per run from the purpose's named stream), so
 * the same shopper behaves the same under every compared policy until the policy itself changes what
 * happens to them (common random numbers).
 */
export class Shopper {
  readonly id: number;
  readonly segmentIndex: number;
  readonly segment: SegmentConfig;
  readonly arrivedAtSeconds: number;
  readonly signals: Signals;
  /** Replaced, never changed in place (sim/policy's visit helpers are immutable): every shopper starts from one shared state. */
  visit: VisitState = FRESH_VISIT;
  /** Set once the shopper had a chat answered (orders then get the chat order-value uplift). */
  chatted = false;
  /** Set when the session ends (its counts are booked); a chat beside the visit may still be running. */
  ended = false;
  /** In the policy's holdout: never offered chat (see sim/policy inHoldout). */
  holdout = false;
  /** Set once a served chat kept this shopper from leaving (their order counts as rescued). */
  rescued = false;
  /** The cart as first filled was below the free-shipping threshold. */
  belowThreshold = false;
  /** The shopper added an item to reach the free-shipping threshold. */
  padded = false;
  /** When the shopper comes back to a saved checkout after leaving (auto-save, within the horizon), else null. */
  autoSaveReturnAtSeconds: number | null = null;
  /** Seat of the agent whose chat rescued the shopper (−1: none, or rescued by a message answer). */
  rescuedBy = -1;
  /**
   * The time the visit has reached, seconds: ahead of the engine's clock while the shopper waits
   * on its own (see shopperClock.ts), equal to it whenever the shopper touches shared state.
   */
  clockSeconds: number;
  /** Chats running beside the visit; while any runs, every wait goes through the event queue. */
  backgroundChats = 0;
  /** Dwell of the page being browsed when it was handed to a process (a trigger may fire there), seconds. */
  pendingDwellSeconds = 0;
  /** The chat that rescued the shopper held the desk's reservation (sim/policy holdsReservation). */
  rescuedHighValue = false;
  /** The run's key per purpose (index into SHOPPER_STREAMS); shared by all shoppers, never copied. */
  readonly #keys: readonly number[];
  /** The journey stream, which every shopper uses, made on first use. */
  #journey: ChildStream | null = null;
  /** The other purposes' streams, made on first use; most shoppers only browse and never need the array. */
  #streams: (ChildStream | undefined)[] | null = null;

  constructor(id: number, segmentIndex: number, segment: SegmentConfig, arrivedAtSeconds: number, keys: readonly number[], returning: boolean) {
    this.id = id;
    this.segmentIndex = segmentIndex;
    this.segment = segment;
    this.arrivedAtSeconds = arrivedAtSeconds;
    this.clockSeconds = arrivedAtSeconds;
    this.#keys = keys;
    this.signals = {
      step: "browse",
      idleSeconds: 0,
      timeOnSiteSeconds: 0,
      pageViews: 0,
      cartValue: 0,
      formErrors: 0,
      confusion: false,
      exitIntent: false,
      returningVisitor: returning,
      device: segment.device,
    };
  }

  /** The shopper's private stream for `purpose` (index into SHOPPER_STREAMS), created on first use. */
  stream(purpose: number): ChildStream {
    if (purpose === JOURNEY) {
      if (this.#journey === null) this.#journey = new ChildStream(this.#keys[JOURNEY], this.id);
      return this.#journey;
    }
    if (this.#streams === null) this.#streams = [];
    const streams = this.#streams;
    let stream = streams[purpose];
    if (stream === undefined) {
      stream = new ChildStream(this.#keys[purpose], this.id);
      streams[purpose] = stream;
    }
    return stream;
  }
}

export const JOURNEY = 0;
export const FRICTION = 1;
export const HESITATION = 2;
export const ACCEPTANCE = 3;
export const PATIENCE = 4;
export const HANDLE = 5;
export const RESCUE = 6;
export const PADDING = 7;
/** Confusion and auto-save draws (added last, so the other streams' keys did not move). */
export const FORM = 8;
/** Help-centre and channel-escalation draws (added last, as FORM was). */
export const SELF_SERVICE = 9;
/** Video-or-text choice when video chat is offered (added last, so the other streams' keys did not move). */
export const CHANNEL = 10;
/**
 * Auto-save's return draws: whether a leaver comes back, when, and whether the return visit finishes
 * (its own stream, added last: the others' keys did not move, and with auto-save off its parent is
 * not even drawn from, see simulateStore).
 */
export const AUTO_SAVE = 11;
