import { describe, expect, it } from "vitest";
import { profitStatement } from "./profitStatement.ts";
import { TEST_PRICING } from "./testPricing.ts";

// Shipping fee 8 and a carrier charging 9, to tell the two apart.
const PRICING = { ...TEST_PRICING, shippingFee: 8, shippingCostPerOrder: 9 };

describe("profitStatement", () => {
  it("profitStatement(two orders) gives the hand-computed lines", () => {
    // Orders of 100 (ships free) and 50 (pays 8 shipping); tax 7% of 150 = 10.5; agents 20; 10 sessions.
    const statement = profitStatement({ orders: 2, merchandise: 150, shipping: 8, tax: 10.5, fees: 0 }, PRICING, 20, 10);
    expect(statement.revenue).toBe(158);
    expect(statement.costOfGoods).toBeCloseTo(97.5, 12); // 150 × 0.65
    expect(statement.shippingCost).toBe(18); // 2 × 9
    expect(statement.shippingPaidByMerchant).toBe(10); // 18 − 8
    expect(statement.paymentFees).toBeCloseTo(0.029 * 168.5 + 0.6, 12); // 5.4865
    expect(statement.contributionProfit).toBeCloseTo(158 - 97.5 - 18 - 5.4865 - 20, 10); // 17.0135
    expect(statement.contributionProfitPerSession).toBeCloseTo(1.70135, 10);
  });

  it("profitStatement(no orders) is minus the agent cost, and per session is null without sessions", () => {
    const statement = profitStatement({ orders: 0, merchandise: 0, shipping: 0, tax: 0, fees: 0 }, PRICING, 336, 0);
    expect(statement.contributionProfit).toBe(-336);
    expect(statement.contributionProfitPerSession).toBeNull();
  });

  it("profitStatement: fixed fees charged are revenue, and card fees apply to them", () => {
    const statement = profitStatement({ orders: 1, merchandise: 100, shipping: 0, tax: 0, fees: 2.5 }, { ...PRICING, fixedFee: 2.5 }, 0, 1);
    expect(statement.feesCharged).toBe(2.5);
    expect(statement.revenue).toBe(102.5);
    expect(statement.paymentFees).toBeCloseTo(0.029 * 102.5 + 0.3, 12);
  });

  it("profitStatement subtracts auto-save, help-centre and escalation costs from the contribution, and reports each", () => {
    // The two orders of the first case, with auto-save 3, help-centre contacts 4 and follow-ups 5.
    const statement = profitStatement({ orders: 2, merchandise: 150, shipping: 8, tax: 10.5, fees: 0 }, PRICING, 20, 10, 3, { selfService: 4, escalation: 5 });
    expect(statement.autoSaveCost).toBe(3);
    expect(statement.selfServiceCost).toBe(4);
    expect(statement.escalationCost).toBe(5);
    expect(statement.contributionProfit).toBeCloseTo(17.0135 - 3 - 4 - 5, 10);
  });
});
