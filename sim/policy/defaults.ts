// Every default a policy can leave out, in one place. resolvePolicy fills these in.

/** The "Need help?" button is on unless a policy turns it off. */
export const DEFAULT_REACTIVE_ENABLED = true;
/** Chat queue priority of a rule that names none. */
export const DEFAULT_RULE_PRIORITY = 0;
/** One proactive invitation per page: a second one on the same page reads as nagging. */
export const DEFAULT_CAP_PER_PAGE = 1;
export const DEFAULT_CAP_PER_VISIT = 2;
/** After a decline the shopper is left alone for the rest of the visit. */
export const DEFAULT_INVITE_AFTER_DECLINE = false;
export const DEFAULT_MIN_GAP_SECONDS = 60;
/** No gating by default, so a policy that gates says so. */
export const DEFAULT_REQUIRE_FREE_SLOT = false;
export const DEFAULT_MAX_QUEUE_LENGTH = Number.POSITIVE_INFINITY;
export const DEFAULT_MAX_PREDICTED_WAIT_SECONDS = Number.POSITIVE_INFINITY;
/** No cart counts as high value unless a policy sets a threshold. */
export const DEFAULT_HIGH_VALUE_CART_ABOVE = Number.POSITIVE_INFINITY;
export const DEFAULT_HIGH_VALUE_BOOST = 1;
/** A shopper who asked for help is served before invited ones of the same rule priority. */
export const DEFAULT_REACTIVE_BOOST = 1;

/**
 * When a trigger matches but gating blocks it (queue too long, no free slot), the trigger is checked
 * again this many seconds later while the shopper stays idle. The simulator and the live widget both
 * use it, so they invite at the same moments.
 */
export const GATE_RECHECK_SECONDS = 5;

/** No holdout unless a policy asks for one: every session may be offered chat. */
export const DEFAULT_HOLDOUT_SHARE = 0;
/** Salt of the holdout hash when a policy names none. */
export const DEFAULT_HOLDOUT_SALT = "holdout";
