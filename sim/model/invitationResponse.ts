import type { InvitationAcceptanceConfig } from "./config.ts";

/** What the acceptance of one invitation depends on besides the shopper's openness. */
export interface InvitationContext {
  /** The shopper is about to leave (an invitation can help them). */
  readonly hesitating: boolean;
  /** Shown on exit intent (the shopper is on their way out). */
  readonly onExitIntent: boolean;
  /** Time on site when the invitation is shown. */
  readonly timeOnSiteSeconds: number;
  readonly returningVisitor: boolean;
}

/**
 * Probability that a shopper accepts an invitation: their openness (acceptance of an early
 * invitation to a first-time visitor who hesitates) times a multiplier per circumstance, capped at 1.
 * The time-on-site and returning-visitor multipliers are vendor figures (BoldChat: invited after
 * 2-3 min, 79% more likely to accept; repeat visitors 64% more likely to engage).
 *
 * @example
 * acceptanceProbability(0.2, { hesitating: true, onExitIntent: false, timeOnSiteSeconds: 150, returningVisitor: true },
 *   { ifNotHesitating: 0.25, onExitIntent: 0.6, laterAfterSeconds: 120, laterMultiplier: 1.79, returningMultiplier: 1.64 }) // 0.2 × 1.79 × 1.64 = 0.587
 */
export function acceptanceProbability(openness: number, context: InvitationContext, config: InvitationAcceptanceConfig): number {
  let acceptance = openness;
  if (!context.hesitating) acceptance *= config.ifNotHesitating;
  if (context.onExitIntent) acceptance *= config.onExitIntent;
  if (context.timeOnSiteSeconds >= config.laterAfterSeconds) acceptance *= config.laterMultiplier;
  if (context.returningVisitor) acceptance *= config.returningMultiplier;
  return Math.min(1, acceptance);
}

/**
 * Probability that declining the `invitationNumber`-th invitation of a visit (1 = the first) makes
 * a shopper who needed no help leave: sensitivity × multiplier^(number − 1), capped at 1. Each
 * repeat annoys more than the one before (an assumption: no published growth rate was found).
 *
 * @example
 * annoyanceProbability(0.04, 3, 1.5) // 0.04 × 1.5² = 0.09
 */
export function annoyanceProbability(sensitivity: number, invitationNumber: number, repeatMultiplier: number): number {
  return Math.min(1, sensitivity * repeatMultiplier ** Math.max(0, invitationNumber - 1));
}
