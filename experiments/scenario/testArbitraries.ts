// Test support only (fast-check arbitraries for fuzzing the scenario loader and the simulator); not
// re-exported from index.ts. Scenarios stay cheap on purpose: one day and a few hundred sessions or
// chats, so thousands of them run in well under a minute.

import fc from "fast-check";

/** Sessions (or chats) per day in every generated scenario: enough to reach checkout and the chat desk. */
export const FUZZ_VOLUME_PER_DAY = 300;

/** Policy files next to the scenarios folder, as a scenario in experiments/scenarios names them. */
export const POLICY_FILES = [
  "../policies/reactive-only.yaml",
  "../policies/aggressive.yaml",
  "../policies/exit-intent-high-value.yaml",
  "../policies/idle-on-payment.yaml",
] as const;

const probability = fc.oneof(fc.constantFrom(0, 1, 0.5), fc.double({ min: 0, max: 1, noNaN: true }));

/** A valid distribution of non-negative values around `typical`, from tiny to huge. */
export function distributionArbitrary(typical: number): fc.Arbitrary<Record<string, unknown>> {
  const scale = fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: typical / 4, max: typical * 4, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(1e-6, 1e-3, typical * 100) },
  );
  return fc.oneof(
    fc.record({ kind: fc.constant("constant"), value: fc.oneof(fc.constant(0), scale) }),
    fc.record({ kind: fc.constant("exponential"), mean: scale }),
    fc.tuple(scale, scale).map(([a, b]) => ({ kind: "uniform", min: Math.min(a, b) / 2, max: Math.max(a, b) })),
    fc.tuple(scale, scale).map(([mean, sd]) => ({ kind: "normal", mean, sd, min: 0 })),
    fc.tuple(scale, scale).map(([mean, sd]) => ({ kind: "lognormal", mean, sd })),
    fc.record({
      kind: fc.constant("lognormal"),
      mu: fc.double({ min: -3, max: Math.log(typical) + 2, noNaN: true }),
      sigma: fc.double({ min: 0.01, max: 2, noNaN: true }),
    }),
    fc.tuple(fc.double({ min: 0.2, max: 5, noNaN: true }), scale).map(([shape, mean]) => ({ kind: "gamma", shape, scale: mean / shape })),
    fc.tuple(fc.integer({ min: 1, max: 5 }), scale).map(([k, mean]) => ({ kind: "erlang", k, mean })),
    fc.tuple(fc.double({ min: 0.3, max: 5, noNaN: true }), scale).map(([shape, mean]) => ({ kind: "weibull", shape, scale: mean })),
    fc.tuple(scale, fc.double({ min: 0, max: 1, noNaN: true })).map(([max, at]) => ({ kind: "triangular", min: 0, mode: max * at, max })),
    fc.record({ kind: fc.constant("empirical"), samples: fc.array(scale, { minLength: 1, maxLength: 5 }), interpolate: fc.boolean() }),
  );
}

const CHECKOUT_STEP_NAMES = ["account", "shipping", "payment", "review", "confirm", "gift-options"];
const CONDITION_TEMPLATES = [
  (steps: string[], n: number) => `idleSeconds >= ${n}`,
  (steps: string[], n: number) => `step in [${steps.join(", ")}] and idleSeconds >= ${n}`,
  (steps: string[], n: number) => `step == ${steps[0]} and idleSeconds > ${n}`,
  () => "exitIntent",
  (steps: string[], n: number) => `exitIntent and cartValue >= ${n * 10}`,
  (steps: string[], n: number) => `pageViews >= ${Math.max(1, Math.round(n / 10))} and idleSeconds >= ${n}`,
  (steps: string[], n: number) => `timeOnSiteSeconds > ${n * 4} or formErrors >= 1`,
  (steps: string[], n: number) => `not returningVisitor and device != desktop and idleSeconds >= ${n}`,
];

/** An inline trigger policy for the given step names, from cautious to nagging (no gap, large caps). */
export function policyArbitrary(stepNames: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const pages = ["browse", "product", "cart", ...stepNames];
  const rule = fc
    .tuple(fc.nat(CONDITION_TEMPLATES.length - 1), fc.subarray(pages, { minLength: 1 }), fc.constantFrom(0, 1, 5, 30, 90), fc.integer({ min: -2, max: 3 }))
    .map(([template, steps, seconds, priority]) => ({ when: CONDITION_TEMPLATES[template](steps, seconds), priority }));
  return fc.record(
    {
      name: fc.constantFrom("fuzz-policy", "p"),
      reactive: fc.record({ enabled: fc.boolean(), steps: fc.subarray(pages) }, { requiredKeys: ["enabled"] }),
      rules: fc.array(rule, { maxLength: 3 }).map((rules) => rules.map((item, index) => ({ name: `rule-${index}`, ...item }))),
      caps: fc.record(
        {
          perPage: fc.constantFrom(0, 1, 2, 10, 50),
          perVisit: fc.constantFrom(0, 1, 4, 10, 50),
          afterDecline: fc.boolean(),
          minGapSeconds: fc.constantFrom(0, 0, 5, 60, 600),
        },
        { requiredKeys: [] },
      ),
      gating: fc.record(
        { requireFreeSlot: fc.boolean(), maxQueueLength: fc.constantFrom(0, 1, 5, 100), maxPredictedWaitSeconds: fc.constantFrom(0, 30, 600) },
        { requiredKeys: [] },
      ),
      priority: fc.record(
        { highValueCartAbove: fc.constantFrom(0, 100, 1e6), highValueBoost: fc.integer({ min: -2, max: 3 }), reactiveBoost: fc.integer({ min: -2, max: 3 }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ["name"] },
  );
}

/** A schedule in one of the three forms, 0 to 12 agents, for `intervalMinutes` intervals over one day. */
export function scheduleArbitrary(intervalMinutes: number): fc.Arbitrary<unknown> {
  const perDay = (24 * 60) / intervalMinutes;
  const agents = fc.oneof(fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 12 }));
  const clock = (index: number): string => {
    const minutes = index * intervalMinutes;
    return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  };
  const blocks = fc.uniqueArray(fc.integer({ min: 1, max: perDay - 1 }), { maxLength: 4 }).chain((cuts) => {
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), perDay];
    return fc
      .array(agents, { minLength: bounds.length - 1, maxLength: bounds.length - 1 })
      .map((counts) => counts.map((count, index) => ({ from: clock(bounds[index]), to: clock(bounds[index + 1]), agents: count })));
  });
  return fc.oneof(
    agents,
    blocks,
    fc.array(agents, { minLength: perDay, maxLength: perDay }).map((perInterval) => ({ perInterval })),
  );
}

const agentsArbitrary = (intervalMinutes: number) =>
  fc.record(
    {
      concurrency: fc.integer({ min: 1, max: 10 }),
      shrinkage: fc.oneof(fc.constantFrom(0, 0.3, 0.99), fc.double({ min: 0, max: 0.99, noNaN: true })),
      costPerHour: fc.constantFrom(0, 28, 1000),
      schedule: scheduleArbitrary(intervalMinutes),
    },
    { requiredKeys: ["schedule"] },
  );

const dailyProfileArbitrary = (intervalMinutes: number) =>
  fc
    .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true })), {
      minLength: (24 * 60) / intervalMinutes,
      maxLength: (24 * 60) / intervalMinutes,
    })
    .map((weights) => {
      // A profile needs some positive weight; keep the generator on the valid side of that rule.
      if (!weights.some((weight) => weight > 0)) weights[0] = 1;
      return weights;
    });

const segmentArbitrary = fc.record(
  {
    weight: fc.oneof(fc.constantFrom(1, 1e-6, 1e6), fc.double({ min: 0.01, max: 10, noNaN: true })),
    device: fc.constantFrom("desktop", "mobile", "tablet"),
    returningProbability: probability,
    pageViews: distributionArbitrary(4),
    dwellSeconds: distributionArbitrary(35),
    addToCartProbability: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 0.5, noNaN: true })),
    cartValue: distributionArbitrary(120),
    priceSensitivity: fc.constantFrom(0, 1, 5),
    techComfort: probability,
    chatOpenness: probability,
    helpProbability: probability,
    patienceSeconds: distributionArbitrary(120),
    invitationSensitivity: probability,
  },
  { requiredKeys: ["weight", "device", "addToCartProbability"] },
);

const hazardsArbitrary = (reasons: readonly string[]) =>
  fc.dictionary(fc.constantFrom(...reasons), fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 0.3, noNaN: true })), { maxKeys: 3 });

const CHECKOUT_REASONS = [
  "extraCostsTooHigh",
  "accountRequired",
  "didNotTrustCardDetails",
  "deliveryTooSlow",
  "checkoutTooLongOrComplicated",
  "totalNotVisibleUpfront",
  "returnsPolicy",
  "websiteErrors",
  "tooFewPaymentMethods",
  "cardDeclined",
];
const ABANDONMENT_REASONS = ["justBrowsing", ...CHECKOUT_REASONS];

/** A store funnel over the given checkout steps; the step at `revealAt` (if any) reveals the total. */
function funnelArbitrary(stepNames: readonly string[], revealAt: number): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      cart: fc.record({ seconds: distributionArbitrary(30), hazards: hazardsArbitrary(ABANDONMENT_REASONS) }, { requiredKeys: [] }),
      steps: fc.tuple(
        ...stepNames.map((name, index) =>
          fc.record(
            {
              name: fc.constant(name),
              fillSeconds: distributionArbitrary(45),
              fields: fc
                .array(fc.record({ errorProbability: probability, typingSeconds: fc.constantFrom(0, 5, 60) }, { requiredKeys: ["errorProbability"] }), {
                  maxLength: 3,
                })
                .map((fields) => fields.map((field, index) => ({ name: `field-${index}`, ...field }))),
              hazards: hazardsArbitrary(CHECKOUT_REASONS),
              revealsTotal: fc.constant(index === revealAt),
            },
            { requiredKeys: ["name", "revealsTotal"] },
          ),
        ),
      ),
      stickerShock: fc.record({ sensitivity: fc.constantFrom(0, 1.2, 50), hiddenTotalHazardPerStep: probability }, { requiredKeys: [] }),
      friction: fc.record(
        {
          secondsPerError: fc.constantFrom(0, 20, 600),
          hazardPerError: probability,
          helpProbabilityPerError: probability,
          fixProbability: probability,
          confusion: fc.record({ probabilityPerError: probability, hazard: probability, pauseSeconds: distributionArbitrary(20) }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      inlineHelp: fc.record({ enabled: fc.boolean(), errorReduction: probability, readingSecondsPerField: fc.constantFrom(0, 2, 30) }, { requiredKeys: [] }),
      autoSave: fc.record({ enabled: fc.boolean(), returnProbability: probability, costPerSession: fc.constantFrom(0, 0.01) }, { requiredKeys: [] }),
      hesitation: fc.record(
        {
          lingerSeconds: distributionArbitrary(45),
          exitIntentProbability: fc.record({ desktop: probability, mobile: probability, tablet: probability }),
          pauseProbability: probability,
          pauseSeconds: distributionArbitrary(25),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ["steps"] },
  );
}

/** A store's chat section; its policy names only pages the generated funnel has. */
function storeChatArbitrary(stepNames: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      // Only the policy files that name no checkout step fit every generated funnel.
      policy: fc.oneof({ weight: 1, arbitrary: fc.constantFrom(POLICY_FILES[0], POLICY_FILES[2]) }, { weight: 3, arbitrary: policyArbitrary(stepNames) }),
      acceptanceIfNotHesitating: probability,
      acceptanceOnExitIntent: probability,
      invitationAcceptance: fc.record(
        {
          laterAfterSeconds: fc.constantFrom(0, 120, 1e6),
          laterMultiplier: fc.constantFrom(0, 1, 1.79, 40),
          returningMultiplier: fc.constantFrom(0, 1, 1.64, 40),
        },
        { requiredKeys: [] },
      ),
      repeatInvitationAnnoyance: fc.constantFrom(1, 1.5, 100),
      rescueProbability: hazardsArbitrary(ABANDONMENT_REASONS),
      orderValueUplift: fc.constantFrom(0, 0.1, 3),
      handleSeconds: distributionArbitrary(600),
      slowdownPerExtraChat: fc.constantFrom(0, 0.15, 2),
      serviceLevelSeconds: fc.constantFrom(0, 30, 3600),
      queueDiscipline: fc.constantFrom("fifo", "priority"),
    },
    { requiredKeys: [] },
  );
}

/**
 * A small store scenario built from scratch with random (often extreme but valid) parameters: one
 * day, a few hundred sessions, 1-3 segments, 1-5 checkout steps, an inline or file policy.
 */
export const storeScenarioArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    intervalMinutes: fc.constantFrom(15, 30, 60),
    stepNames: fc.shuffledSubarray(CHECKOUT_STEP_NAMES, { minLength: 1, maxLength: 5 }),
    revealAt: fc.integer({ min: -1, max: 4 }),
    showTotalUpfront: fc.boolean(),
  })
  .chain(({ intervalMinutes, stepNames, revealAt, showTotalUpfront }) =>
    fc.record({
      name: fc.constant("fuzz store"),
      horizon: fc.constant({ days: 1, intervalMinutes }),
      traffic: fc.record(
        {
          sessionsPerDay: fc.integer({ min: 1, max: FUZZ_VOLUME_PER_DAY }),
          dailyProfile: dailyProfileArbitrary(intervalMinutes),
          dayMultipliers: fc.constantFrom([0], [1], [1.5]),
        },
        { requiredKeys: ["sessionsPerDay"] },
      ),
      segments: fc
        .array(segmentArbitrary, { minLength: 1, maxLength: 3 })
        .map((segments) => segments.map((segment, index) => ({ name: `segment-${index}`, ...segment }))),
      pricing: fc.record(
        {
          shippingFee: fc.constantFrom(0, 7.95, 1e4),
          freeShippingThreshold: fc.constantFrom(0, 50, 99, 1e9),
          taxRate: probability,
          fixedFee: fc.constantFrom(0, 2, 500),
          // The total is shown up front only when no step reveals it (the loader rejects both at once).
          showTotalUpfront: fc.constant(showTotalUpfront && !(revealAt >= 0 && revealAt < stepNames.length)),
          marginRate: probability,
        },
        { requiredKeys: [] },
      ),
      funnel: funnelArbitrary(stepNames, revealAt),
      chat: storeChatArbitrary(stepNames),
      agents: agentsArbitrary(intervalMinutes),
    }),
  );

/** A small chat-only scenario: chatsPerDay (+ profile) or perInterval, with or without patience. */
export const chatOnlyScenarioArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(15, 30, 60).chain((intervalMinutes) =>
  fc.record(
    {
      mode: fc.constant("chatOnly"),
      name: fc.constant("fuzz chat desk"),
      horizon: fc.constant({ days: 1, intervalMinutes }),
      arrivals: fc.oneof(
        fc.record(
          { chatsPerDay: fc.integer({ min: 1, max: FUZZ_VOLUME_PER_DAY }), dailyProfile: dailyProfileArbitrary(intervalMinutes) },
          { requiredKeys: ["chatsPerDay"] },
        ),
        fc
          .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 12, noNaN: true })), {
            minLength: (24 * 60) / intervalMinutes,
            maxLength: (24 * 60) / intervalMinutes,
          })
          .map((perInterval) => ({ perInterval })),
      ),
      handleSeconds: distributionArbitrary(300),
      patienceSeconds: distributionArbitrary(90),
      slowdownPerExtraChat: fc.constantFrom(0, 0.15, 2),
      serviceLevelSeconds: fc.constantFrom(0, 20, 600),
      agents: agentsArbitrary(intervalMinutes),
    },
    { requiredKeys: ["mode", "name", "horizon", "arrivals", "handleSeconds", "agents"] },
  ),
);
