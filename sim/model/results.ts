import type { ChatClassBreakdown } from "./chatClassResults.ts";
import type { Device } from "./config.ts";
import type { ProfitStatement } from "./profitStatement.ts";
import type { AbandonmentReason, CheckoutReason } from "./reasons.ts";
import type { InvitationGroup } from "./StoreRecorder.ts";

/** A ratio whose denominator may be zero: `null` then (JSON-safe, never NaN). */
export type Ratio = number | null;

/** Chat desk figures, shared by the store model and the chat-only model. */
export interface ChatQueueResults {
  /** What the whole-run figures leave out: the first `seconds` of the horizon and the chats that arrived in them. */
  warmup: { seconds: number; excludedRequests: number };
  /** Requests after the warm-up (every whole-run figure below counts only these). */
  requests: number;
  /** Requests that found the queue full (maxQueueLength) and never queued. */
  blocked: number;
  blockingRate: Ratio;
  /** Help requests while the desk was closed (opening hours): offered the message form, not counted in `requests`. */
  closedRequests: number;
  /** Messages left by blocked customers and by customers who found the desk closed, and the agent hours answering them takes (outside the chat slots). */
  messages: { left: number; handleHours: number };
  served: number;
  abandoned: number;
  /** Share of requests that found no free slot and had to wait. */
  probabilityOfWait: Ratio;
  /** Mean wait of all requests (answered: until answer; abandoned: until giving up), seconds. */
  meanWaitSeconds: Ratio;
  meanWaitOfServedSeconds: Ratio;
  waitOfServedP50Seconds: Ratio;
  waitOfServedP90Seconds: Ratio;
  waitOfServedP95Seconds: Ratio;
  /** Answered chats by wait: counts[i] waited ≤ upperBoundsSeconds[i] (and more than the bound before); the last bound is null (open). */
  waitHistogram: { upperBoundsSeconds: (number | null)[]; counts: number[] };
  serviceLevelSeconds: number;
  /** The service level's definition in words, e.g. "answered within 30 s ÷ requests (abandons count as misses)". */
  serviceLevelDefinition: string;
  /** Answered within serviceLevelSeconds ÷ the definition's denominator (default: all requests, the Erlang A convention). */
  serviceLevel: Ratio;
  /** Answered within serviceLevelSeconds ÷ answered. */
  serviceLevelOfAnswered: Ratio;
  queueAbandonmentRate: Ratio;
  meanHandleSeconds: Ratio;
  /** Busy agent time ÷ agent time present (online, or finishing chats after the shift); an agent with ≥ 1 chat is busy. */
  occupancy: Ratio;
  /** Chats in service ÷ (online agents × concurrency). */
  slotUtilization: Ratio;
  /** Mean chats an agent holds while busy. */
  meanConcurrency: Ratio;
  /** Mean chats an agent holds, idle time included: chats in service ÷ agents present (time-weighted). */
  meanChatsPerAgent: Ratio;
  agentHoursScheduled: number;
  agentCost: number;
  /** Per agent seat over the measured window (seats are pool positions, reused as agents log in and out). */
  agents: { agent: number; chatsHandled: number; meanHandleSeconds: Ratio; occupancy: Ratio; rescuedOrders: number }[];
  /** Under a desk reservation only: high-value and standard chats apart (what the reservation costs and saves). */
  byClass?: ChatClassBreakdown;
}

/** Per-interval series (arrays of equal length, one entry per interval of the horizon). */
export interface IntervalResults {
  intervalSeconds: number;
  startSeconds: number[];
  sessions: number[];
  carts: number[];
  orders: number[];
  revenue: number[];
  invitations: number[];
  chatRequests: number[];
  chatsServed: number[];
  chatsAbandoned: number[];
  agentsScheduled: number[];
  agentsOnline: number[];
  rescuedOrders: number[];
  occupancy: Ratio[];
  meanConcurrency: Ratio[];
  serviceLevel: Ratio[];
  meanWaitOfServedSeconds: Ratio[];
  /** The video channel's own series (desk.video on only, so runs without video keep their output byte for byte). */
  video?: VideoIntervalResults;
}

/** The video desk per interval: its requests and what became of them, its agents and their occupancy. */
export interface VideoIntervalResults {
  requests: number[];
  served: number[];
  abandoned: number[];
  /** Requests turned away by a full queue (desk.maxQueueLength). */
  blocked: number[];
  agentsScheduled: number[];
  agentsOnline: number[];
  /** Busy video-agent time ÷ present video-agent time (one call per agent). */
  occupancy: Ratio[];
  serviceLevel: Ratio[];
  meanWaitOfServedSeconds: Ratio[];
}

export interface StepResult {
  step: string;
  reached: number;
  /** Sessions that reached the next step (orders after the last step). */
  continued: number;
  /** Abandonments with a reason at this step (browse: only annoyed exits; plain bounces are not abandonments). */
  abandoned: number;
  /** continued ÷ reached. */
  continueRate: Ratio;
  byReason: Partial<Record<AbandonmentReason, number>>;
}

/** Invitations of one group: shown, accepted, accepted ÷ shown. */
export interface GroupAcceptance {
  offered: number;
  accepted: number;
  acceptanceRate: Ratio;
}

/** Unwanted invitations declined and the annoyed exits among them. */
export interface UnwantedDeclines {
  declined: number;
  annoyedExits: number;
  /** annoyedExits ÷ declined. */
  annoyanceRate: Ratio;
}

/** Sessions, carts and orders of one group of visitors (a device, new or returning). */
export interface GroupFunnel {
  sessions: number;
  carts: number;
  orders: number;
  addToCartRate: Ratio;
  conversionRate: Ratio;
  /** 1 − orders ÷ carts. */
  cartAbandonmentRate: Ratio;
}

/** Everything one run of the store model predicts. */
export interface StoreResults {
  kind: "store";
  scenario: string;
  seed: string | number;
  horizonDays: number;
  funnel: {
    sessions: number;
    carts: number;
    checkoutStarts: number;
    orders: number;
    addToCartRate: Ratio;
    conversionRate: Ratio;
    /** 1 − orders ÷ carts (Baymard's definition). */
    cartAbandonmentRate: Ratio;
    checkoutAbandonmentRate: Ratio;
    steps: StepResult[];
    /** The funnel by the device the segment shops on. */
    byDevice: Record<Device, GroupFunnel>;
    /** The funnel of new and of returning visitors. */
    byVisitor: { new: GroupFunnel; returning: GroupFunnel };
  };
  abandonment: {
    byReason: Record<AbandonmentReason, number>;
    /** Shares among checkout-reason abandonments (excludes just browsing and annoyed by chat). */
    checkoutReasonShares: Record<CheckoutReason, Ratio>;
  };
  revenue: {
    revenue: number;
    averageOrderValue: Ratio;
    /** Standard deviation of order values (for per-visitor variance in A/B test sizing). */
    orderValueStandardDeviation: Ratio;
    meanCartValue: Ratio;
    margin: number;
    revenuePerSession: Ratio;
  };
  invitations: {
    offered: number;
    accepted: number;
    declined: number;
    acceptanceRate: Ratio;
    toHesitatingShoppers: number;
    reactiveRequests: number;
    annoyedExits: number;
    annoyedCartValue: number;
    /** Acceptance by circumstance: early/later (split at chat.invitationAcceptance.laterAfterSeconds on site), new/returning visitors, in the cart. */
    byGroup: Record<InvitationGroup, GroupAcceptance>;
    /** Declined invitations of shoppers who needed no help, and the annoyed exits among them: the visit's first invitation vs repeats. */
    annoyance: { first: UnwantedDeclines; repeat: UnwantedDeclines };
  };
  chat: ChatQueueResults;
  /** The help centre before the chat desk and answered chats handed on to email or phone (all zero while off). */
  selfService: StoreSelfServiceResults;
  outcome: {
    rescuedOrders: number;
    rescuedRevenue: number;
    rescuedMargin: number;
    ordersWithChat: number;
    /** Sessions that had a chat answered (the denominator of ordersWithChat). */
    sessionsWithChat: number;
    /** Shoppers about to leave who asked for or accepted a chat, gave up waiting in its queue and left: the rescues a short-staffed desk lost. */
    leftAfterQueueAbandon: number;
  };
  /** The policy's holdout (sessions never offered chat): its share, sessions and their orders. */
  holdout: { share: number; sessions: number; orders: number };
  /** The run's contribution statement: revenue, cost of goods, shipping, card fees, agent cost, contribution profit. */
  profit: ProfitStatement;
  friction: FrictionResults;
  freeShipping: FreeShippingResults;
  meanSessionSeconds: Ratio;
  intervals: IntervalResults;
  /** The video channel's desk (desk.video on only): the same figures as `chat`, for video calls. */
  video?: ChatQueueResults;
}

/** What the checkout forms did to shoppers: errors, confusion, and returns thanks to auto-save. */
export interface FrictionResults {
  /** Form validation errors made, all steps and shoppers. */
  formErrors: number;
  /** Shoppers who became confused (the policy signal `confusion`), each counted once. */
  confusedShoppers: number;
  /** confusedShoppers ÷ checkout starts. */
  confusedShareOfCheckouts: Ratio;
  /** Return visits of shoppers who left mid-form, within the horizon (auto-save). */
  autoSaveReturns: number;
  /** Orders those return visits placed (in funnel.orders and the interval series at the time of the return), and their revenue. */
  autoSaveOrders: number;
  autoSaveRevenue: number;
  /** Returns drawn to fall after the horizon's end: not simulated, their orders not counted. */
  autoSaveReturnsAfterHorizon: number;
}

/** How the free-shipping threshold played out: who was below it, who topped up, who shipped free. */
export interface FreeShippingResults {
  /** Carts below the threshold as first filled (before any padding). */
  cartsBelowThreshold: number;
  /** Of those, carts within reach of the threshold (candidates for padding). */
  cartsWithinReach: number;
  /** Carts topped up to reach the threshold. */
  paddedCarts: number;
  /** Orders whose cart was below the threshold as first filled. */
  ordersBelowThreshold: number;
  /** Of those, orders that were topped up to reach the threshold. */
  paddedOrders: number;
  /** paddedOrders ÷ ordersBelowThreshold (Hemmati et al.'s measure: padded share of below-threshold orders). */
  paddedOrderShare: Ratio;
  /** Orders at or above the threshold: the merchant pays their shipping. */
  freeShippedOrders: number;
}

/** Everything one run of the chat-only model predicts. */
export interface ChatOnlyResults {
  kind: "chatOnly";
  scenario: string;
  seed: string | number;
  horizonDays: number;
  chat: ChatQueueResults;
  /** The self-service step before the queue (all zero when it is off); counted by arrival after the warm-up. */
  selfService: SelfServiceResults;
  intervals: IntervalResults;
  /** The video channel's desk (desk.video on only): the same figures as `chat`, for video calls. */
  video?: ChatQueueResults;
}

/** What the self-service step (bot or help centre) did with the requests it took. */
export interface SelfServiceResults {
  /** Requests the self-service step took. */
  contacts: number;
  /** Contacts it resolved (never reached an agent). */
  resolved: number;
  /** Contacts that escalated to the human queue (and count in chat.requests from then). */
  escalated: number;
  /** contacts × costPerContact, currency. */
  cost: number;
}

/** The store's self-service step: help requests the help centre took, plus chats handed on to email or phone. */
export interface StoreSelfServiceResults extends SelfServiceResults {
  /** Resolved contacts whose shopper was about to leave and was rescued by the help centre's answer. */
  rescued: number;
  /** Answered chats handed on to email or phone, and what those follow-ups cost (in the profit statement). */
  channelEscalation: { email: number; phone: number; cost: number };
}

export type SimulationResults = StoreResults | ChatOnlyResults;

/** a ÷ b, or null when b is 0. */
export function ratio(numerator: number, denominator: number): Ratio {
  return denominator > 0 ? numerator / denominator : null;
}

/** A group's funnel from its counts. */
export function groupFunnel(sessions: number, carts: number, orders: number): GroupFunnel {
  return {
    sessions,
    carts,
    orders,
    addToCartRate: ratio(carts, sessions),
    conversionRate: ratio(orders, sessions),
    cartAbandonmentRate: carts > 0 ? 1 - orders / carts : null,
  };
}

/** A value that may be NaN (empty tally) as a Ratio. */
export function finiteOrNull(value: number): Ratio {
  return Number.isFinite(value) ? value : null;
}
