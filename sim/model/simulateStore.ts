import { Environment } from "../engine/index.ts";
import { inHoldout } from "../policy/index.ts";
import { categorical, PiecewisePoissonArrivals, StreamFactory } from "../random/index.ts";
import { collectChatResults, collectIntervalResults } from "./collectResults.ts";
import type { StoreModelConfig } from "./config.ts";
import { DEVICES, type Device } from "./config.ts";
import { startVisit } from "./journey.ts";
import { profitStatement } from "./profitStatement.ts";
import { ABANDONMENT_REASONS, type AbandonmentReason, CHECKOUT_REASONS, type CheckoutReason } from "./reasons.ts";
import {
  finiteOrNull,
  type GroupAcceptance,
  type GroupFunnel,
  groupFunnel,
  ratio,
  type StepResult,
  type StoreResults,
  type StoreSelfServiceResults,
  type UnwantedDeclines,
} from "./results.ts";
import { SHOPPER_STREAMS, Shopper } from "./Shopper.ts";
import { INVITATION_GROUPS, type InvitationGroup, type StoreRecorder } from "./StoreRecorder.ts";
import { type SessionRecord, StoreWorld } from "./StoreWorld.ts";
import { withVideoIntervals } from "./videoDesk.ts";

/** A finished session, for the optional per-session log. */
export interface RunOptions {
  seed: string | number;
  /** Called once per finished session (for an optional JSONL log); leave out to keep memory flat. */
  onSession?: (record: SessionRecord) => void;
}

/**
 * Runs the store model over its horizon: sessions arrive as a non-homogeneous Poisson process
 * (piecewise-constant rate per interval) until the horizon ends; sessions in progress then finish.
 * Deterministic: the same config and seed give the same results on any machine.
 */
export function simulateStore(config: StoreModelConfig, options: RunOptions): StoreResults {
  const env = new Environment();
  const streams = new StreamFactory(options.seed);
  const world = new StoreWorld(env, config, streams.stream("unused"), streams.stream("absence"), streams, options.onSession);
  const horizonSeconds = config.horizon.days * 86400;
  // One key per purpose for the whole run; shopper i's stream for a purpose is child i of that key.
  const shopperKeys = SHOPPER_STREAMS.map((name) => streams.stream(`shopper.${name}`).next());
  const segmentOf = categorical(
    streams.stream("segment"),
    config.segments.map((segment) => segment.weight),
  );
  const returningStream = streams.stream("returning");
  const holdoutShare = config.chat.policy.holdout.share;
  const arrivals = new PiecewisePoissonArrivals(streams.stream("arrivals"), config.sessionRatesPerSecond, config.horizon.intervalSeconds);

  env.process(
    (function* () {
      let id = 0;
      let at = arrivals.next();
      if (at >= horizonSeconds) return;
      yield env.timeout(at - env.now);
      for (;;) {
        const segmentIndex = segmentOf.sample();
        const segment = config.segments[segmentIndex];
        const returning = returningStream.next() < segment.returningProbability;
        // env.now, not `at`: now + (at − now) can round below `at`, and durations must never be negative.
        const shopper = new Shopper(id++, segmentIndex, segment, env.now, shopperKeys, returning);
        // A hash, not a stream: the holdout shifts no draws.
        if (holdoutShare > 0) shopper.holdout = inHoldout(config.chat.policy, `${options.seed}:${shopper.id}`);
        at = arrivals.next();
        const nextArrival = at < horizonSeconds ? env.timeout(at - env.now) : null;
        // The visit starts here rather than from the queue (one event less per shopper), after the next
        // arrival is scheduled: the same order of scheduling as when it started from the queue just after.
        startVisit(world, shopper);
        if (nextArrival === null) return;
        yield nextArrival;
      }
    })(),
  );
  env.run();
  return storeResults(world, options.seed);
}

function storeResults(world: StoreWorld, seed: string | number): StoreResults {
  const { config, recorder } = world;
  const byReason = Object.fromEntries(ABANDONMENT_REASONS.map((reason, r) => [reason, reasonTotal(recorder, r)])) as Record<AbandonmentReason, number>;
  const checkoutTotal = CHECKOUT_REASONS.reduce((total, reason) => total + byReason[reason], 0);
  const chat = collectChatResults(
    world.chat,
    config.agents,
    config.desk,
    config.horizon.intervalSeconds,
    config.chat.serviceLevelSeconds,
    recorder.rescuedByClass,
  );
  const rescuedMargin = recorder.rescuedRevenue * config.pricing.marginRate;
  const selfService = storeSelfService(world);
  return {
    kind: "store",
    scenario: config.name,
    seed,
    horizonDays: config.horizon.days,
    funnel: funnelResults(recorder),
    abandonment: {
      byReason,
      checkoutReasonShares: Object.fromEntries(CHECKOUT_REASONS.map((reason) => [reason, ratio(byReason[reason], checkoutTotal)])) as Record<
        CheckoutReason,
        number | null
      >,
    },
    revenue: {
      revenue: recorder.revenue,
      averageOrderValue: finiteOrNull(recorder.orderValues.mean),
      orderValueStandardDeviation: finiteOrNull(recorder.orderValues.standardDeviation),
      meanCartValue: finiteOrNull(recorder.cartValues.mean),
      margin: recorder.revenue * config.pricing.marginRate,
      revenuePerSession: ratio(recorder.revenue, recorder.sessions),
    },
    invitations: invitationResults(recorder),
    chat,
    selfService,
    outcome: {
      rescuedOrders: recorder.rescuedOrders,
      rescuedRevenue: recorder.rescuedRevenue,
      rescuedMargin,
      ordersWithChat: recorder.chattedOrders,
      sessionsWithChat: recorder.chattedSessions,
      leftAfterQueueAbandon: recorder.queueAbandonedThenLeft,
    },
    holdout: { share: config.chat.policy.holdout.share, sessions: recorder.holdoutSessions, orders: recorder.holdoutOrders },
    profit: profitStatement(
      { orders: recorder.orders, merchandise: recorder.revenue, shipping: recorder.shippingCharged, tax: recorder.taxCharged, fees: recorder.feesCharged },
      config.pricing,
      chat.agentCost,
      recorder.sessions,
      config.funnel.autoSave.enabled ? recorder.sessions * config.funnel.autoSave.costPerSession : 0,
      { selfService: selfService.cost, escalation: selfService.channelEscalation.cost },
    ),
    ...frictionAndShippingResults(recorder),
    meanSessionSeconds: finiteOrNull(recorder.sessionSeconds.mean),
    intervals: withVideoIntervals(world.video, collectIntervalResults(recorder.series, config.horizon.intervalSeconds, config.desk.serviceLevel)),
    ...(world.video === null ? {} : { video: world.video.results() }),
  };
}

/** The funnel counts and rates, overall, by step, by device and by new or returning visitor. */
function funnelResults(recorder: StoreRecorder): StoreResults["funnel"] {
  return {
    sessions: recorder.sessions,
    carts: recorder.carts,
    checkoutStarts: recorder.checkoutStarts,
    orders: recorder.orders,
    addToCartRate: ratio(recorder.carts, recorder.sessions),
    conversionRate: ratio(recorder.orders, recorder.sessions),
    cartAbandonmentRate: recorder.carts > 0 ? 1 - recorder.orders / recorder.carts : null,
    checkoutAbandonmentRate: recorder.checkoutStarts > 0 ? 1 - recorder.orders / recorder.checkoutStarts : null,
    steps: recorder.stepNames.map((_, step) => stepResult(recorder, step, step + 1 < recorder.stepNames.length ? recorder.reached[step + 1] : recorder.orders)),
    byDevice: Object.fromEntries(DEVICES.map((device, d) => [device, groupTotals(recorder, (group) => group >> 1 === d)])) as Record<Device, GroupFunnel>,
    byVisitor: { new: groupTotals(recorder, (group) => (group & 1) === 0), returning: groupTotals(recorder, (group) => (group & 1) === 1) },
  };
}

/** Proactive invitations and reactive requests: counts, acceptance by group, annoyance. */
function invitationResults(recorder: StoreRecorder): StoreResults["invitations"] {
  return {
    offered: recorder.invitationsOffered,
    accepted: recorder.invitationsAccepted,
    declined: recorder.invitationsDeclined,
    acceptanceRate: ratio(recorder.invitationsAccepted, recorder.invitationsOffered),
    toHesitatingShoppers: recorder.invitationsToHesitating,
    reactiveRequests: recorder.reactiveRequests,
    annoyedExits: recorder.annoyedExits,
    annoyedCartValue: recorder.annoyedCartValue,
    byGroup: Object.fromEntries(
      INVITATION_GROUPS.map((group, g) => {
        const [offered, accepted] = [recorder.invitationsByGroup[2 * g], recorder.invitationsByGroup[2 * g + 1]];
        return [group, { offered, accepted, acceptanceRate: ratio(accepted, offered) }];
      }),
    ) as Record<InvitationGroup, GroupAcceptance>,
    annoyance: { first: unwantedDeclines(recorder, 0), repeat: unwantedDeclines(recorder, 2) },
  };
}

/** Form friction and the free-shipping threshold's effects (two sections of the results, in this order). */
function frictionAndShippingResults(recorder: StoreRecorder): Pick<StoreResults, "friction" | "freeShipping"> {
  return {
    friction: {
      formErrors: recorder.formErrors,
      confusedShoppers: recorder.confusedShoppers,
      confusedShareOfCheckouts: ratio(recorder.confusedShoppers, recorder.checkoutStarts),
      autoSaveReturns: recorder.autoSave.returns,
      autoSaveOrders: recorder.autoSave.orders,
      autoSaveRevenue: recorder.autoSave.revenue,
      autoSaveReturnsAfterHorizon: recorder.autoSave.afterHorizon,
    },
    freeShipping: {
      cartsBelowThreshold: recorder.cartsBelowThreshold,
      cartsWithinReach: recorder.cartsWithinReach,
      paddedCarts: recorder.paddedCarts,
      ordersBelowThreshold: recorder.ordersBelowThreshold,
      paddedOrders: recorder.paddedOrders,
      paddedOrderShare: ratio(recorder.paddedOrders, recorder.ordersBelowThreshold),
      freeShippedOrders: recorder.freeShippedOrders,
    },
  };
}

function unwantedDeclines(recorder: StoreRecorder, offset: number): UnwantedDeclines {
  const [declined, annoyedExits] = [recorder.unwantedDeclines[offset], recorder.unwantedDeclines[offset + 1]];
  return { declined, annoyedExits, annoyanceRate: ratio(annoyedExits, declined) };
}

/** The funnel of the device × visitor groups `includes` selects (group = device × 2 + returning). */
function groupTotals(recorder: StoreRecorder, includes: (group: number) => boolean): GroupFunnel {
  let sessions = 0;
  let carts = 0;
  let orders = 0;
  for (let group = 0; group < recorder.sessionsByGroup.length; group++) {
    if (!includes(group)) continue;
    sessions += recorder.sessionsByGroup[group];
    carts += recorder.cartsByGroup[group];
    orders += recorder.ordersByGroup[group];
  }
  return groupFunnel(sessions, carts, orders);
}

function reasonTotal(recorder: StoreRecorder, reason: number): number {
  let total = 0;
  for (let step = 0; step < recorder.stepNames.length; step++) total += recorder.abandoned[step * ABANDONMENT_REASONS.length + reason];
  return total;
}

/** `continued`: sessions that reached the next step (orders after the last one). */
function stepResult(recorder: StoreRecorder, step: number, continued: number): StepResult {
  const byReason: Partial<Record<AbandonmentReason, number>> = {};
  let abandoned = 0;
  ABANDONMENT_REASONS.forEach((reason, r) => {
    const count = recorder.abandoned[step * ABANDONMENT_REASONS.length + r];
    if (count > 0) byReason[reason] = count;
    abandoned += count;
  });
  const reached = recorder.reached[step];
  return { step: recorder.stepNames[step], reached, continued, abandoned, continueRate: ratio(continued, reached), byReason };
}

/** The self-service counts with their costs: contacts × costPerContact, follow-ups × their channel's cost. */
function storeSelfService(world: StoreWorld): StoreSelfServiceResults {
  const { selfService } = world.config.desk;
  const { contacts, resolved, escalated, rescued } = world.recorder.selfService;
  const { email, phone } = world.recorder.channelEscalation;
  const escalation = selfService.channelEscalation;
  return {
    contacts,
    resolved,
    escalated,
    rescued,
    cost: contacts * selfService.costPerContact,
    channelEscalation: { email, phone, cost: email * escalation.emailCostPerContact + phone * escalation.phoneCostPerContact },
  };
}
