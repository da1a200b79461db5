// Whether the reactive "Need help?" button is shown.

import type { ResolvedPolicy } from "./types.ts";

/**
 * True when the policy offers the "Need help?" button on `step`. It says nothing about whether the
 * shopper is already chatting; the caller hides the button then.
 *
 * reactiveAvailable(resolvePolicy({name: "p", reactive: {steps: ["payment"]}}), "cart") // → false
 */
export function reactiveAvailable(policy: ResolvedPolicy, step: string): boolean {
  const { enabled, steps } = policy.reactive;
  return enabled && (steps === null || steps.includes(step));
}
