import type { StoreModelConfig } from "../../../sim/model/index.ts";
import { formatMoney } from "../pages/formatMoney.ts";

/** What the automatic agents say: a greeting, then answers built from the scenario's own terms. */
export function botLines(config: StoreModelConfig, currency: string): string[] {
  const { pricing } = config;
  const shipping = Number.isFinite(pricing.freeShippingThreshold)
    ? `Orders of ${formatMoney(pricing.freeShippingThreshold, currency)} or more ship free; below that, shipping is ${formatMoney(pricing.shippingFee, currency)}.`
    : `Shipping is ${formatMoney(pricing.shippingFee, currency)} per order.`;
  return [
    "Hi! Thanks for reaching out. How can I help with your order today?",
    `Good question. ${shipping}`,
    "You can return anything within 30 days, free of charge, and we accept all major cards.",
    "Happy to help. Is there anything else you would like to know?",
  ];
}
