// A persona's script: everything a synthetic shopper will do, drawn up front from the scenario's
// shopper model, so the same seed replays the same shopper against any store.

import type { Device } from "../../../sim/policy/index.ts";

/** An idle pause: the shopper sits on `step` without input for `seconds` (virtual time). */
export interface PersonaPause {
  step: string;
  seconds: number;
}

/** A deliberate form error: `value` typed into `field` on `step`, then corrected. */
export interface PersonaFormError {
  step: string;
  field: string;
  value: string;
}

/** Where and how a shopper who does not finish leaves. */
export interface PersonaLeave {
  step: string;
  /** Idle time before leaving (the window in which an invitation can still reach them). */
  lingerSeconds: number;
  /** Shows exit intent first (pointer out through the top on desktop, the back button on touch devices). */
  exitIntent: boolean;
}

/** A candidate cart item: `pick` in [0, 1) chooses the product from the list the store shows. */
export interface PersonaItem {
  pick: number;
  quantity: number;
}

/** One synthetic shopper, replayable from `seed`. */
export interface PersonaSpec {
  /** `persona<index>` */
  id: string;
  index: number;
  /** `${runSeed}:persona${index}`: every random choice below comes from streams seeded by it. */
  seed: string;
  segment: string;
  device: Device;
  /**
   * The run's first persona always finishes, so every run checks the whole funnel and the
   * confirmation's money at least once (its form errors are drawn like everyone's).
   */
  reference: boolean;
  /** Product pages viewed before adding anything (each pick chooses one from the list). */
  browsePicks: number[];
  /** Items are added in order until the cart reaches `targetCartValue` (at least one is added). */
  items: PersonaItem[];
  targetCartValue: number;
  pauses: PersonaPause[];
  formErrors: PersonaFormError[];
  /** null: finishes the checkout. */
  leave: PersonaLeave | null;
  /** What the shopper does with any chat invitation. */
  invitationResponse: "accept" | "dismiss";
  /** Virtual seconds between an invitation appearing and the shopper answering it. */
  reactionSeconds: number;
  /** Generated form values by `step.field` (`login.field` for the login form). */
  values: Record<string, string>;
}
