import type { PricingConfig } from "./config.ts";

/**
 * The baseline scenario's pricing for the model's unit tests (not re-exported): $7.95 shipping
 * below $99, 7% tax, no fee, 35% margin, carrier $7.95, cards 2.9% + $0.30, padding 0.28 within 40%.
 */
export const TEST_PRICING: PricingConfig = {
  shippingFee: 7.95,
  freeShippingThreshold: 99,
  taxRate: 0.07,
  fixedFee: 0,
  showTotalUpfront: false,
  marginRate: 0.35,
  shippingCostPerOrder: 7.95,
  paymentFeeRate: 0.029,
  paymentFeePerOrder: 0.3,
  thresholdPadding: { probability: 0.28, reachShare: 0.4 },
};
