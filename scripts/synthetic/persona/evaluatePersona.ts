import type { ResolvedPolicy } from "../../../sim/policy/index.ts";
import { chatPolicyCheck } from "../checks/chatPolicyCheck.ts";
import { formValidationCheck } from "../checks/formValidationCheck.ts";
import { funnelCheck } from "../checks/funnelCheck.ts";
import { layoutCheck } from "../checks/layoutCheck.ts";
import { moneyCheck } from "../checks/moneyCheck.ts";
import { predictInvitations } from "../checks/predictInvitations.ts";
import { stepTimingsCheck } from "../checks/stepTimingsCheck.ts";
import type { StoreProfile } from "../profiles/loadProfile.ts";
import { CHECK_NAMES, type CheckName, type CheckVerdict, type InvitationWindow } from "../results/checkResults.ts";
import type { PersonaObservations } from "./observations.ts";

/** Every check's verdict for one persona, and the invitation windows behind the chat check. */
export interface PersonaEvaluation {
  verdicts: Record<CheckName, CheckVerdict>;
  windows: InvitationWindow[];
}

/**
 * Runs every check on one persona's observations (pure). The chat check is skipped when the
 * profile has no chat widget or no policy is under check; checks after a funnel failure judge what
 * the persona saw before it stopped.
 */
export function evaluatePersona(
  observations: PersonaObservations,
  profile: StoreProfile,
  policy: ResolvedPolicy | null,
  toleranceSeconds: number,
): PersonaEvaluation {
  let windows: InvitationWindow[] = [];
  let chat: CheckVerdict;
  if (!profile.chat) chat = skipped("no chat on this store");
  else if (policy === null) chat = skipped("no policy under check");
  else {
    windows = predictInvitations(
      observations,
      policy,
      profile.rules,
      toleranceSeconds,
      profile.checkout.steps.map((step) => step.name),
    );
    chat = chatPolicyCheck(observations, windows, toleranceSeconds);
    if (observations.failure !== null && chat.status === "passed" && windows.length === 0)
      chat = skipped(`no idle window before the persona stopped at ${observations.failure.step}`);
  }
  const verdicts: Record<CheckName, CheckVerdict> = {
    funnel: funnelCheck(observations),
    money: moneyCheck(observations, profile.rules),
    formValidation: formValidationCheck(observations),
    chatPolicy: chat,
    stepTimings: stepTimingsCheck(observations, profile.pageBudgetSeconds),
    layout: layoutCheck(observations, profile.chat !== undefined, profile.chat?.widget !== undefined),
  };
  // Keep the documented order whatever the object literal says.
  return { verdicts: Object.fromEntries(CHECK_NAMES.map((name) => [name, verdicts[name]])) as Record<CheckName, CheckVerdict>, windows };
}

function skipped(reason: string): CheckVerdict {
  return { status: "skipped", reason, evidence: [], seconds: 0, attempts: 1, shot: null };
}
