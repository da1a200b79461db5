// What counts as confusion in the live store: the measurement half of the `confusion` signal. The
// widget (scripts/store/widget) counts input events against these thresholds; the simulator models
// the same state from form errors (sim/model friction). Keeping the thresholds here, next to the
// signal table, makes them part of the one trigger contract.

/**
 * How the live widget decides that a shopper is confused. Any one of the three patterns sets the
 * `confusion` signal, which then holds for the rest of the visit:
 * - re-editing: one form field receives focus `fieldFocusCount` times on a page, or its value is
 *   changed and committed (a `change` event) `fieldEditCount` times on a page;
 * - going back and forth: the shopper arrives `backStepCount` times at a checkout step that lies
 *   before the furthest step already reached in the visit (each return counts once);
 * - rapid repeated clicks: `rapidClickCount` clicks within `rapidClickWindowSeconds`, each within
 *   `rapidClickRadiusPixels` of the first (the "rage click" pattern of session-replay tools).
 * The counts are assumptions, set where a deliberate shopper rarely goes: focusing a field a third
 * time or committing it a third time means they came back to it twice; one return to an earlier
 * step is often a plain correction, two are not.
 */
export const CONFUSION_THRESHOLDS = Object.freeze({
  fieldFocusCount: 3,
  fieldEditCount: 3,
  backStepCount: 2,
  rapidClickCount: 3,
  rapidClickWindowSeconds: 1,
  rapidClickRadiusPixels: 30,
});

/** The input patterns that set the `confusion` signal (what the widget reports as the cause). */
export const CONFUSION_CAUSES = Object.freeze(["refocus", "reedit", "backAndForth", "rapidClicks"] as const);
export type ConfusionCause = (typeof CONFUSION_CAUSES)[number];
