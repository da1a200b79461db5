import type { Event } from "../engine/index.ts";
import { onPageChange, reactiveAvailable } from "../policy/index.ts";
import { drawAbandonment } from "./competingRisks.ts";
import { confusionProbability, drawFormErrors, typingSeconds } from "./friction.ts";
import { ANNOYED, idleWindow, LEFT, passesQuietly, RESCUED, requestChat, STAYED } from "./idleWindow.ts";
import { extraCosts, shippingCharge, stickerShockHazard } from "./pricing.ts";
import { ABANDONMENT_REASONS, REASON_INDEX } from "./reasons.ts";
import { AUTO_SAVE, FORM, FRICTION, HESITATION, JOURNEY, PADDING, type Shopper } from "./Shopper.ts";
import type { SessionRecord, StoreWorld } from "./StoreWorld.ts";
import { meet, pass } from "./shopperClock.ts";
import { paddedCartValue, withinPaddingReach } from "./thresholdPadding.ts";

type Gen<T> = Generator<Event<any>, T, any>;

const BROWSE = 0;
const CART = 1;
const JUST_BROWSING = REASON_INDEX.justBrowsing;
const ANNOYED_BY_CHAT = REASON_INDEX.annoyedByChat;
const EXTRA_COSTS = REASON_INDEX.extraCostsTooHigh;
const TOTAL_HIDDEN = REASON_INDEX.totalNotVisibleUpfront;
const TOO_COMPLICATED = REASON_INDEX.checkoutTooLongOrComplicated;
/** Longest visit page count drawn; a cap against heavy-tailed page-view distributions. */
const MAX_PAGE_VIEWS = 200;

/**
 * One shopper's visit, started at their arrival: browse pages, maybe add to cart, then the cart and
 * each checkout step. At every step the shopper either carries on (possibly after an idle pause: a
 * false-positive signal) or is about to leave for a reason, lingers first (the window in which chat
 * can help), and leaves unless a chat rescues them.
 *
 * Most shoppers only browse and leave, touching nothing shared until they leave: they run here,
 * synchronously, and meet the engine once, with one timeout whose callback ends the session (no
 * process). A process starts only for a page where a trigger may fire, or for a shopper who fills
 * a cart (see shopperClock.ts for why results stay the same).
 */
export function startVisit(world: StoreWorld, shopper: Shopper): void {
  const { recorder } = world;
  const segmentSamplers = world.segments[shopper.segmentIndex];
  const journey = shopper.stream(JOURNEY);
  recorder.sessions++;
  recorder.countGroup(recorder.sessionsByGroup, segmentSamplers.deviceIndex, shopper.signals.returningVisitor);
  recorder.series.add("sessions", recorder.interval(shopper.arrivedAtSeconds), 1);
  recorder.reach(BROWSE);

  const pages = Math.min(MAX_PAGE_VIEWS, Math.max(1, Math.round(world.draw(segmentSamplers.pageViews, journey))));
  if (!world.hasProactiveRules) {
    // Without trigger rules nothing can happen while a shopper browses (the help button belongs to
    // checkout), so the pages collapse into one wait: same draws, same outcome.
    let browsing = 0;
    for (let page = 0; page < pages; page++) {
      enterPage(shopper, page === 0 ? "browse" : "product");
      browsing += Math.max(0, world.draw(segmentSamplers.dwellSeconds, journey));
    }
    // Just arrived: no chat runs beside the visit, so the wait stays on the shopper's clock.
    pass(world.env, shopper, browsing);
    shopper.signals.timeOnSiteSeconds += browsing;
    afterBrowsing(world, shopper);
    return;
  }
  const page = browseQuietly(world, shopper, 0, pages);
  if (page < pages) world.env.startProcess(browseOn(world, shopper, page, pages));
  else afterBrowsing(world, shopper);
}

/**
 * Browses from `page` (entered here) while pages pass quietly; returns the first page where a trigger
 * may fire (entered, its dwell in `shopper.pendingDwellSeconds`), or `pages` when all passed.
 */
function browseQuietly(world: StoreWorld, shopper: Shopper, from: number, pages: number): number {
  const dwellSeconds = world.segments[shopper.segmentIndex].dwellSeconds;
  const journey = shopper.stream(JOURNEY);
  for (let page = from; page < pages; page++) {
    enterPage(shopper, page === 0 ? "browse" : "product");
    const dwell = Math.max(0, world.draw(dwellSeconds, journey));
    if (passesQuietly(world, shopper, dwell)) continue;
    shopper.pendingDwellSeconds = dwell;
    return page;
  }
  return pages;
}

/** The rest of the browsing from a page where a trigger may fire (already entered, dwell drawn). */
function* browseOn(world: StoreWorld, shopper: Shopper, from: number, pages: number): Gen<void> {
  for (let page = from; page < pages; page = browseQuietly(world, shopper, page + 1, pages)) {
    const window = { durationSeconds: shopper.pendingDwellSeconds, hesitatingReason: -1, helpAtSeconds: -1, exitIntentAtEnd: false };
    const outcome = yield* idleWindow(world, shopper, window);
    if (outcome === ANNOYED) return leave(world, shopper, BROWSE, ANNOYED_BY_CHAT);
  }
  afterBrowsing(world, shopper);
}

/**
 * The add-to-cart decision at the end of browsing: a bounce meets the engine with a plain timeout
 * (its end adds to the session-length tally, an order-dependent sum); a cart starts the checkout.
 */
function afterBrowsing(world: StoreWorld, shopper: Shopper): void {
  const segmentSamplers = world.segments[shopper.segmentIndex];
  // One draw whoever the visitor is, so the journey stream stays aligned across scenarios.
  const buys = shopper.stream(JOURNEY).next() < (shopper.signals.returningVisitor ? segmentSamplers.addToCartReturning : segmentSamplers.addToCartNew);
  if (buys) world.env.startProcess(checkout(world, shopper));
  else if (shopper.clockSeconds > world.env.now) world.env.timeoutAt(shopper.clockSeconds, shopper).addCallback(world.endBounce);
  else bounce(world, shopper);
}

/** Ends a session that never filled a cart. */
export function bounce(world: StoreWorld, shopper: Shopper): void {
  leave(world, shopper, -1, -1);
}

/** From the cart on: fill it, then the cart page and each checkout step, and the order. */
function* checkout(world: StoreWorld, shopper: Shopper): Gen<void> {
  const { recorder } = world;
  const segmentSamplers = world.segments[shopper.segmentIndex];
  const journey = shopper.stream(JOURNEY);
  // The cart-value tally is an order-dependent sum: meet the engine first.
  const browsed = meet(world.env, shopper);
  if (browsed !== null) yield browsed;
  const cartValue = fillCart(world, shopper, Math.max(0.01, world.draw(segmentSamplers.cartValue, journey)));
  shopper.signals.cartValue = cartValue;
  recorder.carts++;
  recorder.countGroup(recorder.cartsByGroup, segmentSamplers.deviceIndex, shopper.signals.returningVisitor);
  recorder.cartValues.add(cartValue);
  recorder.series.add("carts", recorder.interval(world.env.now), 1);

  const extra = extraCosts(cartValue, world.config.pricing);
  for (let step = CART; step < world.steps.length; step++) {
    if (step === CART + 1) recorder.checkoutStarts++;
    const outcome = yield* checkoutStep(world, shopper, step, extra);
    if (outcome < 0) continue;
    const left = meet(world.env, shopper);
    if (left !== null) yield left;
    // Planned before the session ends, so its record says whether and when the shopper comes back.
    planReturn(world, shopper, step, outcome);
    return leave(world, shopper, step, outcome);
  }
  const ordered = meet(world.env, shopper);
  if (ordered !== null) yield ordered;
  placeOrder(world, shopper, cartValue);
}

/**
 * With auto-save, a shopper who leaves at a checkout step with form fields (for any reason but an
 * annoying invitation) comes back with the configured probability, after the configured delay: a
 * return visit, scheduled now, unless it would fall after the horizon's end (then only counted). All
 * of it is drawn from the shopper's own auto-save stream, so no other draw moves.
 */
function planReturn(world: StoreWorld, shopper: Shopper, step: number, reason: number): void {
  const autoSave = world.config.funnel.autoSave;
  if (!autoSave.enabled || step <= CART || reason === ANNOYED_BY_CHAT) return;
  if (world.config.funnel.steps[step - 2].fields.length === 0) return;
  const stream = shopper.stream(AUTO_SAVE);
  if (stream.next() >= autoSave.returnProbability) return;
  const returnAtSeconds = world.env.now + Math.max(0, world.draw(world.autoSaveDelaySeconds, stream));
  if (returnAtSeconds > world.horizonSeconds) {
    world.recorder.autoSave.afterHorizon++;
    return;
  }
  shopper.autoSaveReturnAtSeconds = returnAtSeconds;
  world.env.timeoutAt(returnAtSeconds, shopper).addCallback(world.startReturnVisit);
}

/**
 * An auto-save return visit: it resumes at the saved step with the form filled and places the order
 * with the configured probability, booked now (in this interval's series) and credited to auto-save.
 * It is not a new arriving session (the session log has one record per arrival; the visit that left
 * carries the return's time), and its order counts towards no chat, holdout or rescue figure (those
 * describe the visit that left).
 */
export function returnVisit(world: StoreWorld, shopper: Shopper): void {
  const { recorder } = world;
  recorder.autoSave.returns++;
  if (shopper.stream(AUTO_SAVE).next() >= world.config.funnel.autoSave.finishProbability) return;
  const value = bookOrder(world, shopper, shopper.signals.cartValue);
  recorder.autoSave.orders++;
  recorder.autoSave.revenue += value;
}

/**
 * The cart as the shopper takes it to checkout: a shopper just below the free-shipping threshold
 * may add an item to reach it (drawn from the padding stream only then, so other draws never shift).
 */
function fillCart(world: StoreWorld, shopper: Shopper, cartValue: number): number {
  const { recorder } = world;
  const pricing = world.config.pricing;
  if (cartValue >= pricing.freeShippingThreshold) return cartValue;
  shopper.belowThreshold = true;
  recorder.cartsBelowThreshold++;
  if (!withinPaddingReach(cartValue, pricing)) return cartValue;
  recorder.cartsWithinReach++;
  const padding = shopper.stream(PADDING);
  if (padding.next() >= pricing.thresholdPadding.probability) return cartValue;
  shopper.padded = true;
  recorder.paddedCarts++;
  return paddedCartValue(cartValue, pricing.freeShippingThreshold, padding.next());
}

/** Runs one step; returns the reason index if the shopper leaves there, else −1. */
function* checkoutStep(world: StoreWorld, shopper: Shopper, step: number, extra: number): Gen<number> {
  const { config, recorder, env } = world;
  const plan = world.steps[step];
  const segment = shopper.segment;
  const { friction, hesitation, inlineHelp } = config.funnel;
  enterPage(shopper, plan.name);
  recorder.reach(step);

  const fields = step === CART ? [] : config.funnel.steps[step - 2].fields;
  const errorScale = inlineHelp.enabled ? 1 - inlineHelp.errorReduction : 1;
  const errors = drawFormErrors(shopper.stream(FRICTION), fields, segment.techComfort, friction.fixProbability, errorScale);
  shopper.signals.formErrors += errors;
  recorder.formErrors += errors;
  // One confusion draw per form step, whatever the errors, so the stream stays aligned across variants.
  const confusedHere = fields.length > 0 && shopper.stream(FORM).next() < confusionProbability(errors, friction.confusion.probabilityPerError);
  if (confusedHere && !shopper.signals.confusion) {
    shopper.signals.confusion = true;
    recorder.confusedShoppers++;
  }

  const reason = drawStepReason(world, shopper, step, errors, confusedHere, extra);

  // Filling the form is active time (not idle): the page itself, then every field's typing (and
  // reading its inline help). The errors' time comes later, idle.
  const fillSeconds =
    Math.max(0, world.draw(plan.fillSeconds, shopper.stream(JOURNEY))) + typingSeconds(fields, inlineHelp.enabled ? inlineHelp.readingSecondsPerField : 0);
  const filling = pass(env, shopper, fillSeconds);
  if (filling !== null) yield filling;
  shopper.signals.timeOnSiteSeconds += fillSeconds;
  shopper.signals.idleSeconds = 0;
  // Errors cost idle time (reading the message, finding the field), and confusion a pause on top.
  const frictionIdleSeconds =
    errors * friction.secondsPerError + (confusedHere ? Math.max(0, world.draw(world.confusionPauseSeconds, shopper.stream(FORM))) : 0);

  const hesitationStream = shopper.stream(HESITATION);
  const helpDraw = hesitationStream.next();
  const helpAvailable = !shopper.holdout && reactiveAvailable(config.chat.policy, plan.name);
  if (errors > 0 && helpAvailable && reason < 0 && helpDraw < 1 - (1 - friction.helpProbabilityPerError) ** errors) {
    // Stuck on the form but not leaving: asks for help and waits for it.
    recorder.reactiveRequests++;
    yield* requestChat(world, shopper, { kind: "reactive" }, -1, true);
  }

  if (reason < 0) {
    const pauses = hesitationStream.next() < hesitation.pauseProbability;
    const pause = pauses ? Math.max(0, world.draw(world.pauseSeconds, hesitationStream)) : 0;
    if (frictionIdleSeconds + pause <= 0 || passesQuietly(world, shopper, frictionIdleSeconds + pause)) return -1;
    const outcome = yield* idleWindow(world, shopper, {
      durationSeconds: frictionIdleSeconds + pause,
      hesitatingReason: -1,
      helpAtSeconds: -1,
      exitIntentAtEnd: false,
    });
    return outcome === ANNOYED ? ANNOYED_BY_CHAT : -1;
  }

  // About to leave: the errors' idle time, then lingering (the window in which chat can help).
  // Just-browsing shoppers do not ask for help.
  const linger = frictionIdleSeconds + Math.max(0, world.draw(world.lingerSeconds, hesitationStream));
  const helpFraction = hesitationStream.next();
  const exitIntent = hesitationStream.next() < hesitation.exitIntentProbability[segment.device];
  const asksForHelp = helpAvailable && reason !== JUST_BROWSING && helpDraw < segment.helpProbability;
  const outcome = yield* idleWindow(world, shopper, {
    durationSeconds: linger,
    hesitatingReason: reason,
    helpAtSeconds: asksForHelp ? helpFraction * linger : -1,
    exitIntentAtEnd: exitIntent,
  });
  if (outcome === RESCUED) {
    shopper.rescued = true;
    return -1;
  }
  if (outcome === LEFT || outcome === STAYED) return reason;
  return ANNOYED_BY_CHAT;
}

/**
 * The reason the shopper leaves at `step` (its index), or −1: the step's hazards with the cart page's
 * just-browsing multiplier, sticker shock at the reveal, the hidden total, and the form's friction.
 */
function drawStepReason(world: StoreWorld, shopper: Shopper, step: number, errors: number, confusedHere: boolean, extra: number): number {
  const plan = world.steps[step];
  const segment = shopper.segment;
  const { friction, stickerShock } = world.config.funnel;
  // The world's scratch array, not a copy per step (typed-array allocations are costly): it is
  // read only by drawAbandonment below, before the step's first wait.
  const hazards = world.stepHazards;
  hazards.set(plan.baseHazards);
  if (step === CART) hazards[JUST_BROWSING] = Math.min(1, hazards[JUST_BROWSING] * segment.justBrowsingMultiplier);
  if (plan.isRevealStep) {
    hazards[EXTRA_COSTS] = combine(
      hazards[EXTRA_COSTS],
      stickerShockHazard(shopper.signals.cartValue, extra, stickerShock.sensitivity, segment.priceSensitivity),
    );
  }
  // "Total not visible up front" exists only while the total is hidden.
  if (plan.totalHidden) hazards[TOTAL_HIDDEN] = combine(hazards[TOTAL_HIDDEN], stickerShock.hiddenTotalHazardPerStep);
  else hazards[TOTAL_HIDDEN] = 0;
  if (errors > 0) {
    const frictionHazard = Math.min(1, errors * friction.hazardPerError * (1 - segment.techComfort / 2));
    hazards[TOO_COMPLICATED] = combine(hazards[TOO_COMPLICATED], frictionHazard);
  }
  if (confusedHere) hazards[TOO_COMPLICATED] = combine(hazards[TOO_COMPLICATED], friction.confusion.hazard);
  return drawAbandonment(shopper.stream(JOURNEY), hazards);
}

function enterPage(shopper: Shopper, step: string): void {
  const signals = shopper.signals;
  signals.step = step;
  signals.pageViews++;
  signals.idleSeconds = 0;
  shopper.visit = onPageChange(shopper.visit);
}

/** Probability of either of two independent hazards. */
function combine(a: number, b: number): number {
  return 1 - (1 - a) * (1 - b);
}

function leave(world: StoreWorld, shopper: Shopper, step: number, reason: number): void {
  if (step >= 0) world.recorder.abandon(step, reason);
  endSession(world, shopper, reason >= 0 ? ABANDONMENT_REASONS[reason] : "bounce");
}

function endSession(world: StoreWorld, shopper: Shopper, outcome: string): void {
  world.recorder.sessionSeconds.add(world.env.now - shopper.arrivedAtSeconds);
  shopper.ended = true;
  if (shopper.chatted) world.recorder.chattedSessions++;
  if (shopper.holdout) world.recorder.holdoutSessions++;
  world.onSession?.(sessionRecord(world, shopper, outcome));
}

function sessionRecord(world: StoreWorld, shopper: Shopper, outcome: string): SessionRecord {
  const signals = shopper.signals;
  return {
    id: shopper.id,
    segment: shopper.segment.name,
    arrivedAtSeconds: shopper.arrivedAtSeconds,
    endedAtSeconds: world.env.now,
    step: signals.step,
    outcome,
    cartValue: signals.cartValue,
    pageViews: signals.pageViews,
    formErrors: signals.formErrors,
    confused: signals.confusion,
    autoSaveReturnAtSeconds: shopper.autoSaveReturnAtSeconds,
    invitations: shopper.visit.invitationsThisVisit,
    chatted: shopper.chatted,
    rescued: shopper.rescued,
    holdout: shopper.holdout,
  };
}

function placeOrder(world: StoreWorld, shopper: Shopper, cartValue: number): void {
  const { recorder } = world;
  const value = bookOrder(world, shopper, shopper.chatted ? cartValue * (1 + world.config.chat.orderValueUplift) : cartValue);
  if (shopper.belowThreshold) recorder.ordersBelowThreshold++;
  if (shopper.padded) recorder.paddedOrders++;
  if (shopper.chatted) recorder.chattedOrders++;
  if (shopper.holdout) recorder.holdoutOrders++;
  if (shopper.rescued) {
    world.chat.creditRescuedOrder(shopper.rescuedBy);
    recorder.rescuedOrders++;
    recorder.rescuedRevenue += value;
    const byClass = recorder.rescuedByClass[shopper.rescuedHighValue ? 0 : 1];
    byClass.orders++;
    byClass.revenue += value;
    recorder.series.add("rescuedOrders", recorder.interval(world.env.now), 1);
  }
  endSession(world, shopper, "order");
}

/** Books an order of `value` now: the counts, revenue and charges every order carries; returns the value. */
function bookOrder(world: StoreWorld, shopper: Shopper, value: number): number {
  const { recorder, env } = world;
  const interval = recorder.interval(env.now);
  recorder.orders++;
  recorder.countGroup(recorder.ordersByGroup, world.segments[shopper.segmentIndex].deviceIndex, shopper.signals.returningVisitor);
  recorder.revenue += value;
  recorder.orderValues.add(value);
  recorder.series.add("orders", interval, 1);
  recorder.series.add("revenue", interval, value);
  const pricing = world.config.pricing;
  const shipping = shippingCharge(value, pricing);
  recorder.shippingCharged += shipping;
  recorder.taxCharged += value * pricing.taxRate;
  recorder.feesCharged += pricing.fixedFee;
  if (value >= pricing.freeShippingThreshold) recorder.freeShippedOrders++;
  return value;
}
