/** Readable names for model keys; unknown keys (a scenario's own step names) are shown as written. */
const REASON_LABELS: Readonly<Record<string, string>> = {
  justBrowsing: "Just browsing",
  extraCostsTooHigh: "Extra costs too high",
  accountRequired: "Account required",
  didNotTrustCardDetails: "Did not trust card details",
  deliveryTooSlow: "Delivery too slow",
  checkoutTooLongOrComplicated: "Checkout too long",
  totalNotVisibleUpfront: "Total not visible upfront",
  returnsPolicy: "Returns policy",
  websiteErrors: "Website errors",
  tooFewPaymentMethods: "Too few payment methods",
  cardDeclined: "Card declined",
  annoyedByChat: "Annoyed by chat",
};

/** Reasons that are not checkout problems: shown apart (neutral colour) from the Baymard reasons. */
export const NON_CHECKOUT_REASONS: ReadonlySet<string> = new Set(["justBrowsing", "annoyedByChat"]);

/** `reasonLabel("extraCostsTooHigh")` → `"Extra costs too high"`. */
export function reasonLabel(reason: string): string {
  return Object.hasOwn(REASON_LABELS, reason) ? REASON_LABELS[reason] : reason;
}

/** `stepLabel("payment")` → `"Payment"`. */
export function stepLabel(step: string): string {
  return capitalize(step);
}

/** First letter upper-cased, for labels that start a title or a table row: `capitalize("conversion")` → `"Conversion"`. */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}
