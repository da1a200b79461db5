import { extraCosts, type StoreModelConfig, stickerShockHazard } from "../../../sim/model/index.ts";
import { categorical, makeSampler, type RandomStream, StreamFactory } from "../../../sim/random/index.ts";
import type { StoreProfile } from "../profiles/loadProfile.ts";
import { generateValue, wrongValueFor } from "./formValues.ts";
import type { PersonaFormError, PersonaLeave, PersonaPause, PersonaSpec } from "./PersonaSpec.ts";

/** Bounds that keep a synthetic run short; the shopper model itself comes from the scenario. */
export interface PersonaModelOptions {
  /** Most product pages browsed before adding (default 3). */
  maxBrowsePages?: number;
  /** Most items in the cart (default 3). */
  maxItems?: number;
  /** Longest idle pause or linger, virtual seconds (default 900). */
  maxPauseSeconds?: number;
  /** Every persona finishes (benchmarks of full checkouts); default false. */
  finishAll?: boolean;
  /** The run's first persona finishes (default true); its form errors are drawn like every persona's. */
  reference?: boolean;
}

/** PersonaModelOptions with every default filled in. */
export type ResolvedPersonaModelOptions = Readonly<Required<PersonaModelOptions>>;

/** Product pages browsed before adding, at most (the model draws more; a check needs few). */
export const DEFAULT_MAX_BROWSE_PAGES = 3;
/** Cart items, at most. */
export const DEFAULT_MAX_ITEMS = 3;
/** Longest pause or linger, virtual seconds (the model's lognormal tails reach hours). */
export const DEFAULT_MAX_PAUSE_SECONDS = 900;
/** The scenario has no quantities: this share of cart lines takes two of a product. */
export const SECOND_UNIT_PROBABILITY = 0.15;
/** Error probability of a field that neither the profile nor the scenario describes. */
export const DEFAULT_FIELD_ERROR_PROBABILITY = 0.03;

/** Fills in the defaults above. */
export function resolvePersonaModelOptions(options: PersonaModelOptions = {}): ResolvedPersonaModelOptions {
  return Object.freeze({
    maxBrowsePages: options.maxBrowsePages ?? DEFAULT_MAX_BROWSE_PAGES,
    maxItems: options.maxItems ?? DEFAULT_MAX_ITEMS,
    maxPauseSeconds: options.maxPauseSeconds ?? DEFAULT_MAX_PAUSE_SECONDS,
    finishAll: options.finishAll ?? false,
    reference: options.reference ?? true,
  });
}

/** The id of the persona at `index`. */
export const personaId = (index: number): string => `persona${index}`;

/**
 * Draws persona `index` of a run from the scenario's shopper model: a segment by weight (device,
 * pages, cart value, tech comfort, chat openness), pages browsed, items, idle pauses at steps
 * (hesitation.pauseProbability, pauseSeconds), form errors (each field's errorProbability scaled
 * by 1.5 − techComfort, as the simulator's friction), where it leaves (the cart's and each step's
 * hazards as competing risks, plus sticker shock where the total appears), its linger and exit
 * intent, and whether it accepts an invitation (chatOpenness). Synthetic shoppers are checkout
 * probes: every one adds to cart (a store's checkout cannot be checked with an empty cart).
 *
 * Every choice comes from its own stream seeded by `${seed}:persona${index}`, so a persona is the
 * same whatever else the run contains, and `--replay persona3` reruns exactly it.
 */
export function samplePersona(
  config: StoreModelConfig,
  profile: StoreProfile,
  seed: string | number,
  index: number,
  options: ResolvedPersonaModelOptions,
  nowYear: number,
): PersonaSpec {
  const personaSeed = `${seed}:${personaId(index)}`;
  const streams = new StreamFactory(personaSeed);
  const uniform = (name: string) => streams.stream(name);
  const segmentIndex = categorical(
    uniform("segment"),
    config.segments.map((segment) => segment.weight),
  ).sample();
  const segment = config.segments[segmentIndex];
  const bounded = (value: number) => Math.min(options.maxPauseSeconds, Math.max(0, round(value, 1)));

  const pageViews = Math.max(1, Math.round(makeSampler(segment.pageViews, uniform("pageViews")).sample()));
  const browse = uniform("browse");
  const browsePicks = Array.from({ length: Math.min(options.maxBrowsePages, pageViews - 1) }, () => browse.next());
  const targetCartValue = round(Math.max(1, makeSampler(segment.cartValue, uniform("cartValue")).sample()), 2);
  const itemStream = uniform("items");
  const items = Array.from({ length: options.maxItems }, () => ({ pick: itemStream.next(), quantity: itemStream.next() < SECOND_UNIT_PROBABILITY ? 2 : 1 }));

  const steps = profile.checkout.steps.map((step) => step.name);
  const reveal = profile.rules.totalFirstShownAt ?? steps[steps.length - 1];
  const leave =
    options.finishAll || (options.reference && index === 0)
      ? null
      : drawLeave(config, steps, reveal, targetCartValue, segment, uniform("leave"), uniform("linger"), bounded);
  const stopAt = leave === null ? profile.funnelSteps.length - 1 : profile.funnelSteps.indexOf(leave.step);

  const pauseStream = uniform("pauses");
  const pauseSeconds = makeSampler(config.funnel.hesitation.pauseSeconds, uniform("pauseSeconds"));
  const pauses: PersonaPause[] = [];
  for (const step of profile.funnelSteps.slice(0, stopAt)) {
    if (pauseStream.next() < config.funnel.hesitation.pauseProbability) pauses.push({ step, seconds: bounded(pauseSeconds.sample()) });
  }

  const formErrors = drawFormErrors(config, profile, segment, stopAt, leave === null, uniform("formErrors"));
  // The reference persona's errors are drawn like everyone's: forcing one made every run's first
  // shopper err on the first field it could, whatever the profile's probabilities said.
  const reference = options.reference && index === 0;

  const values = drawFormValues(profile, uniform("formValues"), nowYear);

  const chatStream = uniform("chat");
  return {
    id: personaId(index),
    index,
    seed: personaSeed,
    segment: segment.name,
    device: segment.device,
    reference,
    browsePicks: browsePicks.map((pick) => round(pick, 6)),
    items: items.map((item) => ({ pick: round(item.pick, 6), quantity: item.quantity })),
    targetCartValue,
    pauses,
    formErrors,
    leave,
    invitationResponse: chatStream.next() < segment.chatOpenness ? "accept" : "dismiss",
    reactionSeconds: round(1 + 3 * chatStream.next(), 1),
    values,
  };
}

/**
 * The wrong values the persona types, on the checkout steps it reaches (all when it finishes): each
 * field that can be wrong errs with its errorProbability (the profile's, else the scenario's, else
 * the default) scaled by 1.5 − techComfort, as the simulator's friction.
 */
function drawFormErrors(
  config: StoreModelConfig,
  profile: StoreProfile,
  segment: StoreModelConfig["segments"][number],
  stopAt: number,
  finishes: boolean,
  errorStream: { next(): number },
): PersonaFormError[] {
  const formErrors: PersonaFormError[] = [];
  const reachedSteps = profile.checkout.steps.filter((step) => profile.funnelSteps.indexOf(step.name) < stopAt || finishes);
  for (const step of reachedSteps) {
    if (step.error === undefined && step.fieldError === undefined && step.fields.every((field) => field.error === undefined)) continue;
    const modelStep = config.funnel.steps.find((candidate) => candidate.name === step.name);
    for (const field of step.fields) {
      const wrong = wrongValueFor(field);
      if (wrong === null) continue;
      const base =
        field.errorProbability ?? modelStep?.fields.find((candidate) => candidate.name === field.name)?.errorProbability ?? DEFAULT_FIELD_ERROR_PROBABILITY;
      if (errorStream.next() < Math.min(1, base * (1.5 - segment.techComfort))) formErrors.push({ step: step.name, field: field.name, value: wrong });
    }
  }
  return formErrors;
}

/** Generated values of the login and checkout fields that ask for one (`generate`), keyed `step.field`. */
function drawFormValues(profile: StoreProfile, valueStream: { next(): number }, nowYear: number): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [prefix, fields] of [
    ["login", profile.login?.fields ?? []],
    ...profile.checkout.steps.map((step) => [step.name, step.fields] as const),
  ] as const) {
    for (const field of fields) if (field.generate !== undefined) values[`${prefix}.${field.name}`] = generateValue(field.generate, valueStream, nowYear);
  }
  return values;
}

function drawLeave(
  config: StoreModelConfig,
  steps: readonly string[],
  reveal: string,
  cartValue: number,
  segment: StoreModelConfig["segments"][number],
  leaveStream: RandomStream,
  lingerStream: RandomStream,
  bounded: (value: number) => number,
): PersonaLeave | null {
  const candidates = leaveHazards(config, steps, reveal, cartValue, segment);
  // One uniform per step, drawn for every step so later steps do not shift with earlier outcomes.
  const draws = candidates.map(() => leaveStream.next());
  const index = candidates.findIndex((candidate, i) => draws[i] < candidate.hazard);
  if (index < 0) return null;
  const linger = makeSampler(config.funnel.hesitation.lingerSeconds, lingerStream).sample();
  const exitIntent = lingerStream.next() < config.funnel.hesitation.exitIntentProbability[segment.device];
  return { step: candidates[index].step, lingerSeconds: bounded(linger), exitIntent };
}

/**
 * The probability that a shopper of `segment` with a cart of `cartValue` leaves at each of the
 * cart and the checkout `steps`, given they reached it: the step's hazards as competing risks, sticker
 * shock where the total is revealed, the hidden-total hazard at the steps before. A persona's leave
 * is drawn from these; the protocol check predicts funnel shares from them.
 */
export function leaveHazards(
  config: StoreModelConfig,
  steps: readonly string[],
  reveal: string,
  cartValue: number,
  segment: StoreModelConfig["segments"][number],
): Array<{ step: string; hazard: number }> {
  const { funnel, pricing } = config;
  const shock = stickerShockHazard(cartValue, extraCosts(cartValue, pricing), funnel.stickerShock.sensitivity, segment.priceSensitivity);
  const candidates: Array<{ step: string; hazard: number }> = [
    { step: "cart", hazard: combined(Object.values(funnel.cartHazards), reveal === "cart" ? shock : 0) },
  ];
  let revealed = reveal === "cart";
  for (const step of steps) {
    const modelStep = funnel.steps.find((candidate) => candidate.name === step);
    const isReveal = step === reveal;
    const extra = isReveal ? shock : revealed ? 0 : funnel.stickerShock.hiddenTotalHazardPerStep;
    candidates.push({ step, hazard: combined(Object.values(modelStep?.hazards ?? {}), extra) });
    revealed ||= isReveal;
  }
  return candidates;
}

/** Competing risks: the probability that any of the hazards strikes, 1 − Π(1 − h). */
function combined(hazards: readonly (number | undefined)[], extra: number): number {
  let survive = 1 - extra;
  for (const hazard of hazards) if (hazard !== undefined) survive *= 1 - hazard;
  return 1 - survive;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
