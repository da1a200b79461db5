import { describe, expect, it } from "vitest";
import { extraCosts, type PricingConfig } from "../../../sim/model/index.ts";
import { orderTotals } from "./orderTotals.ts";

const pricing: PricingConfig = {
  shippingFee: 7.95,
  freeShippingThreshold: 99,
  taxRate: 0.07,
  fixedFee: 1.5,
  showTotalUpfront: false,
  marginRate: 0.35,
  shippingCostPerOrder: 7.95,
  paymentFeeRate: 0.029,
  paymentFeePerOrder: 0.3,
  thresholdPadding: { probability: 0, reachShare: 0 },
};

describe("orderTotals", () => {
  it("orderTotals(below threshold) charges shipping, tax and the fee", () => {
    expect(orderTotals(80, pricing)).toEqual({ subtotal: 80, shipping: 7.95, tax: 5.6, fees: 1.5, total: 95.05, toFreeShipping: 19 });
  });

  it("orderTotals(at the threshold) ships free, like extraCosts", () => {
    const totals = orderTotals(99, pricing);
    expect(totals.shipping).toBe(0);
    expect(totals.toFreeShipping).toBeNull();
    expect(totals.total).toBeCloseTo(99 + extraCosts(99, pricing), 2);
  });

  it("orderTotals(no threshold) always charges shipping and never promises free shipping", () => {
    const totals = orderTotals(1000, { ...pricing, freeShippingThreshold: Infinity });
    expect(totals.shipping).toBe(7.95);
    expect(totals.toFreeShipping).toBeNull();
  });

  it("orderTotals(x).total equals x + extraCosts(x) to the cent over many carts", () => {
    for (let cents = 1; cents < 30000; cents += 737) {
      const subtotal = cents / 100;
      expect(Math.abs(orderTotals(subtotal, pricing).total - (subtotal + extraCosts(subtotal, pricing)))).toBeLessThanOrEqual(0.011);
    }
  });
});
