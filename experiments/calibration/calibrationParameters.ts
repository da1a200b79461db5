import type { AbandonmentReason } from "../../sim/model/index.ts";
import { formatPath } from "../scenario/formatIssues.ts";
import type { StoreScenario } from "../scenario/index.ts";
import type { CAUSAL_LIFT_TARGET } from "./causalLiftTarget.ts";
import type { ChatTarget } from "./observedChat.ts";
import type { ObservedFunnel } from "./observedFunnel.ts";

/** One scenario value a parameter's factor scales. */
export interface ParameterValue {
  /** Path in the scenario file, e.g. ["funnel", "steps", 2, "hazards", "cardDeclined"]. */
  path: (string | number)[];
  before: number;
  /** Largest allowed value (probabilities 1, sensitivities unbounded). */
  max: number;
  /** The factor divides this value instead of multiplying it (patience: a higher factor, more abandonment). */
  inverse?: boolean;
}

/** An outcome cell of a funnel step. */
export interface TargetCell {
  /** Step index in the simulated funnel (0 browse, 1 cart, then checkout steps). */
  index: number;
  cell: "continued" | "abandoned" | AbandonmentReason;
}

/**
 * One fitted factor: it multiplies every value in `values`, and is tuned so that the simulated share
 * of its target cells (pooled over the target steps) matches the observed share.
 */
export interface CalibrationParameter {
  name: string;
  /** Funnel cells; empty for a chat parameter. */
  targets: TargetCell[];
  /** A chat parameter's target share instead of funnel cells, or the lift for chat users a holdout measures (rescue, with a holdout). */
  chatTarget?: ChatTarget | typeof CAUSAL_LIFT_TARGET;
  values: ParameterValue[];
}

export interface ParameterPlan {
  parameters: CalibrationParameter[];
  /** Values kept as they are, with the reason (value null for a group of values). */
  fixed: { path: string; value: number | null; why: string }[];
}

/**
 * Which scenario values the observed counts can identify, as multiplicative factors with one target
 * statistic each (so each factor mostly drives its own target):
 *
 * - add-to-cart: every segment's addToCartProbability × one factor → browse → cart continuation.
 * - a step observed with totals only: all its base hazards × one factor → its abandonment share.
 * - a step observed by reason: each listed reason with a base hazard gets its own factor → that
 *   reason's share.
 * - with reason counts, three shared parameters are identified where they act alone (the step has no
 *   base hazard for the reason): stickerShock.sensitivity by "extraCostsTooHigh" at the step that
 *   reveals the total; stickerShock.hiddenTotalHazardPerStep by "totalNotVisibleUpfront" before it;
 *   friction.hazardPerError by "checkoutTooLongOrComplicated" at steps with form fields (the CSV has
 *   no form-error counts, so the friction share is all there is to fit it to). Otherwise they are kept
 *   and `fixed` says why: with totals only, their effect at a step cannot be told apart from the
 *   step's own hazards.
 */
export function planParameters(scenario: StoreScenario, observed: ObservedFunnel): ParameterPlan {
  const parameters: CalibrationParameter[] = [];
  const fixed: ParameterPlan["fixed"] = [];
  const { funnel, pricing } = scenario;
  const stepNames = ["browse", "cart", ...funnel.steps.map((step) => step.name)];
  const observedAt = new Map(observed.steps.map((step) => [step.index, step]));
  const hazardsAt = (index: number): { path: (string | number)[]; hazards: Partial<Record<AbandonmentReason, number>> } =>
    index === 1
      ? { path: ["funnel", "cart", "hazards"], hazards: funnel.cart.hazards }
      : { path: ["funnel", "steps", index - 2, "hazards"], hazards: funnel.steps[index - 2].hazards };

  if (observedAt.has(0)) {
    parameters.push({
      name: "add to cart",
      targets: [{ index: 0, cell: "continued" }],
      values: scenario.segments.map((segment, i) => ({ path: ["segments", i, "addToCartProbability"], before: segment.addToCartProbability, max: 1 })),
    });
  } else {
    fixed.push({ path: "segments[*].addToCartProbability", value: null, why: "no sessions or reached cart counts" });
  }

  for (let index = 1; index < stepNames.length; index++) {
    const { path, hazards } = hazardsAt(index);
    const entries = Object.entries(hazards).filter(([, value]) => (value ?? 0) > 0) as [AbandonmentReason, number][];
    const step = observedAt.get(index);
    if (step === undefined) {
      for (const [reason, value] of entries) fixed.push({ path: formatPath([...path, reason]), value, why: `no observed counts at ${stepNames[index]}` });
      continue;
    }
    if (step.reasons === null) {
      if (entries.length > 0) {
        parameters.push({
          name: `${stepNames[index]} hazards`,
          targets: [{ index, cell: "abandoned" }],
          values: entries.map(([reason, value]) => ({ path: [...path, reason], before: value, max: 1 })),
        });
      }
      continue;
    }
    for (const [reason, value] of entries) {
      if (step.reasons[reason] === undefined) {
        fixed.push({ path: formatPath([...path, reason]), value, why: `no "${reason}" count at ${stepNames[index]} (it falls in the step's "other" outcome)` });
        continue;
      }
      parameters.push({
        name: `${stepNames[index]} × ${reason}`,
        targets: [{ index, cell: reason }],
        values: [{ path: [...path, reason], before: value, max: 1 }],
      });
    }
  }

  // Shared parameters, identified by reason cells where they act alone.
  const hasReveal = pricing.showTotalUpfront || funnel.steps.some((step) => step.revealsTotal);
  const revealIndex = pricing.showTotalUpfront ? 1 : 2 + funnel.steps.findIndex((step) => step.revealsTotal);
  const alone = (indices: number[], reason: AbandonmentReason): TargetCell[] =>
    indices
      .filter((index) => {
        const step = observedAt.get(index);
        return step !== undefined && step.reasons !== null && step.reasons[reason] !== undefined && !((hazardsAt(index).hazards[reason] ?? 0) > 0);
      })
      .map((index) => ({ index, cell: reason }));
  const shared = (name: string, path: (string | number)[], value: number, max: number, cells: TargetCell[], reason: AbandonmentReason, where: string) => {
    if (value > 0 && cells.length > 0) parameters.push({ name, targets: cells, values: [{ path, before: value, max }] });
    else
      fixed.push({
        path: formatPath(path),
        value,
        why:
          value > 0
            ? `needs "${reason}" abandonment counts ${where} (with totals only its effect cannot be told apart from the step's own hazards)`
            : "0 in the scenario (a factor cannot move it)",
      });
  };
  shared(
    "sticker shock sensitivity",
    ["funnel", "stickerShock", "sensitivity"],
    funnel.stickerShock.sensitivity,
    Number.POSITIVE_INFINITY,
    hasReveal ? alone([revealIndex], "extraCostsTooHigh") : [],
    "extraCostsTooHigh",
    hasReveal ? `at ${stepNames[revealIndex]}, the step that reveals the total` : "(and a step that reveals the total)",
  );
  const hiddenSteps = pricing.showTotalUpfront ? [] : stepNames.map((_, index) => index).filter((index) => index >= 1 && (!hasReveal || index < revealIndex));
  shared(
    "hidden total hazard",
    ["funnel", "stickerShock", "hiddenTotalHazardPerStep"],
    funnel.stickerShock.hiddenTotalHazardPerStep,
    1,
    alone(hiddenSteps, "totalNotVisibleUpfront"),
    "totalNotVisibleUpfront",
    "at the steps before the total is revealed",
  );
  const formSteps = funnel.steps
    .map((step, k) => ({ step, index: k + 2 }))
    .filter(({ step }) => step.fields.some((field) => field.errorProbability > 0))
    .map(({ index }) => index);
  shared(
    "friction hazard per error",
    ["funnel", "friction", "hazardPerError"],
    funnel.friction.hazardPerError,
    1,
    alone(formSteps, "checkoutTooLongOrComplicated"),
    "checkoutTooLongOrComplicated",
    "at steps with form fields (the CSV has no form-error counts)",
  );
  return { parameters, fixed };
}
