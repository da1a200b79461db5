// Fixed, formula-built result documents for report tests and benchmarks: no simulator involved, so
// chart snapshots change only when the report changes. Shapes follow a real 3-day baseline run.
import type { RunStamp } from "../../experiments/index.ts";
import { type ChatOnlyResults, groupFunnel, type IntervalResults, profitStatement, type StoreResults } from "../../sim/model/index.ts";

/** Relative sessions per half hour from 00:00 (the baseline scenario's daily profile). */
export const DAILY_PROFILE = [
  0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.251, 0.251, 0.253, 0.256, 0.264, 0.282, 0.323, 0.401, 0.524, 0.677, 0.818, 0.911, 0.953, 0.974, 1.007, 1.06,
  1.114, 1.148, 1.145, 1.102, 1.023, 0.918, 0.802, 0.688, 0.591, 0.521, 0.491, 0.509, 0.58, 0.701, 0.857, 1.023, 1.162, 1.242, 1.24, 1.157, 1.013, 0.838, 0.665,
  0.519, 0.41,
];
const DAY_MULTIPLIERS = [1, 0.92, 1.15, 1.05, 0.97, 1.2, 1.1];

/** Deterministic noise in [-1, 1] (a hash of the index, not a random source). */
export function noise(index: number): number {
  const x = Math.sin(index * 12.9898 + 78.233) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
}

/** `value` rounded to `digits` decimals: fixtures hold round numbers, as snapshots read them. */
export function roundTo(value: number, digits = 4): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A stamp as `simulate --out` writes it. */
export function stampFixture(overrides: Partial<RunStamp> = {}): RunStamp {
  return {
    tool: "convsim",
    version: "0.1.0",
    command: "simulate",
    scenario: "Baseline mid-size store",
    scenarioPath: "experiments/scenarios/baseline.yaml",
    scenarioHash: "9ecf2cc6739a31a5",
    seed: 20261123,
    generatedAt: "2026-11-23T04:06:17.970Z",
    runSeconds: 5.62,
    reproduce: "npm run simulate -- experiments/scenarios/baseline.yaml --seed 20261123 --days 3",
    ...overrides,
  };
}

/** Per-interval series for `days` days of 30-minute intervals. */
export function intervalsFixture(days: number, sessionsPerInterval = 800): IntervalResults {
  const intervalSeconds = 1800;
  const count = days * DAILY_PROFILE.length;
  const series: IntervalResults = {
    intervalSeconds,
    startSeconds: [],
    sessions: [],
    carts: [],
    orders: [],
    revenue: [],
    invitations: [],
    chatRequests: [],
    chatsServed: [],
    chatsAbandoned: [],
    agentsScheduled: [],
    agentsOnline: [],
    rescuedOrders: [],
    occupancy: [],
    meanConcurrency: [],
    serviceLevel: [],
    meanWaitOfServedSeconds: [],
  };
  for (let index = 0; index < count; index++) {
    const slot = index % DAILY_PROFILE.length;
    const day = Math.floor(index / DAILY_PROFILE.length);
    const hour = slot / 2;
    const sessions = Math.round(DAILY_PROFILE[slot] * sessionsPerInterval * DAY_MULTIPLIERS[day % 7] * (1 + 0.08 * noise(index)));
    const carts = Math.round(sessions * 0.073);
    const orders = Math.round(sessions * 0.0214 * (1 + 0.2 * noise(index + 1000)));
    const requests = Math.max(0, Math.round(sessions * 0.0047 * (1 + 0.5 * noise(index + 2000))));
    const scheduled = hour < 7 ? 2 : hour < 11 ? 3 : hour < 22 ? 4 : 2;
    const online = Math.floor(scheduled * 0.85);
    const load = online > 0 ? Math.min(0.98, (requests * 735) / (online * 1800 * 1.9)) : null;
    const abandoned = Math.round(requests * Math.max(0, (load ?? 1) - 0.45) * 0.4);
    series.startSeconds.push(index * intervalSeconds);
    series.sessions.push(sessions);
    series.carts.push(carts);
    series.orders.push(orders);
    series.revenue.push(roundTo(orders * 128.26 * (1 + 0.15 * noise(index + 3000)), 2));
    series.invitations.push(0);
    series.chatRequests.push(requests);
    series.chatsServed.push(requests - abandoned);
    series.chatsAbandoned.push(abandoned);
    series.agentsScheduled.push(scheduled);
    series.agentsOnline.push(online);
    series.rescuedOrders.push(Math.round(requests * 0.18));
    series.occupancy.push(load === null ? null : roundTo(load));
    series.meanConcurrency.push(load === null ? null : roundTo(1 + load));
    series.serviceLevel.push(requests === 0 ? null : roundTo(Math.max(0.3, 1 - (load ?? 0) * 0.5)));
    series.meanWaitOfServedSeconds.push(requests === 0 ? null : roundTo((load ?? 0) * 60, 1));
  }
  return series;
}

/** A store run over `days` days, figures from a real 3-day baseline run. */
export function storeResultsFixture(options: { days?: number; scenario?: string } = {}): StoreResults {
  const days = options.days ?? 3;
  const intervals = intervalsFixture(days);
  return {
    kind: "store",
    scenario: options.scenario ?? "Baseline mid-size store",
    seed: 20261123,
    horizonDays: days,
    funnel: {
      sessions: 118995,
      carts: 8638,
      checkoutStarts: 5264,
      orders: 2543,
      addToCartRate: 0.0725913,
      conversionRate: 0.0213706,
      cartAbandonmentRate: 0.7056031,
      checkoutAbandonmentRate: 0.5169073,
      byDevice: {
        desktop: groupFunnel(47598, 4190, 1460),
        mobile: groupFunnel(61877, 3830, 897),
        tablet: groupFunnel(9520, 618, 186),
      },
      byVisitor: { new: groupFunnel(84000, 5060, 1490), returning: groupFunnel(34995, 3578, 1053) },
      steps: [
        { step: "browse", reached: 118995, continued: 8638, abandoned: 0, continueRate: 0.0725913, byReason: {} },
        {
          step: "cart",
          reached: 8638,
          continued: 5264,
          abandoned: 3374,
          continueRate: 0.6094003,
          byReason: { justBrowsing: 3222, totalNotVisibleUpfront: 152 },
        },
        {
          step: "account",
          reached: 5264,
          continued: 4831,
          abandoned: 433,
          continueRate: 0.9177432,
          byReason: { accountRequired: 343, checkoutTooLongOrComplicated: 14, totalNotVisibleUpfront: 76 },
        },
        {
          step: "shipping",
          reached: 4831,
          continued: 3764,
          abandoned: 1067,
          continueRate: 0.7791348,
          byReason: { extraCostsTooHigh: 632, deliveryTooSlow: 271, checkoutTooLongOrComplicated: 79, returnsPolicy: 85 },
        },
        {
          step: "payment",
          reached: 3764,
          continued: 2918,
          abandoned: 846,
          continueRate: 0.7752391,
          byReason: { didNotTrustCardDetails: 335, checkoutTooLongOrComplicated: 36, websiteErrors: 160, tooFewPaymentMethods: 216, cardDeclined: 99 },
        },
        {
          step: "review",
          reached: 2918,
          continued: 2543,
          abandoned: 375,
          continueRate: 0.8714873,
          byReason: { checkoutTooLongOrComplicated: 139, returnsPolicy: 142, websiteErrors: 94 },
        },
      ],
    },
    abandonment: {
      byReason: {
        justBrowsing: 3222,
        extraCostsTooHigh: 632,
        accountRequired: 343,
        didNotTrustCardDetails: 335,
        deliveryTooSlow: 271,
        checkoutTooLongOrComplicated: 268,
        totalNotVisibleUpfront: 228,
        returnsPolicy: 227,
        websiteErrors: 254,
        tooFewPaymentMethods: 216,
        cardDeclined: 99,
        annoyedByChat: 0,
      },
      checkoutReasonShares: {
        extraCostsTooHigh: 0.2199791,
        accountRequired: 0.1193874,
        didNotTrustCardDetails: 0.1166029,
        deliveryTooSlow: 0.0943265,
        checkoutTooLongOrComplicated: 0.0932823,
        totalNotVisibleUpfront: 0.0793596,
        returnsPolicy: 0.0790115,
        websiteErrors: 0.0884093,
        tooFewPaymentMethods: 0.0751827,
        cardDeclined: 0.0344588,
      },
    },
    revenue: {
      revenue: 326171.19,
      averageOrderValue: 128.2623639,
      orderValueStandardDeviation: 86.41,
      meanCartValue: 122.0430975,
      margin: 114159.92,
      revenuePerSession: 2.7410496,
    },
    invitations: {
      offered: 0,
      accepted: 0,
      declined: 0,
      acceptanceRate: null,
      toHesitatingShoppers: 0,
      reactiveRequests: 550,
      annoyedExits: 0,
      annoyedCartValue: 0,
      byGroup: noInvitationGroups(),
      annoyance: { first: noDeclines(), repeat: noDeclines() },
    },
    chat: chatFixture(),
    selfService: { contacts: 0, resolved: 0, escalated: 0, rescued: 0, cost: 0, channelEscalation: { email: 0, phone: 0, cost: 0 } },
    outcome: { rescuedOrders: 103, rescuedRevenue: 14633.44, rescuedMargin: 5121.7, ordersWithChat: 120, sessionsWithChat: 455, leftAfterQueueAbandon: 38 },
    holdout: { share: 0, sessions: 0, orders: 0 },
    // 2,543 orders, 1,180 of them below the $99 threshold paying $7.95, 7% tax; carrier $7.95, cards 2.9% + $0.30.
    profit: profitStatement(
      { orders: 2543, merchandise: 326171.19, shipping: 1180 * 7.95, tax: 0.07 * 326171.19, fees: 0 },
      {
        shippingFee: 7.95,
        freeShippingThreshold: 99,
        taxRate: 0.07,
        fixedFee: 0,
        showTotalUpfront: false,
        marginRate: 0.35,
        shippingCostPerOrder: 7.95,
        paymentFeeRate: 0.029,
        paymentFeePerOrder: 0.3,
        thresholdPadding: { probability: 0.45, reachShare: 0.4 },
      },
      4032,
      118994,
    ),
    friction: {
      formErrors: 1530,
      confusedShoppers: 410,
      confusedShareOfCheckouts: 410 / 4880,
      autoSaveReturns: 0,
      autoSaveOrders: 0,
      autoSaveRevenue: 0,
      autoSaveReturnsAfterHorizon: 0,
    },
    freeShipping: {
      cartsBelowThreshold: 4400,
      cartsWithinReach: 1900,
      paddedCarts: 850,
      ordersBelowThreshold: 1470,
      paddedOrders: 290,
      paddedOrderShare: 290 / 1470,
      freeShippedOrders: 1363,
    },
    meanSessionSeconds: 172.2776406,
    intervals,
  };
}

function chatFixture(): StoreResults["chat"] {
  return {
    warmup: { seconds: 0, excludedRequests: 0 },
    blocked: 0,
    blockingRate: 0,
    closedRequests: 0,
    messages: { left: 0, handleHours: 0 },
    requests: 550,
    served: 453,
    abandoned: 97,
    probabilityOfWait: 0.3109091,
    meanWaitSeconds: 42.6775758,
    meanWaitOfServedSeconds: 24.8728338,
    waitOfServedP50Seconds: 0,
    waitOfServedP90Seconds: 83.9396151,
    waitOfServedP95Seconds: 190.5900923,
    waitHistogram: {
      upperBoundsSeconds: [0, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, null],
      counts: [379, 1, 1, 4, 2, 4, 5, 11, 8, 13, 17, 7, 1],
    },
    serviceLevelSeconds: 30,
    serviceLevelDefinition: "answered within 30 s ÷ requests (abandons and blocked chats count as misses)",
    serviceLevel: 0.7036364,
    serviceLevelOfAnswered: 0.8543046,
    queueAbandonmentRate: 0.1763636,
    meanHandleSeconds: 735.5805306,
    occupancy: 0.6745293,
    slotUtilization: 0.4281761,
    meanConcurrency: 1.904333,
    meanChatsPerAgent: 1.2845283,
    agentHoursScheduled: 144,
    agentCost: 4032,
    agents: [],
  };
}

/** A chat-only run over one day. */
export function chatOnlyResultsFixture(): ChatOnlyResults {
  const intervals = intervalsFixture(1);
  return {
    kind: "chatOnly",
    scenario: "Support desk, Erlang A check",
    seed: 7,
    horizonDays: 1,
    chat: chatFixture(),
    selfService: { contacts: 0, resolved: 0, escalated: 0, cost: 0 },
    intervals: { ...intervals, sessions: intervals.sessions.map(() => 0) },
  };
}

/** Acceptance by group of a run that showed no invitation. */
function noInvitationGroups(): StoreResults["invitations"]["byGroup"] {
  const none = () => ({ offered: 0, accepted: 0, acceptanceRate: null });
  return { early: none(), later: none(), newVisitors: none(), returningVisitors: none(), inCart: none() };
}

function noDeclines(): StoreResults["invitations"]["annoyance"]["first"] {
  return { declined: 0, annoyedExits: 0, annoyanceRate: null };
}
