import { describe, expect, it } from "vitest";
import { TEST_PRICING } from "./testPricing.ts";
import { paddedCartValue, withinPaddingReach } from "./thresholdPadding.ts";

const PRICING = { ...TEST_PRICING, freeShippingThreshold: 100, thresholdPadding: { probability: 0.3, reachShare: 0.4 } };

describe("withinPaddingReach", () => {
  it("withinPaddingReach(cart) holds on [(1 − reach) × threshold, threshold) and nowhere else", () => {
    expect(withinPaddingReach(59.99, PRICING)).toBe(false);
    expect(withinPaddingReach(60, PRICING)).toBe(true);
    expect(withinPaddingReach(99.99, PRICING)).toBe(true);
    expect(withinPaddingReach(100, PRICING)).toBe(false);
  });

  it("withinPaddingReach is false without a threshold, with free shipping for all, or with padding off", () => {
    expect(withinPaddingReach(90, { ...PRICING, freeShippingThreshold: Infinity })).toBe(false);
    expect(withinPaddingReach(90, { ...PRICING, shippingFee: 0 })).toBe(false);
    expect(withinPaddingReach(90, { ...PRICING, thresholdPadding: { probability: 0, reachShare: 0.4 } })).toBe(false);
  });
});

describe("paddedCartValue", () => {
  it("paddedCartValue(cart, threshold, u) adds between the gap and twice the gap", () => {
    expect(paddedCartValue(80, 100, 0)).toBe(100);
    expect(paddedCartValue(80, 100, 0.5)).toBe(110);
    expect(paddedCartValue(80, 100, 0.999)).toBeCloseTo(119.98, 12);
  });
});
