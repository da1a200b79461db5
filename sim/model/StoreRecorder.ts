import { Tally } from "../engine/index.ts";
import { DEVICES } from "./config.ts";
import { IntervalSeries } from "./IntervalSeries.ts";
import { ABANDONMENT_REASONS } from "./reasons.ts";

/** The circumstances invitations are counted by (see StoreRecorder.invitationsByGroup). */
export const INVITATION_GROUPS = ["early", "later", "newVisitors", "returningVisitors", "inCart"] as const;
export type InvitationGroup = (typeof INVITATION_GROUPS)[number];

/** Device × visitor type (new, returning). */
const GROUPS = DEVICES.length * 2;

/**
 * Everything the store model counts. Fixed-size: counters, arrays by step × reason, tallies with
 * bounded sketches and per-interval series, so memory does not grow with the number of sessions.
 */
export class StoreRecorder {
  /** "browse", "cart", then the checkout steps. */
  readonly stepNames: readonly string[];
  readonly series: IntervalSeries;
  readonly intervalSeconds: number;
  sessions = 0;
  carts = 0;
  checkoutStarts = 0;
  orders = 0;
  revenue = 0;
  rescuedOrders = 0;
  rescuedRevenue = 0;
  /** Rescued orders and revenue of high-value [0] and standard [1] chats (read under a desk reservation only). */
  readonly rescuedByClass: [{ orders: number; revenue: number }, { orders: number; revenue: number }] = [
    { orders: 0, revenue: 0 },
    { orders: 0, revenue: 0 },
  ];
  chattedOrders = 0;
  /** Sessions that had a chat answered. */
  chattedSessions = 0;
  /** Sessions in the policy's holdout (never offered chat), and their orders. */
  holdoutSessions = 0;
  holdoutOrders = 0;
  invitationsOffered = 0;
  invitationsAccepted = 0;
  invitationsDeclined = 0;
  invitationsToHesitating = 0;
  reactiveRequests = 0;
  /** Help requests the help centre took, resolved, escalated to chat, and the resolved ones that rescued a hesitating shopper. */
  readonly selfService = { contacts: 0, resolved: 0, escalated: 0, rescued: 0 };
  /** Answered chats handed on to email or phone. */
  readonly channelEscalation = { email: 0, phone: 0 };
  annoyedExits = 0;
  annoyedCartValue = 0;
  /** Shoppers about to leave who gave up waiting in the chat queue and left (results: outcome.leftAfterQueueAbandon). */
  queueAbandonedThenLeft = 0;
  /** Form errors made, and shoppers who became confused. */
  formErrors = 0;
  confusedShoppers = 0;
  /** Auto-save: return visits within the horizon, their orders and revenue, and returns that would fall after the horizon (not simulated). */
  readonly autoSave = { returns: 0, orders: 0, revenue: 0, afterHorizon: 0 };
  /**
   * Invitations shown and accepted by circumstance, index 2 × group + (accepted ? 1 : 0); groups in
   * INVITATION_GROUPS order. A shown invitation counts once in each pair of groups it belongs to.
   */
  readonly invitationsByGroup = new Float64Array(2 * INVITATION_GROUPS.length);
  /** Unwanted invitations declined, and annoyed exits among them: [first declined, first annoyed, repeat declined, repeat annoyed]. */
  readonly unwantedDeclines = new Float64Array(4);
  /** What orders charged shoppers, for the profit statement. */
  shippingCharged = 0;
  taxCharged = 0;
  feesCharged = 0;
  freeShippedOrders = 0;
  cartsBelowThreshold = 0;
  cartsWithinReach = 0;
  paddedCarts = 0;
  ordersBelowThreshold = 0;
  paddedOrders = 0;
  /** Sessions that reached each step. */
  readonly reached: Float64Array;
  /** Abandonments, index step × reasons + reason. */
  readonly abandoned: Float64Array;
  /** Sessions, carts and orders by group: index device × 2 + (returning ? 1 : 0). */
  readonly sessionsByGroup = new Float64Array(GROUPS);
  readonly cartsByGroup = new Float64Array(GROUPS);
  readonly ordersByGroup = new Float64Array(GROUPS);
  readonly orderValues = new Tally("order value");
  readonly cartValues = new Tally("cart value");
  readonly sessionSeconds = new Tally("session duration");

  constructor(stepNames: readonly string[], intervals: number, intervalSeconds: number) {
    this.stepNames = stepNames;
    this.series = new IntervalSeries(intervals);
    this.intervalSeconds = intervalSeconds;
    this.reached = new Float64Array(stepNames.length);
    this.abandoned = new Float64Array(stepNames.length * ABANDONMENT_REASONS.length);
  }

  interval(timeSeconds: number): number {
    return Math.min(Math.floor(timeSeconds / this.intervalSeconds), this.series.length - 1);
  }

  /** Counts one invitation shown (and whether accepted) in its groups. */
  countInvitation(later: boolean, returning: boolean, inCart: boolean, accepted: boolean): void {
    const add = accepted ? 1 : 0;
    const byGroup = this.invitationsByGroup;
    const time = later ? 2 : 0;
    const visitor = returning ? 6 : 4;
    byGroup[time]++;
    byGroup[time + 1] += add;
    byGroup[visitor]++;
    byGroup[visitor + 1] += add;
    if (inCart) {
      byGroup[8]++;
      byGroup[9] += add;
    }
  }

  /** Counts a declined invitation of a shopper who needed no help: the visit's first or a repeat. */
  countUnwantedDecline(repeat: boolean, annoyed: boolean): void {
    const offset = repeat ? 2 : 0;
    this.unwantedDeclines[offset]++;
    if (annoyed) this.unwantedDeclines[offset + 1]++;
  }

  reach(step: number): void {
    this.reached[step]++;
  }

  /** Counts one in `counts` for a device and visitor type. */
  countGroup(counts: Float64Array, deviceIndex: number, returning: boolean): void {
    counts[deviceIndex * 2 + (returning ? 1 : 0)]++;
  }

  abandon(step: number, reason: number): void {
    this.abandoned[step * ABANDONMENT_REASONS.length + reason]++;
  }
}
