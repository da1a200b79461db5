import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extraCosts, stickerShockHazard } from "./pricing.ts";
import { TEST_PRICING } from "./testPricing.ts";

const PRICING = TEST_PRICING;

describe("extraCosts", () => {
  it("extraCosts(cart, pricing) charges shipping below the free-shipping threshold and none at or above it", () => {
    // 98.99 × 0.07 = 6.9293; 99 × 0.07 = 6.93; 150 × 0.07 = 10.5.
    expect(extraCosts(98.99, PRICING)).toBeCloseTo(7.95 + 6.9293, 12);
    expect(extraCosts(99, PRICING)).toBeCloseTo(6.93, 12);
    expect(extraCosts(150, PRICING)).toBeCloseTo(10.5, 12);
  });

  it("extraCosts(cart, {freeShippingThreshold: Infinity}) always charges shipping; threshold 0 never does", () => {
    const noTax = { ...PRICING, taxRate: 0 };
    for (const cart of [0.01, 50, 99, 1e6]) {
      expect(extraCosts(cart, { ...noTax, freeShippingThreshold: Infinity })).toBe(7.95);
      expect(extraCosts(cart, { ...noTax, freeShippingThreshold: 0 })).toBe(0);
    }
  });

  it("extraCosts(cart, pricing) adds tax as a share of the cart and the fixed fee once", () => {
    const pricing = { ...PRICING, freeShippingThreshold: 0, taxRate: 0.1, fixedFee: 2.5 };
    expect(extraCosts(200, pricing)).toBeCloseTo(20 + 2.5, 12);
    expect(extraCosts(40, pricing)).toBeCloseTo(4 + 2.5, 12);
    // Below the threshold: shipping + tax + fee = 7.95 + 4 + 2.5.
    expect(extraCosts(40, { ...pricing, freeShippingThreshold: 50 })).toBeCloseTo(14.45, 12);
  });
});

describe("stickerShockHazard", () => {
  it("stickerShockHazard(cart, extra, k, s) equals 1 − e^(−k·s·extra/cart) at hand-computed points", () => {
    // Reference values from Python's math.exp (outside this code).
    expect(stickerShockHazard(100, 10, 1.2, 1)).toBeCloseTo(0.11307956328284252, 14); // 1 − e^−0.12
    expect(stickerShockHazard(50, 12.5, 1.19, 1.1)).toBeCloseTo(0.27909650537716035, 14); // 1 − e^−0.32725
    expect(stickerShockHazard(80, 13.55, 1.19, 0.9)).toBeCloseTo(0.16589887001512893, 14); // baseline $80 cart, desktop
    expect(stickerShockHazard(10, 10, 2, 1)).toBeCloseTo(0.8646647167633873, 14); // 1 − e^−2
    // The baseline $80 cart's extra costs feed straight in.
    expect(stickerShockHazard(80, extraCosts(80, PRICING), 1.19, 0.9)).toBeCloseTo(0.16589887001512893, 12);
  });

  it("stickerShockHazard(cart, 0 or less, k, s) is 0, and so is any hazard for a cart of 0 or less", () => {
    expect(stickerShockHazard(100, 0, 1.2, 1)).toBe(0);
    expect(stickerShockHazard(100, -5, 1.2, 1)).toBe(0);
    expect(stickerShockHazard(0, 10, 1.2, 1)).toBe(0);
    expect(stickerShockHazard(-1, 10, 1.2, 1)).toBe(0);
    expect(stickerShockHazard(100, 10, 0, 1)).toBe(0);
    expect(stickerShockHazard(100, 10, 1.2, 0)).toBe(0);
  });

  it("stickerShockHazard is a probability, non-decreasing in extra costs and in both sensitivities (property)", () => {
    const positive = fc.double({ min: 0.01, max: 1e4, noNaN: true });
    const factor = fc.double({ min: 0, max: 5, noNaN: true });
    fc.assert(
      fc.property(positive, positive, positive, factor, factor, fc.double({ min: 1, max: 3, noNaN: true }), (cart, extraA, extraB, k, s, stretch) => {
        const [low, high] = extraA <= extraB ? [extraA, extraB] : [extraB, extraA];
        const hazard = stickerShockHazard(cart, low, k, s);
        expect(hazard).toBeGreaterThanOrEqual(0);
        expect(hazard).toBeLessThanOrEqual(1);
        expect(stickerShockHazard(cart, high, k, s)).toBeGreaterThanOrEqual(hazard);
        expect(stickerShockHazard(cart, low, k * stretch, s)).toBeGreaterThanOrEqual(hazard);
        expect(stickerShockHazard(cart, low, k, s * stretch)).toBeGreaterThanOrEqual(hazard);
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it("stickerShockHazard(100, extra, 1.2, 1) strictly increases over extra = 1, 5, 10, 20, 50, 100", () => {
    const hazards = [1, 5, 10, 20, 50, 100].map((extra) => stickerShockHazard(100, extra, 1.2, 1));
    for (let i = 1; i < hazards.length; i++) expect(hazards[i]).toBeGreaterThan(hazards[i - 1]);
    const bySensitivity = [0.5, 1, 1.5, 2].map((sensitivity) => stickerShockHazard(100, 10, sensitivity, 1));
    for (let i = 1; i < bySensitivity.length; i++) expect(bySensitivity[i]).toBeGreaterThan(bySensitivity[i - 1]);
  });
});
