import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { StoreResults } from "../../sim/model/index.ts";
import { parseScenario, readDataFile } from "../scenario/index.ts";
import { simulateScenario } from "./simulateScenario.ts";

const baselinePath = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));

/** The baseline at 20,000 sessions for one day, with `change` applied to its data. */
function runBaseline(change: (data: Record<string, any>) => void, seed = 11): StoreResults {
  const data = structuredClone(readDataFile(baselinePath, "scenario file")) as Record<string, any>;
  data.traffic.sessionsPerDay = 20_000;
  change(data);
  return simulateScenario(parseScenario(data, { path: baselinePath }), { seed }) as StoreResults;
}

/**
 * One segment, a cart and one checkout step, nothing else that can make a shopper leave (no fees, so
 * no sticker shock; no form fields, so no friction; no chat). The funnel is then a chain of
 * independent coins: P(order) = P(add to cart) × (1 − h_cart) × Π over the step's reasons (1 − h).
 */
const ONE_STEP_FUNNEL = {
  name: "one-step funnel",
  horizon: { days: 1, intervalMinutes: 60 },
  traffic: { sessionsPerDay: 20_000 },
  segments: [{ name: "everyone", weight: 1, device: "desktop", addToCartProbability: 0.3, chatOpenness: 0, helpProbability: 0, invitationSensitivity: 0 }],
  pricing: { shippingFee: 0, taxRate: 0, fixedFee: 0 },
  funnel: {
    cart: { seconds: { kind: "constant", value: 20 }, hazards: { justBrowsing: 0.2 } },
    steps: [{ name: "payment", hazards: { websiteErrors: 0.1, cardDeclined: 0.05 }, revealsTotal: true }],
    stickerShock: { sensitivity: 0, hiddenTotalHazardPerStep: 0 },
  },
  agents: { schedule: 1 },
};

describe("simulateScenario on a funnel with known hazards", () => {
  it("one-step funnel: add-to-cart, cart-to-order and conversion match the product of the hazards within 4 standard errors", () => {
    const results = simulateScenario(parseScenario(ONE_STEP_FUNNEL), { seed: 5 }) as StoreResults;
    const { sessions, carts, orders } = results.funnel;
    const within = (successes: number, trials: number, p: number) =>
      expect(Math.abs(successes / trials - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / trials));
    const cartToOrder = (1 - 0.2) * (1 - 0.1) * (1 - 0.05); // 0.684
    within(carts, sessions, 0.3);
    within(orders, carts, cartToOrder);
    within(orders, sessions, 0.3 * cartToOrder);
    expect(results.outcome.rescuedOrders).toBe(0);
  });
});

describe("simulateScenario on the baseline store", () => {
  it("chat rescues orders: the baseline's reactive chat turns some leaving shoppers into buyers", () => {
    const results = runBaseline(() => {});
    expect(results.chat.served).toBeGreaterThan(0);
    expect(results.outcome.rescuedOrders).toBeGreaterThan(0);
    expect(results.outcome.rescuedRevenue).toBeGreaterThan(0);
  });

  it("sticker shock scales with the segment's price sensitivity (same shoppers, common random numbers)", () => {
    const withSensitivity = (value: number) =>
      runBaseline((data) => {
        for (const segment of data.segments) segment.priceSensitivity = value;
      }).abandonment.byReason.extraCostsTooHigh;
    const none = withSensitivity(0);
    const high = withSensitivity(3);
    // With sensitivity 0 only the steps' base hazard remains; at 3 the shock hazard comes on top.
    expect(high).toBeGreaterThan(none * 1.5);
  });
});
