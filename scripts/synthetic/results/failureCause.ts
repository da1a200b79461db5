// Whether a failure is the store's, or whether the machine running the check may be to blame: a
// wait that ran out while the harness itself was stalled says little about the store.

/** Who a failed check is put down to. */
export type FailureCause = "store" | "environment suspected";

/**
 * The harness's own event loop stalled at least this long (seconds) during a persona: its waits
 * and timers ran late by as much. An assumption (plausible 0.5-2 s): below it, a 2-15 s timeout
 * is not materially shortened; above it, timing failures are not evidence against the store.
 */
export const ENVIRONMENT_LAG_SECONDS = 1;

/**
 * Reasons that come from a wait running out or a time measured, which a stalled harness distorts.
 * "did not respond" and "did not close on" are waits too: for a change after a click, for an overlay to go.
 */
const TIMING_REASON =
  /within \d|page slow|took [\d.]+ s|slower than|exceeded \d+ s|budget|nothing happened|not shown|timed? ?out|did not respond|did not close on/i;

/**
 * The cause of a failed check: "environment suspected" when it is a timing failure (a wait that
 * ran out, a slow page) and the harness's event loop lagged ENVIRONMENT_LAG_SECONDS or more during
 * the persona; "store" otherwise (wrong money, a refused form, an error status: no lag explains those).
 *
 * failureCause("payment: page slow: it took 9.1 s to show (limit 4 s)", 2.5) // → "environment suspected"
 * failureCause("cart: total shows $10.00, expected 12.00 (…)", 2.5)          // → "store"
 */
export function failureCause(check: string, reason: string, maxLagSeconds: number): FailureCause {
  const timing = check === "stepTimings" || TIMING_REASON.test(reason);
  return timing && maxLagSeconds >= ENVIRONMENT_LAG_SECONDS ? "environment suspected" : "store";
}
