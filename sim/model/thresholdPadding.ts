import type { PricingConfig } from "./config.ts";

/**
 * Whether a shopper with this cart may add an item to reach free shipping: the store has a
 * threshold that charges for shipping, padding is switched on, and the cart lies in
 * [(1 − reachShare) × threshold, threshold). Far below the threshold nobody tops up.
 */
export function withinPaddingReach(cartValue: number, pricing: PricingConfig): boolean {
  const threshold = pricing.freeShippingThreshold;
  if (!Number.isFinite(threshold) || pricing.shippingFee <= 0 || pricing.thresholdPadding.probability <= 0) return false;
  return cartValue < threshold && cartValue >= (1 - pricing.thresholdPadding.reachShare) * threshold;
}

/**
 * The cart after the shopper adds an item to reach the threshold. Items come in whole prices, so
 * the shopper overshoots: the item costs between the gap and twice the gap (uniform draw `u`), and
 * the cart lands in [threshold, threshold + gap). An assumption: no published distribution of the
 * overshoot was found.
 *
 * @example
 * paddedCartValue(80, 99, 0.5) // 80 + 19 × 1.5 = 108.5
 */
export function paddedCartValue(cartValue: number, threshold: number, u: number): number {
  const gap = threshold - cartValue;
  return cartValue + gap * (1 + u);
}
