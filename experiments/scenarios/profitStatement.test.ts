// The profit statement end to end on a tiny store whose every session orders one $80 cart: no
// hazard, no sticker shock, no form error. The statement is then orders × a hand-computed amount
// per order − the agent cost, whatever number of sessions the Poisson arrivals bring.

import { describe, expect, it } from "vitest";
import { type StoreModelConfig, type StoreResults, simulateStore } from "../../sim/model/index.ts";
import { parseScenario } from "../scenario/index.ts";

/** Data of the tiny store; `pricing` replaces its pricing. */
function tinyStore(pricing: Record<string, unknown>): StoreModelConfig {
  const data = {
    name: "tiny store",
    horizon: { days: 1, intervalMinutes: 60 },
    traffic: { sessionsPerDay: 300 },
    segments: [
      {
        name: "everyone",
        weight: 1,
        device: "desktop",
        pageViews: { kind: "constant", value: 1 },
        dwellSeconds: { kind: "constant", value: 10 },
        addToCartProbability: 1,
        cartValue: { kind: "constant", value: 80 },
        helpProbability: 0,
      },
    ],
    pricing,
    funnel: {
      cart: { seconds: { kind: "constant", value: 5 }, hazards: {} },
      steps: [{ name: "pay", fillSeconds: { kind: "constant", value: 30 }, revealsTotal: true }],
      stickerShock: { sensitivity: 0, hiddenTotalHazardPerStep: 0 },
      hesitation: {
        lingerSeconds: { kind: "constant", value: 1 },
        exitIntentProbability: { desktop: 0, mobile: 0, tablet: 0 },
        pauseProbability: 0,
        pauseSeconds: { kind: "constant", value: 1 },
      },
    },
    // One agent all day at $20 an hour: $480 of agent cost.
    agents: { concurrency: 1, shrinkage: 0, costPerHour: 20, schedule: 1 },
  };
  const { config } = parseScenario(data, { path: "tiny.yaml" });
  if (config.kind !== "store") throw new Error("not a store");
  return config;
}

const PRICING = {
  shippingFee: 8,
  freeShippingThreshold: 99,
  taxRate: 0.07,
  fixedFee: 1,
  marginRate: 0.4,
  shippingCostPerOrder: 9,
  paymentFeeRate: 0.03,
  paymentFeePerOrder: 0.25,
  thresholdPadding: { probability: 0 },
};
const run = (pricing: Record<string, unknown>): StoreResults => simulateStore(tinyStore(pricing), { seed: 3 });

describe("profit statement on a tiny store", () => {
  it("$80 carts below a $99 threshold: every line is orders × its hand-computed amount per order", () => {
    const results = run(PRICING);
    const orders = results.funnel.orders;
    expect(orders).toBe(results.funnel.sessions);
    expect(orders).toBeGreaterThan(250);
    const { profit } = results;
    // Per order: revenue 80 + 8 shipping + 1 fee = 89; goods 80 × 0.6 = 48; carrier 9;
    // card fees 0.03 × (89 + 5.60 tax) + 0.25 = 3.088; contribution 89 − 48 − 9 − 3.088 = 28.912.
    expect(profit.merchandiseRevenue).toBeCloseTo(80 * orders, 8);
    expect(profit.shippingCharged).toBeCloseTo(8 * orders, 8);
    expect(profit.feesCharged).toBeCloseTo(1 * orders, 8);
    expect(profit.revenue).toBeCloseTo(89 * orders, 8);
    expect(profit.costOfGoods).toBeCloseTo(48 * orders, 8);
    expect(profit.shippingCost).toBeCloseTo(9 * orders, 8);
    expect(profit.shippingPaidByMerchant).toBeCloseTo(1 * orders, 8);
    expect(profit.paymentFees).toBeCloseTo(3.088 * orders, 8);
    expect(profit.agentCost).toBe(480);
    expect(profit.contributionProfit).toBeCloseTo(28.912 * orders - 480, 8);
    expect(results.freeShipping.freeShippedOrders).toBe(0);
  });

  it("free shipping for all (threshold 0) costs $7.76 an order when it wins no extra order", () => {
    const paid = run(PRICING);
    const free = run({ ...PRICING, freeShippingThreshold: 0 });
    expect(free.funnel.orders).toBe(paid.funnel.orders);
    expect(free.freeShipping.freeShippedOrders).toBe(free.funnel.orders);
    // Per order: revenue 81; goods 48; carrier 9; card fees 0.03 × 86.60 + 0.25 = 2.848; contribution 21.152.
    expect(free.profit.contributionProfit).toBeCloseTo(21.152 * free.funnel.orders - 480, 8);
    expect(paid.profit.contributionProfit - free.profit.contributionProfit).toBeCloseTo(7.76 * paid.funnel.orders, 8);
  });

  it("padding probability 1: every $80 cart within reach is topped up to $99–$118, ships free and pays no shipping", () => {
    const results = run({ ...PRICING, thresholdPadding: { probability: 1, reachShare: 0.5 } });
    const { freeShipping, funnel, profit } = results;
    expect(freeShipping.cartsBelowThreshold).toBe(funnel.carts);
    expect(freeShipping.paddedCarts).toBe(funnel.carts);
    expect(freeShipping.paddedOrderShare).toBe(1);
    expect(freeShipping.freeShippedOrders).toBe(funnel.orders);
    expect(profit.shippingCharged).toBe(0);
    expect(results.revenue.averageOrderValue!).toBeGreaterThanOrEqual(99);
    expect(results.revenue.averageOrderValue!).toBeLessThan(118);
    // The added item costs between the gap (19) and twice it, uniformly: mean 80 + 19 × 1.5 = 108.5.
    const standardError = 19 / Math.sqrt(12) / Math.sqrt(funnel.orders);
    expect(Math.abs(results.revenue.averageOrderValue! - 108.5)).toBeLessThan(4 * standardError);
  });
});
