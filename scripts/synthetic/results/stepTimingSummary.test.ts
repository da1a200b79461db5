import { describe, expect, it } from "vitest";
import { stepTimingSummary } from "./stepTimingSummary.ts";

describe("stepTimingSummary", () => {
  it("stepTimingSummary gives p50, p95 and max per step in funnel order", () => {
    const loads = [
      ...Array.from({ length: 20 }, (_, index) => ({ step: "payment", seconds: (index + 1) / 10 })),
      { step: "cart", seconds: 0.3 },
      { step: "odd", seconds: 1 },
    ];
    expect(stepTimingSummary(loads, ["cart", "payment"])).toEqual({
      cart: { p50: 0.3, p95: 0.3, max: 0.3, count: 1 },
      payment: { p50: 1.05, p95: 1.905, max: 2, count: 20 },
      odd: { p50: 1, p95: 1, max: 1, count: 1 },
    });
  });
});
