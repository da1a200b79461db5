import type { PricingConfig } from "./config.ts";
import { type Ratio, ratio } from "./results.ts";

/** What a run's orders charged the shoppers, summed over orders. */
export interface OrderCharges {
  orders: number;
  /** Order values (goods, after any chat uplift or threshold padding). */
  merchandise: number;
  /** Shipping fees shoppers paid (orders below the free-shipping threshold). */
  shipping: number;
  /** Sales tax collected (passed on to the state: not revenue, but card fees apply to it). */
  tax: number;
  /** Fixed per-order fees shoppers paid. */
  fees: number;
}

/**
 * A run's contribution statement, in the scenario's currency. Every line adds up:
 * revenue = merchandiseRevenue + shippingCharged + feesCharged, and
 * contributionProfit = revenue − costOfGoods − shippingCost − paymentFees − agentCost − autoSaveCost
 *   − selfServiceCost − escalationCost.
 */
export interface ProfitStatement {
  merchandiseRevenue: number;
  shippingCharged: number;
  feesCharged: number;
  revenue: number;
  /** merchandiseRevenue × (1 − marginRate). */
  costOfGoods: number;
  /** orders × shippingCostPerOrder: the carrier is paid for every order, free-shipped or not. */
  shippingCost: number;
  /** shippingCost − shippingCharged: what shipping costs the merchant after what shoppers paid for it. */
  shippingPaidByMerchant: number;
  /** paymentFeeRate × (revenue + tax) + orders × paymentFeePerOrder. */
  paymentFees: number;
  agentCost: number;
  /** sessions × funnel.autoSave.costPerSession while auto-save is on (0 otherwise). */
  autoSaveCost: number;
  /** Help-centre contacts × selfService.costPerContact (0 while self-service is off). */
  selfServiceCost: number;
  /** Email and phone follow-ups of escalated chats × their costs per contact (0 while off). */
  escalationCost: number;
  contributionProfit: number;
  contributionProfitPerSession: Ratio;
}

/**
 * The contribution statement of a run from its order charges, the store's pricing, the chat
 * desk's cost and what the checkout's auto-save costs. Contribution profit leaves out fixed costs (rent, salaries other than chat agents):
 * it is what a lever changes.
 *
 * @example
 * // 2 orders of 100 and 50 (the 50 paid 8 shipping), 7% tax, 35% margin, carrier 9 per order,
 * // cards 2.9% + 0.30, agents 20:
 * profitStatement({orders: 2, merchandise: 150, shipping: 8, tax: 10.5, fees: 0}, pricing, 20, 10).contributionProfit
 * // 158 − 97.5 − 18 − (0.029 × 168.5 + 0.6) − 20 = 17.0135
 */
export function profitStatement(
  charges: OrderCharges,
  pricing: PricingConfig,
  agentCost: number,
  sessions: number,
  autoSaveCost = 0,
  contactCosts: { selfService: number; escalation: number } = { selfService: 0, escalation: 0 },
): ProfitStatement {
  const revenue = charges.merchandise + charges.shipping + charges.fees;
  const costOfGoods = charges.merchandise * (1 - pricing.marginRate);
  const shippingCost = charges.orders * pricing.shippingCostPerOrder;
  const paymentFees = pricing.paymentFeeRate * (revenue + charges.tax) + charges.orders * pricing.paymentFeePerOrder;
  const contributionProfit = revenue - costOfGoods - shippingCost - paymentFees - agentCost - autoSaveCost - contactCosts.selfService - contactCosts.escalation;
  return {
    merchandiseRevenue: charges.merchandise,
    shippingCharged: charges.shipping,
    feesCharged: charges.fees,
    revenue,
    costOfGoods,
    shippingCost,
    shippingPaidByMerchant: shippingCost - charges.shipping,
    paymentFees,
    agentCost,
    autoSaveCost,
    selfServiceCost: contactCosts.selfService,
    escalationCost: contactCosts.escalation,
    contributionProfit,
    contributionProfitPerSession: ratio(contributionProfit, sessions),
  };
}
