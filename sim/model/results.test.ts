import { describe, expect, it } from "vitest";
import { finiteOrNull, groupFunnel, ratio } from "./results.ts";
import { WAIT_HISTOGRAM_BOUNDS_SECONDS, waitBucket } from "./waitHistogram.ts";

describe("results helpers", () => {
  it("ratio(a, b) is a ÷ b, and null for b = 0", () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(0, 5)).toBe(0);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
  });

  it("groupFunnel(sessions, carts, orders) gives its rates, and null where their denominator is 0", () => {
    expect(groupFunnel(200, 50, 20)).toEqual({ sessions: 200, carts: 50, orders: 20, addToCartRate: 0.25, conversionRate: 0.1, cartAbandonmentRate: 0.6 });
    expect(groupFunnel(10, 0, 0)).toEqual({ sessions: 10, carts: 0, orders: 0, addToCartRate: 0, conversionRate: 0, cartAbandonmentRate: null });
    expect(groupFunnel(0, 0, 0)).toEqual({ sessions: 0, carts: 0, orders: 0, addToCartRate: null, conversionRate: null, cartAbandonmentRate: null });
  });

  it("finiteOrNull keeps finite numbers and turns NaN and infinities into null", () => {
    expect(finiteOrNull(2.5)).toBe(2.5);
    expect(finiteOrNull(0)).toBe(0);
    expect(finiteOrNull(Number.NaN)).toBeNull();
    expect(finiteOrNull(Number.POSITIVE_INFINITY)).toBeNull();
    expect(finiteOrNull(Number.NEGATIVE_INFINITY)).toBeNull();
  });
});

describe("waitBucket", () => {
  it("waitBucket(w) is the first bucket whose inclusive upper bound holds w; the last bucket is open", () => {
    expect(WAIT_HISTOGRAM_BOUNDS_SECONDS).toEqual([0, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, Infinity]);
    expect(waitBucket(0)).toBe(0);
    expect(waitBucket(0.001)).toBe(1);
    expect(waitBucket(5)).toBe(1);
    expect(waitBucket(7)).toBe(2);
    expect(waitBucket(10)).toBe(2);
    expect(waitBucket(600)).toBe(11);
    expect(waitBucket(600.5)).toBe(12);
    expect(waitBucket(1e9)).toBe(12);
  });
});
