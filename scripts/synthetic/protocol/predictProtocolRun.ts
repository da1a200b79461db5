import type { StoreModelConfig } from "../../../sim/model/index.ts";
import { newVisitState, onChatEnded, onChatStarted, onDeclined, onPageChange, type QueueState, type ResolvedPolicy } from "../../../sim/policy/index.ts";
import type { PersonaSpec } from "../persona/PersonaSpec.ts";
import { leaveHazards } from "../persona/samplePersona.ts";
import type { PlannedPage } from "./visitPlan.ts";
import { walkIdleWindow } from "./walkIdleWindow.ts";

/** The desk assumed by the prediction: a free slot and no wait (the run's bots are sized for it). */
const OPEN_DESK: QueueState = { freeSlots: 1, queueLength: 0, predictedWaitSeconds: 0 };

/** The model's expectation for one persona. */
export interface PersonaPrediction {
  /** P(reaching) each funnel position: cart, the checkout steps, then `order`. */
  reach: Record<string, number>;
  /** P(leaving at) the cart and each checkout step. */
  leave: Record<string, number>;
  /** Invitations the policy shows on the persona's planned walk (an open desk). */
  invitations: number;
  /** The segment's chat openness: the probability it accepts an invitation. */
  acceptProbability: number;
}

/**
 * What the simulator's model says the protocol personas will do, for the same personas and policy:
 * funnel shares from the cart's and each step's hazards as competing risks with sticker shock where
 * the total appears (leaveHazards, the law each persona's leave step is drawn from), and invitations
 * from the persona's planned walk replayed through the trigger contract with the policy under check,
 * the signals the plan implies (pages so far, cart value at catalog prices, form errors) and an open
 * desk; acceptance is the segment's chat openness (the law of each persona's answer).
 * `pages` is the persona's visitPlan; `funnel` the checkout step names.
 */
export async function predictPersona(
  config: StoreModelConfig,
  policy: ResolvedPolicy,
  spec: PersonaSpec,
  pages: readonly PlannedPage[],
  funnel: { steps: readonly string[]; reveal: string },
): Promise<PersonaPrediction> {
  const segment = config.segments.find((candidate) => candidate.name === spec.segment)!;
  const reach: Record<string, number> = {};
  const leave: Record<string, number> = {};
  let survive = 1;
  for (const { step, hazard } of leaveHazards(config, funnel.steps, funnel.reveal, spec.targetCartValue, segment)) {
    reach[step] = survive;
    leave[step] = survive * hazard;
    survive *= 1 - hazard;
  }
  reach.order = survive;

  let visit = newVisitState();
  let clock = 0;
  let cartValue = 0;
  let formErrors = 0;
  let invitations = 0;
  for (const [index, page] of pages.entries()) {
    visit = onPageChange(visit);
    const outcome = await walkIdleWindow(
      {
        policy,
        // Persona plans have no re-edits or back-and-forth, so no persona is ever confused (as the browser predictor assumes).
        signals: { step: page.step, pageViews: index + 1, cartValue, formErrors, confusion: false, returningVisitor: false, device: spec.device },
        visit,
        startSeconds: clock,
        lengthSeconds: page.idleSeconds,
        exitIntent: page.leaves && page.exitIntent ? (spec.device === "desktop" ? "mouse" : "back") : null,
        reactionSeconds: spec.reactionSeconds,
      },
      {
        queue: () => OPEN_DESK,
        // The chat ends before the shopper's next action, as the live persona waits for it.
        invited: async (_decision, _signals, shown) =>
          spec.invitationResponse === "accept" ? { visit: onChatEnded(onChatStarted(shown)), goOn: false } : { visit: onDeclined(shown), goOn: true },
      },
    );
    visit = outcome.visit;
    invitations += outcome.invitations;
    clock += page.idleSeconds;
    if (page.add !== null) cartValue += page.add.unitPrice * page.add.quantity;
    formErrors += page.formErrors.length;
  }
  return { reach, leave, invitations, acceptProbability: segment.chatOpenness };
}
