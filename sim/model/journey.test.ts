// Friction in a shopper's visit, checked against the model's own closed forms. One checkout step,
// "payment", with two fields; techComfort 0.5 keeps the configured error chances and fixProbability 1
// makes an erring field cost exactly one error, so the number of errors K is a sum of two Bernoullis:
//   P(K = 1) = p1 (1 − p2) + (1 − p1) p2,  P(K = 2) = p1 p2,
// and a shopper is confused with P(K = 1) c + P(K = 2) (1 − (1 − c)²) (each error confuses with c).

import { describe, expect, it } from "vitest";
import { resolvePolicy } from "../policy/index.ts";
import type { FieldConfig, FunnelConfig, StoreModelConfig } from "./config.ts";
import type { SessionRecord } from "./StoreWorld.ts";
import { simulateStore } from "./simulateStore.ts";
import { CART_SECONDS, DWELL_SECONDS, PATIENCE_SECONDS as PATIENCE, PAYMENT_FILL_SECONDS, tinyStore } from "./testTinyStore.ts";

const SESSIONS_PER_DAY = 20_000;
const SECONDS_PER_ERROR = 10;
const CONFUSION_PAUSE_SECONDS = 15;
const CARD: FieldConfig = { name: "cardNumber", errorProbability: 0.4, typingSeconds: 6 };
const EXPIRY: FieldConfig = { name: "expiry", errorProbability: 0.25, typingSeconds: 4 };
const CONFUSION_PER_ERROR = 0.5;
const NO_RULES = resolvePolicy({ name: "no-chat", reactive: { enabled: false } });

/** P(confused) by hand from the two fields' error chances (scaled by `scale`) and c. */
function confusedProbability(scale: number, c = CONFUSION_PER_ERROR): number {
  const [p1, p2] = [CARD.errorProbability * scale, EXPIRY.errorProbability * scale];
  const one = p1 * (1 - p2) + (1 - p1) * p2;
  const two = p1 * p2;
  return one * c + two * (1 - (1 - c) ** 2);
}

/** The tiny store with a two-field payment step and no reason to leave but confusion. */
function formStore(
  funnel: Partial<Pick<FunnelConfig, "inlineHelp" | "autoSave">> & { confusionHazard?: number; fields?: FieldConfig[] } = {},
): StoreModelConfig {
  const base = tinyStore("step == cart and idleSeconds >= 1", 0);
  return {
    ...base,
    sessionRatesPerSecond: base.sessionRatesPerSecond.map(() => SESSIONS_PER_DAY / 86400),
    funnel: {
      ...base.funnel,
      steps: [{ ...base.funnel.steps[0], fields: funnel.fields ?? [CARD, EXPIRY], hazards: {} }],
      friction: {
        secondsPerError: SECONDS_PER_ERROR,
        hazardPerError: 0,
        helpProbabilityPerError: 0,
        fixProbability: 1,
        confusion: {
          probabilityPerError: CONFUSION_PER_ERROR,
          hazard: funnel.confusionHazard ?? 0,
          pauseSeconds: { kind: "constant", value: CONFUSION_PAUSE_SECONDS },
        },
      },
      inlineHelp: funnel.inlineHelp ?? { enabled: false, errorReduction: 0, readingSecondsPerField: 0 },
      autoSave: funnel.autoSave ?? {
        enabled: false,
        returnProbability: 0,
        returnDelaySeconds: { kind: "constant", value: 0 },
        finishProbability: 1,
        costPerSession: 0,
      },
    },
    chat: { ...base.chat, policy: NO_RULES },
  };
}

function run(config: StoreModelConfig): { results: ReturnType<typeof simulateStore>; sessions: SessionRecord[] } {
  const sessions: SessionRecord[] = [];
  const results = simulateStore(config, { seed: 11, onSession: (record) => sessions.push(record) });
  return { results, sessions };
}

/** |observed share − p| within 4 binomial standard errors over n trials (at least `minimumTrials` of them). */
function expectShare(count: number, n: number, p: number, label: string, minimumTrials = 10_000): void {
  expect(n).toBeGreaterThan(minimumTrials);
  expect(Math.abs(count / n - p), `${label}: ${count}/${n} vs ${p}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
}

const seconds = (record: SessionRecord) => record.endedAtSeconds - record.arrivedAtSeconds;

describe("startVisit: form errors, confusion and the friction levers", () => {
  it("confused shoppers ÷ checkouts is P(K = 1)·c + P(K = 2)·(1 − (1 − c)²) = 0.3 for fields at 0.4 and 0.25, c = 0.5", () => {
    expect(confusedProbability(1)).toBeCloseTo(0.3, 12);
    const { results, sessions } = run(formStore());
    expectShare(results.friction.confusedShoppers, results.funnel.checkoutStarts, 0.3, "confused");
    expect(sessions.filter((record) => record.confused).length).toBe(results.friction.confusedShoppers);
    // Nobody is confused without an error.
    expect(sessions.filter((record) => record.confused && record.formErrors === 0)).toEqual([]);
    expect(results.friction.confusedShareOfCheckouts).toBe(results.friction.confusedShoppers / results.funnel.checkoutStarts);
  });

  it("confusion hazard 0.4: a share 0.3 × 0.4 = 0.12 of checkouts leave as 'too long or complicated', all of them confused", () => {
    const { results, sessions } = run(formStore({ confusionHazard: 0.4 }));
    const left = results.abandonment.byReason.checkoutTooLongOrComplicated;
    expectShare(left, results.funnel.checkoutStarts, 0.12, "left confused");
    expect(sessions.filter((record) => record.outcome === "checkoutTooLongOrComplicated").every((record) => record.confused)).toBe(true);
  });

  it("auto-save: extra orders = leavers × 0.5 return × 0.8 finish × P(exponential delay, mean T/2, before the horizon) = 1 − ½(1 − e⁻²) for uniform leaving times", () => {
    const autoSave = {
      enabled: true,
      returnProbability: 0.5,
      returnDelaySeconds: { kind: "exponential", mean: 43_200 },
      finishProbability: 0.8,
      costPerSession: 0.01,
    } as const;
    const without = run(formStore({ confusionHazard: 0.4 }));
    const { results, sessions } = run(formStore({ confusionHazard: 0.4, autoSave }));
    const leavers = results.abandonment.byReason.checkoutTooLongOrComplicated;
    // The visits that left are the same shoppers with or without auto-save (its draws have their own stream).
    expect(leavers).toBe(without.results.abandonment.byReason.checkoutTooLongOrComplicated);
    expect(results.funnel.orders - without.results.funnel.orders).toBe(results.friction.autoSaveOrders);
    // Arrivals are uniform over the day and a visit lasts about a minute, so leaving times are uniform on
    // [0, T]: P(return before T) = (1/T) ∫ (1 − e^{−(T − t)/μ}) dt = 1 − (μ/T)(1 − e^{−T/μ}), here μ = T/2.
    const beforeHorizon = 1 - 0.5 * (1 - Math.exp(-2));
    // About 2,400 leavers: 4 standard errors of the share are ±0.034.
    expectShare(results.friction.autoSaveOrders, leavers, 0.5 * 0.8 * beforeHorizon, "auto-save orders", 2000);
    expectShare(results.friction.autoSaveReturns, leavers, 0.5 * beforeHorizon, "returns", 2000);
    expectShare(results.friction.autoSaveReturns + results.friction.autoSaveReturnsAfterHorizon, leavers, 0.5, "returns drawn", 2000);
    expect(results.friction.autoSaveRevenue).toBeCloseTo(80 * results.friction.autoSaveOrders, 6);
    // Booked when the return visit happens: one record per arrival, the leaver's says when they come
    // back, and the interval series counts each order at its own time (leavers' returns at theirs).
    const returning = sessions.filter((record) => record.autoSaveReturnAtSeconds !== null);
    expect(returning.length).toBe(results.friction.autoSaveReturns);
    expect(sessions.length).toBe(results.funnel.sessions);
    expect(returning.every((record) => record.outcome === "checkoutTooLongOrComplicated" && record.step === "payment")).toBe(true);
    expect(returning.every((record) => record.autoSaveReturnAtSeconds! >= record.endedAtSeconds && record.autoSaveReturnAtSeconds! <= 86_400)).toBe(true);
    const byInterval = new Array(24).fill(0);
    for (const record of sessions.filter((entry) => entry.outcome === "order")) byInterval[Math.min(23, Math.floor(record.endedAtSeconds / 3600))]++;
    const visitOrders = byInterval.reduce((sum, count) => sum + count, 0);
    expect(results.funnel.orders - visitOrders).toBe(results.friction.autoSaveOrders);
    // Each interval holds at least its visits' orders, and the return orders land later in the day than the leaving.
    results.intervals.orders.forEach((count, hour) => {
      expect(count).toBeGreaterThanOrEqual(byInterval[hour]);
    });
    const returnOrdersBy = (hour: number) =>
      results.intervals.orders.slice(0, hour + 1).reduce((sum, count) => sum + count, 0) - byInterval.slice(0, hour + 1).reduce((sum, count) => sum + count, 0);
    const returnsBy = (hour: number) => returning.filter((record) => record.autoSaveReturnAtSeconds! < (hour + 1) * 3600).length;
    for (const hour of [5, 11, 17, 23]) expect(returnOrdersBy(hour)).toBeLessThanOrEqual(returnsBy(hour));
    expect(returnOrdersBy(11)).toBeLessThan(returnOrdersBy(23));
    // Its price is charged per session, and contribution profit carries it.
    expect(results.profit.autoSaveCost).toBeCloseTo(0.01 * results.funnel.sessions, 9);
  });

  it("auto-save with every return after the horizon (a constant 2-day delay) adds no order; switched off, its settings change no byte", () => {
    const base = run(formStore({ confusionHazard: 0.4 }));
    const late = run(
      formStore({
        confusionHazard: 0.4,
        autoSave: { enabled: true, returnProbability: 1, returnDelaySeconds: { kind: "constant", value: 2 * 86_400 }, finishProbability: 1, costPerSession: 0 },
      }),
    );
    expect(late.results.friction.autoSaveReturns).toBe(0);
    expect(late.results.friction.autoSaveReturnsAfterHorizon).toBe(base.results.abandonment.byReason.checkoutTooLongOrComplicated);
    expect(late.results.funnel.orders).toBe(base.results.funnel.orders);
    const off = run(
      formStore({
        confusionHazard: 0.4,
        autoSave: { enabled: false, returnProbability: 1, returnDelaySeconds: { kind: "exponential", mean: 60 }, finishProbability: 1, costPerSession: 1 },
      }),
    );
    expect(JSON.stringify(off.results)).toBe(JSON.stringify(base.results));
    expect(JSON.stringify(off.sessions)).toBe(JSON.stringify(base.sessions));
  });

  it("inline help cutting errors by half confuses P(K)-weighted 0.15625 of checkouts, and never a shopper who was calm without it", () => {
    expect(confusedProbability(0.5)).toBeCloseTo(0.15625, 12);
    const without = run(formStore());
    const withHelp = run(formStore({ inlineHelp: { enabled: true, errorReduction: 0.5, readingSecondsPerField: 2 } }));
    expectShare(withHelp.results.friction.confusedShoppers, withHelp.results.funnel.checkoutStarts, 0.15625, "confused with help");
    // Common random numbers: the same shoppers, the same draws; help only spares errors.
    const calmWithout = new Set(without.sessions.filter((record) => !record.confused).map((record) => record.id));
    expect(withHelp.sessions.length).toBe(without.sessions.length);
    expect(withHelp.sessions.filter((record) => record.confused && calmWithout.has(record.id))).toEqual([]);
  });

  it("every session lasts browse + cart + page + typing (6 + 4 s) + 10 s per error idle + a 15 s pause if confused, to the microsecond", () => {
    const { sessions } = run(formStore());
    expect(sessions.some((record) => record.formErrors === 2 && record.confused)).toBe(true);
    for (const record of sessions) {
      const expected =
        DWELL_SECONDS + CART_SECONDS + PAYMENT_FILL_SECONDS + 10 + SECONDS_PER_ERROR * record.formErrors + (record.confused ? CONFUSION_PAUSE_SECONDS : 0);
      expect(Math.abs(seconds(record) - expected), `shopper ${record.id}`).toBeLessThan(1e-6);
    }
  });

  it("a field that never errs still costs its typing time: 7 s on every session, and inline help 2 s more to read", () => {
    const never: FieldConfig = { name: "checkoutAs", errorProbability: 0, typingSeconds: 7 };
    const page = DWELL_SECONDS + CART_SECONDS + PAYMENT_FILL_SECONDS;
    const cases: [StoreModelConfig, number][] = [
      [formStore({ fields: [] }), page],
      [formStore({ fields: [never] }), page + 7],
      [formStore({ fields: [never], inlineHelp: { enabled: true, errorReduction: 0.22, readingSecondsPerField: 2 } }), page + 9],
    ];
    for (const [config, expected] of cases) {
      const { results, sessions } = run(config);
      expect(results.funnel.orders).toBe(results.funnel.sessions);
      expect(results.friction.formErrors).toBe(0);
      for (const record of sessions) expect(Math.abs(seconds(record) - expected), `shopper ${record.id}`).toBeLessThan(1e-6);
    }
  });

  it("a policy rule `confusion == true and step == payment` invites exactly the confused shoppers, once each", () => {
    const base = formStore({ confusionHazard: 0.4 });
    const config: StoreModelConfig = {
      ...base,
      // Invitations are declined and annoy nobody, so they change no outcome.
      segments: [{ ...base.segments[0], chatOpenness: 0, invitationSensitivity: 0 }],
      chat: {
        ...base.chat,
        policy: resolvePolicy({
          name: "confused-on-payment",
          reactive: { enabled: false },
          rules: [{ name: "confused", when: "confusion == true and step == payment" }],
        }),
      },
    };
    const { results, sessions } = run(config);
    expect(results.friction.confusedShoppers).toBeGreaterThan(2000);
    expect(results.invitations.offered).toBe(results.friction.confusedShoppers);
    for (const record of sessions) expect(record.invitations, `shopper ${record.id}`).toBe(record.confused ? 1 : 0);
    // Confused shoppers about to leave were invited while hesitating.
    expect(results.invitations.toHesitatingShoppers).toBe(results.abandonment.byReason.checkoutTooLongOrComplicated);
  });
});

// Hand cases on the tiny store (testTinyStore.ts): constant dwell, cart and fill times, one payment
// step, no agents online. Each config makes every session's path and length known in advance.
describe("startVisit: hand-built sessions whose path and length are known", () => {
  const REACTIVE_ONLY = resolvePolicy({ name: "help-button", reactive: { enabled: true }, rules: [] });
  const PAGE_SECONDS = DWELL_SECONDS + CART_SECONDS + PAYMENT_FILL_SECONDS;

  /** The tiny store at `sessionsPerDay`, with `change` applied to a copy of its parts. */
  function store(
    condition: string | null,
    paymentHazard: number,
    change: (config: StoreModelConfig) => StoreModelConfig = (config) => config,
    sessionsPerDay = 400,
  ): StoreModelConfig {
    const base = tinyStore(condition ?? "step == payment and idleSeconds >= 30", paymentHazard);
    return change({
      ...base,
      sessionRatesPerSecond: base.sessionRatesPerSecond.map(() => sessionsPerDay / 86400),
      chat: condition === null ? { ...base.chat, policy: NO_RULES } : base.chat,
    });
  }
  const segment = (config: StoreModelConfig, fields: Partial<StoreModelConfig["segments"][number]>): StoreModelConfig => ({
    ...config,
    segments: [{ ...config.segments[0], ...fields }],
  });
  const funnel = (config: StoreModelConfig, fields: Partial<FunnelConfig>): StoreModelConfig => ({ ...config, funnel: { ...config.funnel, ...fields } });
  const paymentFields = (config: StoreModelConfig, fields: FieldConfig[], hazards = config.funnel.steps[0].hazards): StoreModelConfig =>
    funnel(config, { steps: [{ ...config.funnel.steps[0], fields, hazards }] });

  it("no cart: each visit browses its 3 pages (the last a product page) for 30 s and bounces, with or without trigger rules", () => {
    for (const condition of [null, "step == payment and idleSeconds >= 30"]) {
      const { results, sessions } = run(
        store(condition, 0, (config) => segment(config, { addToCartProbability: 0, pageViews: { kind: "constant", value: 3 } })),
      );
      expect(sessions.length).toBeGreaterThan(300);
      expect(results.funnel.carts).toBe(0);
      for (const record of sessions) {
        expect(record.outcome).toBe("bounce");
        expect(record.step).toBe("product");
        expect(record.pageViews).toBe(3);
        expect(Math.abs(seconds(record) - 3 * DWELL_SECONDS), `shopper ${record.id}`).toBeLessThan(1e-9);
      }
      expect(Object.values(results.abandonment.byReason).every((count) => count === 0)).toBe(true);
      expect(results.meanSessionSeconds).toBeCloseTo(30, 9);
    }
  });

  it("a page-view draw that rounds to 0 still shows one page, the browse page, with or without trigger rules", () => {
    for (const condition of [null, "step == payment and idleSeconds >= 30"]) {
      const { sessions } = run(store(condition, 0, (config) => segment(config, { addToCartProbability: 0, pageViews: { kind: "constant", value: 0.2 } })));
      expect(sessions.length).toBeGreaterThan(300);
      for (const record of sessions) {
        expect(record.pageViews).toBe(1);
        expect(record.step).toBe("browse");
      }
    }
  });

  it("a rule on product pages (`step == product and idleSeconds >= 4`) invites on page 2 at 14 s; a shopper who declines and is annoyed leaves there", () => {
    const { results, sessions } = run(
      store("step == product and idleSeconds >= 4", 0, (config) =>
        segment(config, { pageViews: { kind: "constant", value: 3 }, chatOpenness: 0, invitationSensitivity: 1 }),
      ),
    );
    expect(sessions.length).toBeGreaterThan(300);
    for (const record of sessions) {
      expect(record.outcome).toBe("annoyedByChat");
      expect(record.step).toBe("product");
      expect(record.pageViews).toBe(2);
      expect(record.invitations).toBe(1);
      expect(Math.abs(seconds(record) - (DWELL_SECONDS + 4)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
    expect(results.abandonment.byReason.annoyedByChat).toBe(sessions.length);
    expect(results.funnel.steps[0].byReason.annoyedByChat).toBe(sessions.length);
    expect(results.invitations.annoyedExits).toBe(sessions.length);
    expect(results.invitations.toHesitatingShoppers).toBe(0);
    expect(results.invitations.reactiveRequests).toBe(0);
    expect(results.funnel.carts).toBe(0);
  });

  it("a product-page invitation declined without annoyance: every page is seen, 30 s of browsing, then the cart and the order", () => {
    const { results, sessions } = run(
      store("step == product and idleSeconds >= 4", 0, (config) =>
        segment(config, { pageViews: { kind: "constant", value: 3 }, chatOpenness: 0, invitationSensitivity: 0 }),
      ),
    );
    for (const record of sessions) {
      expect(record.outcome).toBe("order");
      // Three browsing pages, the cart and payment.
      expect(record.pageViews).toBe(5);
      expect(record.invitations).toBeGreaterThanOrEqual(1);
      expect(Math.abs(seconds(record) - (PAGE_SECONDS + 2 * DWELL_SECONDS)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
    expect(results.funnel.orders).toBe(sessions.length);
  });

  it("time on site counts browsing, the cart and the form: a rule at timeOnSiteSeconds >= 40 fires 5 s into payment's idle (10 + 5 + 20 = 35 s before it)", () => {
    const { results, sessions } = run(store("step == payment and timeOnSiteSeconds >= 40", 1));
    expect(sessions.length).toBeGreaterThan(300);
    for (const record of sessions) {
      expect(record.invitations).toBe(1);
      expect(record.outcome).toBe("cardDeclined");
      // Invited at 40 s, accepted, waited out the patience with no agent online, left.
      expect(Math.abs(seconds(record) - (40 + PATIENCE)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
    expect(results.invitations.accepted).toBe(sessions.length);
  });

  it("every cart of 80 within reach of a 100 threshold (reach 30%) is padded at padding probability 1: orders land in [100, 120) and ship free", () => {
    const padded = (probability: number, cartValue: number) =>
      store(null, 0, (config) =>
        segment(
          {
            ...config,
            pricing: { ...config.pricing, freeShippingThreshold: 100, shippingFee: 5, thresholdPadding: { probability, reachShare: 0.3 } },
          },
          { cartValue: { kind: "constant", value: cartValue } },
        ),
      );
    const all = run(padded(1, 80));
    const shipping = all.results.freeShipping;
    expect(all.results.funnel.orders).toBe(all.sessions.length);
    expect(shipping.cartsBelowThreshold).toBe(all.results.funnel.carts);
    expect(shipping.cartsWithinReach).toBe(all.results.funnel.carts);
    expect(shipping.paddedCarts).toBe(all.results.funnel.carts);
    expect(shipping.ordersBelowThreshold).toBe(all.results.funnel.orders);
    expect(shipping.paddedOrders).toBe(all.results.funnel.orders);
    expect(shipping.freeShippedOrders).toBe(all.results.funnel.orders);
    for (const record of all.sessions) {
      expect(record.cartValue).toBeGreaterThanOrEqual(100);
      expect(record.cartValue).toBeLessThan(120);
    }
    // Out of reach (50 < 70): below the threshold, never padded, never free.
    const far = run(padded(1, 50)).results.freeShipping;
    expect(far.cartsBelowThreshold).toBeGreaterThan(300);
    expect([far.cartsWithinReach, far.paddedCarts, far.paddedOrders, far.freeShippedOrders]).toEqual([0, 0, 0, 0]);
    // Padding probability 0.5: half the carts within reach, within 4 standard errors.
    const half = run(padded(0.5, 80)).results.freeShipping;
    expect(half.cartsWithinReach).toBeGreaterThan(300);
    expect(Math.abs(half.paddedCarts / half.cartsWithinReach - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / half.cartsWithinReach));
    expect(half.freeShippedOrders).toBe(half.paddedOrders);
  });

  it("a form error with help probability 1 per error asks for help (reactive): it waits out its 40 s patience with no agent, then orders", () => {
    const erring: FieldConfig = { name: "card", errorProbability: 1, typingSeconds: 0 };
    const withHelp = (perError: number, hazard: number) =>
      store(null, hazard, (config) => {
        const withField = paymentFields({ ...config, chat: { ...config.chat, policy: REACTIVE_ONLY } }, [erring]);
        return funnel(withField, { friction: { ...withField.funnel.friction, helpProbabilityPerError: perError } });
      });
    const asked = run(withHelp(1, 0));
    expect(asked.results.invitations.reactiveRequests).toBe(asked.results.funnel.checkoutStarts);
    expect(asked.results.friction.formErrors).toBe(asked.results.funnel.checkoutStarts);
    for (const record of asked.sessions) {
      expect(record.outcome).toBe("order");
      expect(Math.abs(seconds(record) - (PAGE_SECONDS + PATIENCE)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
    // Per-error help probability 0: nobody asks.
    const never = run(withHelp(0, 0));
    expect(never.results.invitations.reactiveRequests).toBe(0);
    for (const record of never.sessions) expect(Math.abs(seconds(record) - PAGE_SECONDS), `shopper ${record.id}`).toBeLessThan(1e-9);
    // About to leave (hazard 1) with helpProbability 0: the form errors' help request is not asked; they linger 120 s and leave.
    const leaving = run(withHelp(1, 1));
    expect(leaving.results.invitations.reactiveRequests).toBe(0);
    for (const record of leaving.sessions) {
      expect(record.outcome).toBe("cardDeclined");
      expect(Math.abs(seconds(record) - (PAGE_SECONDS + 120)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
  });

  it("pause probability 1 with a 7 s pause: a shopper who carries on pauses 7 s on the cart and on payment", () => {
    const pausing = (condition: string | null, change: (config: StoreModelConfig) => StoreModelConfig = (config) => config) =>
      store(condition, 0, (config) =>
        change(funnel(config, { hesitation: { ...config.funnel.hesitation, pauseProbability: 1, pauseSeconds: { kind: "constant", value: 7 } } })),
      );
    const { sessions } = run(pausing(null));
    for (const record of sessions) {
      expect(record.outcome).toBe("order");
      expect(Math.abs(seconds(record) - (PAGE_SECONDS + 14)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
    // A rule for the cart's idle time fires 3 s into the pause; the shopper (not hesitating) declines and leaves annoyed.
    const annoyed = run(pausing("step == cart and idleSeconds >= 3", (config) => segment(config, { chatOpenness: 0, invitationSensitivity: 1 })));
    expect(annoyed.results.abandonment.byReason.annoyedByChat).toBe(annoyed.sessions.length);
    expect(annoyed.results.invitations.toHesitatingShoppers).toBe(0);
    for (const record of annoyed.sessions) {
      expect(record.outcome).toBe("annoyedByChat");
      expect(record.step).toBe("cart");
      expect(Math.abs(seconds(record) - (DWELL_SECONDS + CART_SECONDS + 3)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
    // Declined without annoyance: the pause runs out and the shopper orders.
    const calm = run(pausing("step == cart and idleSeconds >= 3", (config) => segment(config, { chatOpenness: 0, invitationSensitivity: 0 })));
    for (const record of calm.sessions) {
      expect(record.outcome).toBe("order");
      expect(record.invitations).toBe(1);
      expect(Math.abs(seconds(record) - (PAGE_SECONDS + 14)), `shopper ${record.id}`).toBeLessThan(1e-9);
    }
  });

  it("one certain error at hazard 0.5 per error and tech comfort 0.5 makes 0.5 × (1 − 0.25) = 0.375 of checkouts leave as too complicated", () => {
    const erring: FieldConfig = { name: "card", errorProbability: 1, typingSeconds: 0 };
    const config = store(
      null,
      0,
      (base) => {
        const withField = paymentFields(base, [erring]);
        return funnel(withField, { friction: { ...withField.funnel.friction, hazardPerError: 0.5 } });
      },
      6000,
    );
    const { results } = run(config);
    const n = results.funnel.checkoutStarts;
    expect(n).toBeGreaterThan(5000);
    const left = results.abandonment.byReason.checkoutTooLongOrComplicated;
    expect(Math.abs(left / n - 0.375), `${left}/${n}`).toBeLessThan(4 * Math.sqrt((0.375 * 0.625) / n));
  });

  it("the total revealed on the cart with 20 of shipping on 80 (sensitivity 1): a share 1 − e^(−20/80) of carts leave for extra costs, at the cart", () => {
    const config = store(
      null,
      0,
      (base) => ({
        ...base,
        pricing: { ...base.pricing, showTotalUpfront: true, shippingFee: 20 },
        funnel: { ...base.funnel, stickerShock: { sensitivity: 1, hiddenTotalHazardPerStep: 0.5 } },
      }),
      4000,
    );
    const { results } = run(config);
    const carts = results.funnel.carts;
    const left = results.abandonment.byReason.extraCostsTooHigh;
    const p = 1 - Math.exp(-0.25);
    expect(carts).toBeGreaterThan(3500);
    expect(Math.abs(left / carts - p), `${left}/${carts}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / carts));
    expect(results.funnel.steps[1].byReason).toEqual({ extraCostsTooHigh: left });
    // Shown up front, the total is never hidden: its hazard never applies.
    expect(results.abandonment.byReason.totalNotVisibleUpfront).toBe(0);
    expect(results.funnel.orders).toBe(carts - left);
  });

  it("a total never revealed, 0.1 per step: the cart and payment each lose 0.1, so 1 − 0.9² = 0.19 of carts leave for it", () => {
    const config = store(null, 0, (base) => ({ ...base, funnel: { ...base.funnel, stickerShock: { sensitivity: 5, hiddenTotalHazardPerStep: 0.1 } } }), 4000);
    const { results } = run(config);
    const carts = results.funnel.carts;
    const left = results.abandonment.byReason.totalNotVisibleUpfront;
    expect(Math.abs(left / carts - 0.19), `${left}/${carts}`).toBeLessThan(4 * Math.sqrt((0.19 * 0.81) / carts));
    // No reveal, so no sticker shock whatever the sensitivity.
    expect(results.abandonment.byReason.extraCostsTooHigh).toBe(0);
    const atCart = results.funnel.steps[1].byReason.totalNotVisibleUpfront ?? 0;
    expect(Math.abs(atCart / carts - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / carts));
  });

  it("the help button and the form's help need reactive chat: with it off, nobody asks, whatever the help probabilities", () => {
    const erring: FieldConfig = { name: "card", errorProbability: 1, typingSeconds: 0 };
    for (const hazard of [0, 1]) {
      const config = store(null, hazard, (base) => {
        const withField = segment(paymentFields(base, [erring]), { helpProbability: 1 });
        return funnel(withField, { friction: { ...withField.funnel.friction, helpProbabilityPerError: 1 } });
      });
      const { results, sessions } = run(config);
      expect(sessions.length).toBeGreaterThan(300);
      expect(results.invitations.reactiveRequests).toBe(0);
    }
  });

  it("a just-browsing multiplier of 2 doubles the cart's just-browsing hazard: 0.2 → 0.4 of carts leave there", () => {
    const config = store(null, 0, (base) => segment(funnel(base, { cartHazards: { justBrowsing: 0.2 } }), { justBrowsingMultiplier: 2 }), 4000);
    const { results } = run(config);
    const carts = results.funnel.carts;
    const left = results.abandonment.byReason.justBrowsing;
    expect(Math.abs(left / carts - 0.4), `${left}/${carts}`).toBeLessThan(4 * Math.sqrt((0.4 * 0.6) / carts));
  });

  it("exit intent probability 0: an exit-intent rule never fires, though every shopper lingers", () => {
    const { results, sessions } = run(store("exitIntent == true and step == payment", 1));
    expect(sessions.length).toBeGreaterThan(300);
    expect(results.invitations.offered).toBe(0);
    for (const record of sessions) expect(Math.abs(seconds(record) - (PAGE_SECONDS + 120)), `shopper ${record.id}`).toBeLessThan(1e-9);
  });

  it("every order of 80 below a 100 threshold is charged 5 shipping, 2 of fees and 10% tax; one of 120 ships free", () => {
    const charged = (cartValue: number) =>
      run(
        store(null, 0, (base) =>
          segment(
            { ...base, pricing: { ...base.pricing, shippingFee: 5, freeShippingThreshold: 100, taxRate: 0.1, fixedFee: 2 } },
            {
              cartValue: { kind: "constant", value: cartValue },
            },
          ),
        ),
      ).results;
    const below = charged(80);
    const orders = below.funnel.orders;
    expect(orders).toBeGreaterThan(300);
    expect(below.profit.shippingCharged).toBeCloseTo(5 * orders, 9);
    expect(below.profit.feesCharged).toBeCloseTo(2 * orders, 9);
    expect(below.profit.merchandiseRevenue).toBeCloseTo(80 * orders, 9);
    // Payment fees 0.029 × (revenue + tax) + 0.3 per order, with tax 8 per order.
    expect(below.profit.paymentFees).toBeCloseTo(0.029 * (87 * orders + 8 * orders) + 0.3 * orders, 6);
    expect(below.freeShipping.freeShippedOrders).toBe(0);
    const above = charged(120);
    expect(above.profit.shippingCharged).toBe(0);
    expect(above.freeShipping.freeShippedOrders).toBe(above.funnel.orders);
    // Exactly at the threshold the order ships free.
    const at = charged(100);
    expect(at.freeShipping.freeShippedOrders).toBe(at.funnel.orders);
    expect(at.profit.shippingCharged).toBe(0);
  });

  it("an order value uplift of 0.5 after a chat: answered shoppers order 120 instead of 80", () => {
    const config = store("step == cart and idleSeconds >= 3", 0, (base) => ({
      ...funnel(base, { hesitation: { ...base.funnel.hesitation, pauseProbability: 1, pauseSeconds: { kind: "constant", value: 7 } } }),
      chat: { ...base.chat, orderValueUplift: 0.5, handleSeconds: { kind: "constant", value: 2 } },
      agents: { ...base.agents, scheduled: base.agents.scheduled.map(() => 30) },
    }));
    const { results, sessions } = run(config);
    expect(sessions.every((record) => record.chatted && record.outcome === "order")).toBe(true);
    expect(results.revenue.averageOrderValue).toBeCloseTo(120, 9);
    expect(results.outcome.ordersWithChat).toBe(sessions.length);
  });

  it("auto-save brings back only leavers of a form step: not from the cart, not from a step without fields, not the annoyed", () => {
    const autoSave = {
      enabled: true,
      returnProbability: 1,
      returnDelaySeconds: { kind: "constant", value: 60 },
      finishProbability: 1,
      costPerSession: 0,
    } as const;
    const typed: FieldConfig = { name: "card", errorProbability: 0, typingSeconds: 1 };
    // Leaving at a payment step with a field: everyone comes back (or would, after the horizon).
    const payment = run(store(null, 1, (config) => funnel(paymentFields(config, [typed]), { autoSave })));
    const leavers = payment.results.abandonment.byReason.cardDeclined;
    expect(leavers).toBeGreaterThan(300);
    expect(payment.results.friction.autoSaveReturns + payment.results.friction.autoSaveReturnsAfterHorizon).toBe(leavers);
    expect(payment.results.friction.autoSaveOrders).toBe(payment.results.friction.autoSaveReturns);
    // Leaving at the cart.
    const cart = run(store(null, 0, (config) => funnel(config, { autoSave, cartHazards: { returnsPolicy: 1 } })));
    expect(cart.results.abandonment.byReason.returnsPolicy).toBeGreaterThan(300);
    expect(cart.results.friction.autoSaveReturns + cart.results.friction.autoSaveReturnsAfterHorizon).toBe(0);
    // Leaving a payment step without fields.
    const noFields = run(store(null, 1, (config) => funnel(config, { autoSave })));
    expect(noFields.results.abandonment.byReason.cardDeclined).toBeGreaterThan(300);
    expect(noFields.results.friction.autoSaveReturns + noFields.results.friction.autoSaveReturnsAfterHorizon).toBe(0);
    // Leaving a form step annoyed by an invitation during a pause.
    const annoyed = run(
      store("step == payment and idleSeconds >= 3", 0, (config) =>
        segment(
          funnel(paymentFields(config, [typed]), {
            autoSave,
            hesitation: { ...config.funnel.hesitation, pauseProbability: 1, pauseSeconds: { kind: "constant", value: 7 } },
          }),
          { chatOpenness: 0, invitationSensitivity: 1 },
        ),
      ),
    );
    expect(annoyed.results.abandonment.byReason.annoyedByChat).toBeGreaterThan(300);
    expect(annoyed.results.friction.autoSaveReturns + annoyed.results.friction.autoSaveReturnsAfterHorizon).toBe(0);
  });
});
