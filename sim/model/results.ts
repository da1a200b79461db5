import type { AbandonmentReason, CheckoutReason } from "./reasons.ts";

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
  /** Messages left by blocked customers and the agent hours answering them takes (outside the chat slots). */
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
  };
  chat: ChatQueueResults;
  outcome: {
    rescuedOrders: number;
    rescuedRevenue: number;
    rescuedMargin: number;
    ordersWithChat: number;
    /** Rescued margin − agent cost. Annoyed exits are reported apart (their loss is only known against a control run). */
    netBenefit: number;
  };
  meanSessionSeconds: Ratio;
  intervals: IntervalResults;
}

/** Everything one run of the chat-only model predicts. */
export interface ChatOnlyResults {
  kind: "chatOnly";
  scenario: string;
  seed: string | number;
  horizonDays: number;
  chat: ChatQueueResults;
  intervals: IntervalResults;
}

export type SimulationResults = StoreResults | ChatOnlyResults;

/** a ÷ b, or null when b is 0. */
export function ratio(numerator: number, denominator: number): Ratio {
  return denominator > 0 ? numerator / denominator : null;
}

/** A value that may be NaN (empty tally) as a Ratio. */
export function finiteOrNull(value: number): Ratio {
  return Number.isFinite(value) ? value : null;
}
