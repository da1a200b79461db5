// simulateStore's results on hand-built tiny stores (testTinyStore.ts): every figure is either a count
// the session log gives independently, or a product of known hazards checked within 4 binomial
// standard errors.

import { describe, expect, it } from "vitest";
import { resolvePolicy } from "../policy/index.ts";
import type { StoreModelConfig } from "./config.ts";
import type { SessionRecord } from "./StoreWorld.ts";
import { simulateStore } from "./simulateStore.ts";
import { tinyStore } from "./testTinyStore.ts";

const NO_RULES = resolvePolicy({ name: "no-chat", reactive: { enabled: false } });

function store(sessionsPerDay: number, change: (config: StoreModelConfig) => StoreModelConfig = (config) => config): StoreModelConfig {
  const base = tinyStore("step == payment and idleSeconds >= 30", 0.25);
  return change({
    ...base,
    sessionRatesPerSecond: base.sessionRatesPerSecond.map(() => sessionsPerDay / 86400),
    chat: { ...base.chat, policy: NO_RULES },
    funnel: { ...base.funnel, cartHazards: { justBrowsing: 0.2 } },
  });
}

function run(config: StoreModelConfig, seed: string | number = 17) {
  const sessions: SessionRecord[] = [];
  const results = simulateStore(config, { seed, onSession: (record) => sessions.push(record) });
  return { results, sessions };
}

const within4SE = (count: number, n: number, p: number) => Math.abs(count / n - p) < 4 * Math.sqrt((p * (1 - p)) / n);

describe("simulateStore", () => {
  it("a cart hazard of 0.2 and a payment hazard of 0.25 convert 0.8 × 0.75 = 0.6 of sessions; each step's reached = continued + abandoned", () => {
    const { results, sessions } = run(store(8000));
    const { funnel } = results;
    const n = funnel.sessions;
    expect(n).toBe(sessions.length);
    expect(n).toBeGreaterThan(7000);
    expect(within4SE(funnel.orders, n, 0.6)).toBe(true);
    expect(within4SE(funnel.checkoutStarts, n, 0.8)).toBe(true);
    // Add to cart is certain.
    expect(funnel.carts).toBe(n);
    expect(funnel.addToCartRate).toBe(1);
    expect(funnel.conversionRate).toBe(funnel.orders / n);
    expect(funnel.cartAbandonmentRate).toBeCloseTo(1 - funnel.orders / funnel.carts, 15);
    expect(funnel.checkoutAbandonmentRate).toBeCloseTo(1 - funnel.orders / funnel.checkoutStarts, 15);
    const count = (outcome: string) => sessions.filter((record) => record.outcome === outcome).length;
    expect(funnel.steps.map((step) => step.step)).toEqual(["browse", "cart", "payment"]);
    expect(funnel.steps[0]).toEqual({ step: "browse", reached: n, continued: n, abandoned: 0, continueRate: 1, byReason: {} });
    expect(funnel.steps[1]).toEqual({
      step: "cart",
      reached: n,
      continued: funnel.checkoutStarts,
      abandoned: count("justBrowsing"),
      continueRate: funnel.checkoutStarts / n,
      byReason: { justBrowsing: count("justBrowsing") },
    });
    expect(funnel.steps[2]).toEqual({
      step: "payment",
      reached: funnel.checkoutStarts,
      continued: funnel.orders,
      abandoned: count("cardDeclined"),
      continueRate: funnel.orders / funnel.checkoutStarts,
      byReason: { cardDeclined: count("cardDeclined") },
    });
    expect(count("order")).toBe(funnel.orders);
    expect(results.abandonment.byReason.justBrowsing).toBe(count("justBrowsing"));
    expect(results.abandonment.byReason.cardDeclined).toBe(count("cardDeclined"));
    // Checkout reason shares: just browsing is no checkout reason, so card declined is all of them.
    expect(results.abandonment.checkoutReasonShares.cardDeclined).toBe(1);
    expect(results.abandonment.checkoutReasonShares.returnsPolicy).toBe(0);
  });

  it("revenue of constant 80 carts: 80 per order, no spread, margin 0.3 of it, revenue per session over all sessions", () => {
    const { results } = run(store(800));
    const { orders, sessions } = results.funnel;
    expect(results.revenue.revenue).toBe(80 * orders);
    expect(results.revenue.averageOrderValue).toBe(80);
    expect(results.revenue.orderValueStandardDeviation).toBe(0);
    expect(results.revenue.meanCartValue).toBe(80);
    expect(results.revenue.margin).toBeCloseTo(0.3 * 80 * orders, 9);
    expect(results.revenue.revenuePerSession).toBeCloseTo((80 * orders) / sessions, 12);
    expect(results.intervals.orders.reduce((sum, value) => sum + value, 0)).toBe(orders);
    expect(results.intervals.sessions.reduce((sum, value) => sum + value, 0)).toBe(sessions);
    expect(results).toMatchObject({ kind: "store", scenario: "tiny store", seed: 17, horizonDays: 1 });
  });

  it("a desktop segment of new visitors and a mobile segment of returning ones that never buy: the groups split by device and by visitor", () => {
    const { results, sessions } = run(
      store(800, (config) => ({
        ...config,
        segments: [
          { ...config.segments[0], name: "desk", device: "desktop", returningProbability: 0, weight: 1 },
          { ...config.segments[0], name: "phone", device: "mobile", returningProbability: 1, addToCartProbability: 0, weight: 1 },
        ],
      })),
    );
    const desk = sessions.filter((record) => record.segment === "desk");
    const phone = sessions.filter((record) => record.segment === "phone");
    const deskOrders = desk.filter((record) => record.outcome === "order").length;
    expect(desk.length).toBeGreaterThan(300);
    expect(phone.length).toBeGreaterThan(300);
    const desktopFunnel = {
      sessions: desk.length,
      carts: desk.length,
      orders: deskOrders,
      addToCartRate: 1,
      conversionRate: deskOrders / desk.length,
      cartAbandonmentRate: 1 - deskOrders / desk.length,
    };
    const phoneFunnel = { sessions: phone.length, carts: 0, orders: 0, addToCartRate: 0, conversionRate: 0, cartAbandonmentRate: null };
    const empty = { sessions: 0, carts: 0, orders: 0, addToCartRate: null, conversionRate: null, cartAbandonmentRate: null };
    expect(results.funnel.byDevice).toEqual({ desktop: desktopFunnel, mobile: phoneFunnel, tablet: empty });
    expect(results.funnel.byVisitor).toEqual({ new: desktopFunnel, returning: phoneFunnel });
    expect(phone.every((record) => record.outcome === "bounce")).toBe(true);
  });

  it("no arrivals: every count is 0 and every rate and mean is null", () => {
    const { results, sessions } = run(store(0.0001));
    expect(sessions).toEqual([]);
    expect(results.funnel).toMatchObject({
      sessions: 0,
      carts: 0,
      orders: 0,
      addToCartRate: null,
      conversionRate: null,
      cartAbandonmentRate: null,
      checkoutAbandonmentRate: null,
    });
    expect(results.revenue).toMatchObject({
      revenue: 0,
      averageOrderValue: null,
      orderValueStandardDeviation: null,
      meanCartValue: null,
      revenuePerSession: null,
    });
    expect(results.meanSessionSeconds).toBeNull();
    expect(results.abandonment.checkoutReasonShares.cardDeclined).toBeNull();
    expect(results.invitations.acceptanceRate).toBeNull();
    expect(results.friction.confusedShareOfCheckouts).toBeNull();
    expect(results.freeShipping.paddedOrderShare).toBeNull();
  });

  it("invitations to lingering shoppers on payment: all shown later than laterAfterSeconds 0, to new visitors, outside the cart", () => {
    const { results, sessions } = run(
      store(800, (config) => ({
        ...config,
        funnel: { ...config.funnel, cartHazards: {}, steps: [{ ...config.funnel.steps[0], hazards: { cardDeclined: 1 } }] },
        chat: {
          ...config.chat,
          policy: resolvePolicy({ name: "idle", reactive: { enabled: false }, rules: [{ name: "idle", when: "step == payment and idleSeconds >= 30" }] }),
        },
      })),
    );
    const n = sessions.length;
    expect(results.invitations).toMatchObject({ offered: n, accepted: n, declined: 0, acceptanceRate: 1, toHesitatingShoppers: n, annoyedExits: 0 });
    expect(results.invitations.byGroup).toEqual({
      early: { offered: 0, accepted: 0, acceptanceRate: null },
      later: { offered: n, accepted: n, acceptanceRate: 1 },
      newVisitors: { offered: n, accepted: n, acceptanceRate: 1 },
      returningVisitors: { offered: 0, accepted: 0, acceptanceRate: null },
      inCart: { offered: 0, accepted: 0, acceptanceRate: null },
    });
    expect(results.invitations.annoyance).toEqual({
      first: { declined: 0, annoyedExits: 0, annoyanceRate: null },
      repeat: { declined: 0, annoyedExits: 0, annoyanceRate: null },
    });
    expect(results.intervals.invitations.reduce((sum, value) => sum + value, 0)).toBe(n);
  });

  it("a holdout of 0.5 is reported with its sessions and their orders; the same seed gives the same results byte for byte", () => {
    const config = store(800, (base) => ({
      ...base,
      chat: {
        ...base.chat,
        policy: resolvePolicy({ name: "idle", reactive: { enabled: false }, rules: [{ name: "idle", when: "idleSeconds >= 30" }], holdout: 0.5 }),
      },
    }));
    const { results, sessions } = run(config);
    const held = sessions.filter((record) => record.holdout);
    expect(within4SE(held.length, sessions.length, 0.5)).toBe(true);
    expect(results.holdout).toEqual({ share: 0.5, sessions: held.length, orders: held.filter((record) => record.outcome === "order").length });
    expect(JSON.stringify(run(config).results)).toBe(JSON.stringify(results));
    // Without a holdout nobody is held out.
    expect(run(store(800)).sessions.some((record) => record.holdout)).toBe(false);
  });
});
