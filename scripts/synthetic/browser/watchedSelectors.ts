import type { StoreProfile } from "../profiles/loadProfile.ts";
import type { ProfileField, ProfileStep } from "../profiles/profileSchema.ts";

/**
 * Every selector a persona waits to see, from the profile: each page's marker, the "added"
 * confirmations, form errors (step-wide and per field), the login form and the agent's chat
 * message. The page recorder watches these and reports when they appear, so the harness never
 * polls for them. Order is stable (the recorder reports indices); no duplicates.
 */
export function watchedSelectors(profile: StoreProfile): string[] {
  const selectors: Array<string | undefined> = [
    profile.login?.fields[0]?.selector,
    profile.login?.success,
    profile.login?.error,
    profile.catalog.product,
    profile.catalog.added,
    profile.product?.marker,
    profile.product?.added,
    profile.cart.marker,
    ...profile.checkout.steps.flatMap((step) => [step.marker, step.error, ...step.fields.map((field) => fieldErrorSelector(step, field))]),
    profile.confirmation.marker,
    profile.chat?.agentMessage,
  ];
  return [...new Set(selectors.filter((selector): selector is string => selector !== undefined))];
}

/** The selector of a field's error message: its own `error`, else the step's `fieldError` pattern with its name. */
export function fieldErrorSelector(step: ProfileStep, field: ProfileField): string | undefined {
  return field.error ?? step.fieldError?.replaceAll("{name}", field.name);
}
