import type { PricingConfig } from "./config.ts";

/** Shipping the shopper is charged for a cart of this value: the fee, or 0 at or above the free-shipping threshold. */
export function shippingCharge(cartValue: number, pricing: PricingConfig): number {
  return cartValue >= pricing.freeShippingThreshold ? 0 : pricing.shippingFee;
}

/** What the shopper pays on top of the cart value: shipping (unless free), tax and fixed fees. */
export function extraCosts(cartValue: number, pricing: PricingConfig): number {
  return shippingCharge(cartValue, pricing) + cartValue * pricing.taxRate + pricing.fixedFee;
}

/**
 * Sticker-shock hazard when the full total is revealed: 1 − exp(−k · s · extra / cart), with k the
 * scenario's sensitivity and s the segment's price sensitivity. It grows with extra costs relative to
 * the cart value (Baymard: "extra costs too high" is the top checkout-abandonment reason, 48%),
 * saturates below 1, and is 0 when nothing is added.
 *
 * @example
 * stickerShockHazard(100, 10, 1.2, 1) // 1 − e^(−0.12) ≈ 0.113
 */
export function stickerShockHazard(cartValue: number, extra: number, sensitivity: number, priceSensitivity: number): number {
  if (!(cartValue > 0) || extra <= 0) return 0;
  return 1 - Math.exp((-sensitivity * priceSensitivity * extra) / cartValue);
}
