// Order totals with exactly the simulator's pricing rules (sim/model extraCosts), split into the
// lines a checkout shows and rounded to cents.

import { extraCosts, type PricingConfig, roundMoney } from "../../../sim/model/index.ts";

/** What a cart costs, in the scenario currency, each line rounded to cents. */
export interface OrderTotals {
  subtotal: number;
  shipping: number;
  tax: number;
  fees: number;
  total: number;
  /** How much more the cart needs for free shipping, or null when it already ships free or never does. */
  toFreeShipping: number | null;
}

/**
 * The checkout's lines for a cart worth `subtotal`. Every line comes from `extraCosts`, the function
 * the simulator prices sticker shock with: shipping is extraCosts with tax and fees set to zero, and
 * the total is subtotal + extraCosts, so the store and the model cannot disagree about a rule
 * (free shipping at or above the threshold, tax on the cart value, a fixed fee per order).
 *
 * orderTotals(80, {shippingFee: 7.95, freeShippingThreshold: 99, taxRate: 0.07, fixedFee: 0, ...})
 * // → {subtotal: 80, shipping: 7.95, tax: 5.6, fees: 0, total: 93.55, toFreeShipping: 19}
 */
export function orderTotals(subtotal: number, pricing: PricingConfig): OrderTotals {
  const shipping = roundMoney(extraCosts(subtotal, { ...pricing, taxRate: 0, fixedFee: 0 }));
  const tax = roundMoney(subtotal * pricing.taxRate);
  const fees = roundMoney(pricing.fixedFee);
  // The rounded lines add up to the total shown; extraCosts itself is unrounded.
  const total = roundMoney(subtotal + shipping + tax + fees);
  const toFreeShipping = shipping > 0 && Number.isFinite(pricing.freeShippingThreshold) ? roundMoney(pricing.freeShippingThreshold - subtotal) : null;
  return { subtotal: roundMoney(subtotal), shipping, tax, fees, total, toFreeShipping };
}
