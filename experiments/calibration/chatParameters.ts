import type { StoreScenario } from "../scenario/index.ts";
import type { CalibrationParameter, ParameterValue } from "./calibrationParameters.ts";
import { CAUSAL_LIFT_TARGET } from "./causalLiftTarget.ts";
import { holdoutLift } from "./holdoutLift.ts";
import { type ChatCounts, type ChatTarget, chatTargetCounts } from "./observedChat.ts";

/** What the chat data can and cannot identify, one entry per chat parameter. */
export interface ChatIdentifiability {
  parameter: string;
  identified: boolean;
  /** One line, for the terminal and the report. */
  note: string;
}

export interface ChatParameterPlan {
  parameters: CalibrationParameter[];
  fixed: { path: string; value: number | null; why: string }[];
  identifiability: ChatIdentifiability[];
}

/** The keys of a distribution that scale it (a factor on them scales every draw). */
const SCALE_KEYS: Record<string, string[]> = {
  constant: ["value"],
  exponential: ["mean"],
  lognormal: ["mean", "sd"],
  normal: ["mean", "sd"],
  gamma: ["scale"],
  erlang: ["mean"],
  weibull: ["scale"],
  uniform: ["min", "max"],
  triangular: ["min", "mode", "max"],
};

/**
 * The chat parameters the observed chat counts can identify, each one factor with one target share:
 *
 * - invitation acceptance: every segment's chatOpenness → invitations accepted ÷ shown (the
 *   multipliers by time on site and visitor type keep their vendor figures).
 * - help requests: every segment's helpProbability and friction.helpProbabilityPerError → "Need
 *   help?" requests (queue joins that were not accepted invitations) ÷ sessions offered chat.
 * - patience: every segment's patience distribution, scaled (its factor divides the values, so a
 *   higher factor means less patience and more abandonment) → chats abandoned ÷ requests.
 * - rescue: every chat.rescueProbability → with a holdout, the lift for chat users it measures (the
 *   offered vs held-out contrast, `causalLiftTarget`); without one, orders ÷ sessions with chat.
 *
 * `identifiability` says, per parameter, what the fit rests on; for rescue, whether a holdout
 * identifies the causal lift or the fit rests on the scenario's model of who chats.
 */
export function planChatParameters(scenario: StoreScenario, counts: ChatCounts): ChatParameterPlan {
  const parameters: CalibrationParameter[] = [];
  const fixed: ChatParameterPlan["fixed"] = [];
  const identifiability: ChatIdentifiability[] = [];
  const add = (
    name: string,
    pattern: string,
    target: ChatTarget | typeof CAUSAL_LIFT_TARGET,
    values: ParameterValue[],
    fittedNote: string,
    missingNote: string,
    extraCheck: string | null = null,
  ) => {
    const observed = target === CAUSAL_LIFT_TARGET ? holdoutLift(counts) : chatTargetCounts(target, counts);
    const why =
      observed === null ? missingNote : (extraCheck ?? (values.every((value) => value.before === 0) ? "0 in the scenario (a factor cannot move it)" : null));
    if (why === null && values.length > 0) {
      parameters.push({ name, targets: [], chatTarget: target, values });
      identifiability.push({ parameter: name, identified: true, note: `${name}: ${fittedNote}` });
      return;
    }
    identifiability.push({ parameter: name, identified: false, note: `${name}: not identified, ${why ?? "no value to fit"}` });
    fixed.push({ path: pattern, value: null, why: why ?? "no value to fit" });
  };

  const segments = scenario.segments;
  add(
    "invitation acceptance",
    "segments[*].chatOpenness",
    "acceptance",
    segments.map((segment, i) => ({ path: ["segments", i, "chatOpenness"], before: segment.chatOpenness, max: 1 })),
    `identified by invitations accepted ÷ shown (${counts.invitationsAccepted} of ${counts.invitationsShown})`,
    "the data has no invitations shown and accepted (a reactive-only store, or no invitationsAccepted row)",
  );
  add(
    "help requests",
    "segments[*].helpProbability, funnel.friction.helpProbabilityPerError",
    "reactiveRequests",
    [
      ...segments.map((segment, i) => ({ path: ["segments", i, "helpProbability"], before: segment.helpProbability, max: 1 })),
      { path: ["funnel", "friction", "helpProbabilityPerError"], before: scenario.funnel.friction.helpProbabilityPerError, max: 1 },
    ],
    "identified by help requests (chat requests − invitations accepted) ÷ sessions offered chat",
    "the data needs chatRequests, sessions and, when invitations were shown, invitationsAccepted",
  );
  const patienceValues = segments.flatMap((segment, i) => {
    const spec = segment.patienceSeconds as unknown as Record<string, number>;
    return (SCALE_KEYS[String(spec.kind)] ?? []).map((key) => ({
      path: ["segments", i, "patienceSeconds", key],
      before: spec[key],
      max: Number.POSITIVE_INFINITY,
      inverse: true,
    }));
  });
  add(
    "queue patience",
    "segments[*].patienceSeconds",
    "queueAbandonment",
    patienceValues,
    "identified by chats abandoned ÷ requests through the simulated waits: it assumes the scenario's agents and handle times are the store's",
    "the data has no chatsAbandoned or chatRequests rows",
    counts.chatsAbandoned === 0 ? "no chat was abandoned, so the data only bounds patience from below" : null,
  );
  const rescue = Object.entries(scenario.chat.rescueProbability)
    .filter(([, value]) => (value ?? 0) > 0)
    .map(([reason, value]) => ({ path: ["chat", "rescueProbability", reason], before: value as number, max: 1 }));
  const lift = holdoutLift(counts);
  add(
    "rescue",
    "chat.rescueProbability.*",
    lift === null ? "chatConversion" : CAUSAL_LIFT_TARGET,
    rescue,
    lift === null
      ? "without a holdout the rescue effect is confounded with self-selection: chatters' purchase rate is fitted by trusting the scenario's model of who chats (set policy.holdout to identify the causal lift)"
      : `with a holdout the causal lift is identified: chat users buy ${lift.points.toFixed(1)} points more because of chat (95% CI ${lift.lower.toFixed(1)} to ${lift.upper.toFixed(1)}); the rescue scale is fitted to that contrast (offered vs held-out sessions), not to chatters' purchase rate`,
    "the data has no sessionsWithChat and ordersWithChat rows",
  );
  return { parameters, fixed, identifiability };
}
