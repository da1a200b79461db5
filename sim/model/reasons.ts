/**
 * Why a shopper left. The checkout reasons are those of Baymard Institute's checkout survey
 * (experiments/evidence/publishedFigures.json, checkoutReasons); `justBrowsing` and `annoyedByChat` complete the list.
 */
export const CHECKOUT_REASONS = [
  "extraCostsTooHigh",
  "accountRequired",
  "didNotTrustCardDetails",
  "deliveryTooSlow",
  "checkoutTooLongOrComplicated",
  "totalNotVisibleUpfront",
  "returnsPolicy",
  "websiteErrors",
  "tooFewPaymentMethods",
  "cardDeclined",
] as const;

export const ABANDONMENT_REASONS = ["justBrowsing", ...CHECKOUT_REASONS, "annoyedByChat"] as const;

export type CheckoutReason = (typeof CHECKOUT_REASONS)[number];
export type AbandonmentReason = (typeof ABANDONMENT_REASONS)[number];

/** Index of each reason in ABANDONMENT_REASONS, for array-backed counters on the hot path. */
export const REASON_INDEX: Readonly<Record<AbandonmentReason, number>> = Object.freeze(
  Object.fromEntries(ABANDONMENT_REASONS.map((reason, index) => [reason, index])) as Record<AbandonmentReason, number>,
);
