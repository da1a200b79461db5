import { z } from "zod";
import { ABANDONMENT_REASONS, CHECKOUT_REASONS } from "../../sim/model/index.ts";
import { nonNegativeDistributionSchema } from "./distributionSchema.ts";
import { flag, nonNegative, positive, probability, strict, text } from "./fields.ts";
import { agentsSchema, deskSchema, horizonSchema, reportSettingsSchema, slowdownModeSchema, storeSelfServiceSchema } from "./sharedSchema.ts";

/** Monetate EQ4 2015: returning visitors add to cart 15% of the time, new ones about 8% (evidence: visitors.returningVsNew). */
export const DEFAULT_RETURNING_ADD_TO_CART_RATIO = 0.15 / 0.08;

const reasonRecord = <T extends readonly string[]>(reasons: T, description: string) =>
  strict(
    Object.fromEntries(reasons.map((reason) => [reason, probability(`hazard for ${reason}`).optional()])) as Record<T[number], z.ZodOptional<z.ZodNumber>>,
    description,
  );

/** What a form field holds; the live store validates it accordingly. */
export const FIELD_TYPES = ["text", "email", "phone", "postalCode", "cardNumber", "expiry", "cvc", "choice"] as const;

/** Assumption (plausible 2-15 s): typing or picking one checkout field's value takes about 5 s. */
export const DEFAULT_TYPING_SECONDS = 5;

/** The demo store's catalog when a scenario has none: prices spread around the baseline cart value. */
export const DEFAULT_CATALOG = [
  { id: "linen-shirt", name: "Linen shirt", price: 59, description: "Breathable summer linen." },
  { id: "wool-sweater", name: "Merino wool sweater", price: 119, description: "Soft, warm, machine washable." },
  { id: "canvas-sneakers", name: "Canvas sneakers", price: 74, description: "Everyday classic." },
  { id: "leather-bag", name: "Leather weekend bag", price: 249, description: "Full-grain leather, lifetime stitching." },
  { id: "cotton-tee", name: "Organic cotton tee", price: 24, description: "Fair-trade cotton." },
  { id: "rain-jacket", name: "Packable rain jacket", price: 139, description: "Waterproof, folds into its pocket." },
  { id: "ceramic-mug", name: "Ceramic mug set", price: 32, description: "Set of four, hand glazed." },
  { id: "throw-blanket", name: "Wool throw blanket", price: 89, description: "Woven in Portugal." },
] as const;

/** Stripe's standard US online card price, 2.9% + $0.30 (evidence: payments.cardProcessingFee). */
export const DEFAULT_PAYMENT_FEE_RATE = 0.029;

export const DEFAULT_PAYMENT_FEE_PER_ORDER = 0.3;

/**
 * Threshold padding: calibrated so the baseline pads about 20% of its below-threshold orders, the
 * middle of Hemmati et al.'s 12.4–28.4% (evidence: freeShipping.orderPadding). The reach (carts
 * within 40% of the threshold) is an assumption, plausible range 0.2–0.6.
 */
export const DEFAULT_THRESHOLD_PADDING = { probability: 0.28, reachShare: 0.4 } as const;

/**
 * Confusion after form errors, all assumptions: each error confuses with probability 0.3 (plausible
 * 0.1-0.6), a confused shopper pauses about 20 s (plausible 5-60) and gives up at that step with an
 * added hazard of 0.15 (calibrated with hazardPerError so errors still feed Baymard's 22% "too long or
 * complicated", evidence: checkoutReasons).
 */
export const DEFAULT_CONFUSION = { probabilityPerError: 0.3, hazard: 0.15, pauseSeconds: { kind: "lognormal", mean: 20, sd: 15 } } as const;

/**
 * Inline field help, off by default. It cuts errors by 22%: the error reduction Wroblewski & Etre
 * measured for inline validation (evidence: checkoutForm.inlineValidationErrors), the nearest
 * published figure for help shown at the field; 2 s of reading per field is an assumption (plausible 1-5).
 */
export const DEFAULT_INLINE_HELP = { enabled: false, errorReduction: 0.22, readingSecondsPerField: 2 } as const;

/**
 * Checkout auto-save, off by default. A tenth of the shoppers who leave mid-form come back: an
 * assumption (plausible 0.03-0.2; no published return rate for saved checkout forms was found). They
 * come back after an exponential delay with a mean of 24 hours (an assumption, plausible means 2-72 h:
 * no published distribution of the time to return to a saved checkout was found; exponential is the
 * memoryless choice with one parameter), and a return visit finishes the order with probability 0.9
 * (an assumption, plausible 0.7-1: the form is filled, only confirming is left, but the shopper may
 * have changed their mind). Built in-house it costs nothing per session; a metered vendor price goes in costPerSession.
 */
export const DEFAULT_AUTO_SAVE = {
  enabled: false,
  returnProbability: 0.1,
  returnDelaySeconds: { kind: "exponential", mean: 86_400 },
  finishProbability: 0.9,
  costPerSession: 0,
} as const;

/**
 * Calibrated to vendor figures (BoldChat): shoppers invited after 2-3 min on site accept 1.79 times
 * as often as those invited earlier, returning visitors 1.64 times as often as new ones. Those are
 * observed ratios, which also carry who gets invited when (desktop shoppers browse longer, are more
 * open and return more often), so the multipliers are a little smaller: with them the baseline's
 * observed ratios are 1.79 and 1.64 (experiments/invitationEvidence.test.ts).
 */
export const DEFAULT_INVITATION_ACCEPTANCE = { laterAfterSeconds: 120, laterMultiplier: 1.65, returningMultiplier: 1.58 } as const;

/** Assumption (plausible 1-3): each repeat invitation in a visit makes a decline 1.5 times as likely to drive the shopper away. */
export const DEFAULT_REPEAT_INVITATION_ANNOYANCE = 1.5;

/**
 * Builds the store scenario's schema: called once, on the first store scenario parsed (or JSON
 * Schema written), not when the module loads. A chat-only run (`convsim simulate` of an Erlang A
 * queue, timed against SimPy) never builds these few hundred zod objects (≈ 30 ms of its start).
 */
function buildStoreScenarioSchema() {
  const device = z.enum(["desktop", "mobile", "tablet"], { error: "must be one of desktop, mobile, tablet" });

  const segmentSchema = strict({
    name: text("segment name, unique"),
    weight: positive("relative share of sessions (normalised over all segments)"),
    device: device.describe("device the segment shops on"),
    returningProbability: probability("probability that a session is a returning visitor").default(0.3),
    pageViews: nonNegativeDistributionSchema
      .describe("pages viewed before the add-to-cart decision (rounded, at least 1)")
      .default({ kind: "lognormal", mean: 4, sd: 3 }),
    dwellSeconds: nonNegativeDistributionSchema.describe("seconds on each browsing page (idle: no clicks)").default({ kind: "lognormal", mean: 35, sd: 30 }),
    addToCartProbability: probability("probability that a session adds to cart after browsing (averaged over new and returning visitors)"),
    returningAddToCartRatio: positive("returning visitors' add-to-cart probability ÷ new visitors' (published: visitors.returningVsNew, 15% ÷ 8%)").default(
      DEFAULT_RETURNING_ADD_TO_CART_RATIO,
    ),
    justBrowsingMultiplier: nonNegative(
      "multiplies the cart page's justBrowsing hazard for this segment (calibrated to the device gaps of cartAbandonment.byDevice)",
    ).default(1),
    cartValue: nonNegativeDistributionSchema.describe("cart value in the scenario currency").default({ kind: "lognormal", mean: 128, sd: 85 }),
    priceSensitivity: nonNegative("multiplies the sticker-shock hazard; 1 = average shopper").default(1),
    techComfort: probability("0..1; higher means fewer form errors and less friction").default(0.6),
    chatOpenness: probability(
      "probability of accepting an early chat invitation while hesitating, as a first-time visitor (chat.invitationAcceptance multiplies it)",
    ).default(0.35),
    helpProbability: probability("probability of pressing 'Need help?' while hesitating").default(0.08),
    patienceSeconds: nonNegativeDistributionSchema
      .describe("seconds a shopper waits in the chat queue before giving up")
      .default({ kind: "exponential", mean: 120 }),
    invitationSensitivity: probability("probability that an unwanted invitation (declined by a shopper who was not hesitating) makes them leave").default(0.04),
  });

  const fieldSchema = strict({
    name: text("form field name"),
    errorProbability: probability("probability of a validation error on first entry (scaled by 1.5 − techComfort and by inline help)").default(0.03),
    typingSeconds: nonNegative("active seconds to type or pick the value, whether or not it errs (an assumption, plausible 2-15)").default(
      DEFAULT_TYPING_SECONDS,
    ),
    type: z
      .enum(FIELD_TYPES, { error: `must be one of ${FIELD_TYPES.join(", ")}` })
      .default("text")
      .describe("what the field holds; the live store validates it (cardNumber: Luhn check)"),
    label: z.string().optional().describe("label shown in the live store (default: the name)"),
    required: flag("the field must be filled").default(true),
    options: z.array(text("an option")).optional().describe("choices for a choice field (e.g. guest, sign-in)"),
  });

  const productSchema = strict({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "must be lowercase letters, digits and dashes" })
      .describe("product id used in URLs"),
    name: text("product name"),
    price: positive("unit price, currency"),
    description: z.string().default("").describe("shown on the product page"),
  });

  const stepSchema = strict({
    name: text("checkout step name (used by trigger rules, e.g. 'payment')"),
    fillSeconds: nonNegativeDistributionSchema
      .describe("seconds on the step's page besides typing its fields (reading, choosing, continuing); active, not idle")
      .default({ kind: "lognormal", mean: 45, sd: 25 }),
    fields: z.array(fieldSchema).default([]).describe("form fields and their error probabilities"),
    hazards: reasonRecord(CHECKOUT_REASONS, "base probability of abandoning at this step, per checkout reason (competing risks)").default({}),
    revealsTotal: flag("this step first shows shipping, tax and fees (the sticker-shock point)").default(false),
  });

  const pricingSchema = strict({
    shippingFee: nonNegative("shipping charged below the free-shipping threshold, currency").default(7.95),
    freeShippingThreshold: nonNegative("carts at or above this value ship free, currency (omit for never)").optional(),
    taxRate: probability("sales tax as a share of the cart value").default(0.07),
    fixedFee: nonNegative("fixed fee per order, currency").default(0),
    showTotalUpfront: flag("show the full total from the cart page on (moves the sticker-shock point to the cart)").default(false),
    marginRate: probability("gross margin as a share of merchandise revenue (cost of goods = revenue × (1 − marginRate))").default(0.35),
    shippingCostPerOrder: nonNegative(
      "what the merchant pays the carrier per order, free-shipped or not, currency (default: the shipping fee; an assumption)",
    ).optional(),
    paymentFeeRate: probability("card processing fee as a share of the amount charged (published: payments.cardProcessingFee)").default(
      DEFAULT_PAYMENT_FEE_RATE,
    ),
    paymentFeePerOrder: nonNegative("card processing fee per order, currency (published: payments.cardProcessingFee)").default(DEFAULT_PAYMENT_FEE_PER_ORDER),
    thresholdPadding: strict(
      {
        probability: probability(
          "probability that a shopper within reach of the free-shipping threshold adds an item to reach it (calibrated to freeShipping.orderPadding)",
        ).default(DEFAULT_THRESHOLD_PADDING.probability),
        reachShare: probability("within reach: the cart is at least (1 − reachShare) × threshold (an assumption)").default(
          DEFAULT_THRESHOLD_PADDING.reachShare,
        ),
      },
      "shoppers just below the free-shipping threshold add an item to reach it (probability 0 switches it off)",
    ).default({ ...DEFAULT_THRESHOLD_PADDING }),
  });

  const confusionSchema = strict(
    {
      probabilityPerError: probability(
        "probability that one form error confuses the shopper: k errors at a step confuse with 1 − (1 − p)^k (an assumption, plausible 0.1-0.6)",
      ).default(DEFAULT_CONFUSION.probabilityPerError),
      hazard: probability("added 'too long or complicated' hazard at the step where the shopper becomes confused (calibrated to checkoutReasons)").default(
        DEFAULT_CONFUSION.hazard,
      ),
      pauseSeconds: nonNegativeDistributionSchema
        .describe("idle seconds a shopper pauses when they become confused (re-reading, going back and forth; an assumption)")
        .default({ ...DEFAULT_CONFUSION.pauseSeconds }),
    },
    "form errors can confuse a shopper: the policy signal `confusion` turns true for the rest of the visit, they pause idle and are likelier to give up",
  );

  const funnelSchema = strict({
    cart: strict({
      seconds: nonNegativeDistributionSchema.describe("seconds on the cart page").default({ kind: "lognormal", mean: 30, sd: 20 }),
      hazards: reasonRecord(ABANDONMENT_REASONS, "probability of leaving at the cart, per reason (justBrowsing lives here)").default({}),
    }).default({ seconds: { kind: "lognormal", mean: 30, sd: 20 }, hazards: {} }),
    steps: z.array(stepSchema).min(1, { error: "must have at least 1 checkout step" }).describe("checkout steps in order"),
    stickerShock: strict({
      sensitivity: nonNegative("hazard = 1 − exp(−sensitivity × priceSensitivity × extraCosts ÷ cartValue)").default(1.2),
      hiddenTotalHazardPerStep: probability("extra 'total not visible up front' hazard per step before the reveal, when totals are hidden").default(0.01),
    }).default({ sensitivity: 1.2, hiddenTotalHazardPerStep: 0.01 }),
    friction: strict({
      secondsPerError: nonNegative("idle seconds lost per form error (reading the message, finding the field; proactive triggers can fire meanwhile)").default(
        20,
      ),
      hazardPerError: probability("added 'too long or complicated' hazard per error, × (1 − techComfort ÷ 2)").default(0.04),
      helpProbabilityPerError: probability("probability that an error makes a shopper press 'Need help?'").default(0.03),
      fixProbability: probability("probability of fixing an erroneous field on the next try").default(0.8),
      confusion: confusionSchema.default({ ...DEFAULT_CONFUSION, pauseSeconds: { ...DEFAULT_CONFUSION.pauseSeconds } }),
    }).default({
      secondsPerError: 20,
      hazardPerError: 0.04,
      helpProbabilityPerError: 0.03,
      fixProbability: 0.8,
      confusion: { ...DEFAULT_CONFUSION, pauseSeconds: { ...DEFAULT_CONFUSION.pauseSeconds } },
    }),
    hesitation: strict({
      lingerSeconds: nonNegativeDistributionSchema
        .describe("seconds a shopper about to leave lingers idle first")
        .default({ kind: "lognormal", mean: 45, sd: 35 }),
      exitIntentProbability: strict(
        { desktop: probability("desktop"), mobile: probability("mobile"), tablet: probability("tablet") },
        "probability that lingering ends with exit intent, by device",
      ).default({ desktop: 0.6, mobile: 0.3, tablet: 0.4 }),
      pauseProbability: probability("probability that a shopper who carries on still pauses idle at a step (false positives)").default(0.25),
      pauseSeconds: nonNegativeDistributionSchema.describe("seconds of such a pause").default({ kind: "lognormal", mean: 25, sd: 20 }),
    }).default({
      lingerSeconds: { kind: "lognormal", mean: 45, sd: 35 },
      exitIntentProbability: { desktop: 0.6, mobile: 0.3, tablet: 0.4 },
      pauseProbability: 0.25,
      pauseSeconds: { kind: "lognormal", mean: 25, sd: 20 },
    }),
    inlineHelp: strict(
      {
        enabled: flag("show inline help at every checkout field (a lever)").default(DEFAULT_INLINE_HELP.enabled),
        errorReduction: probability(
          "relative reduction of every field's error probability (0.22: Wroblewski & Etre's inline-validation figure, checkoutForm.inlineValidationErrors)",
        ).default(DEFAULT_INLINE_HELP.errorReduction),
        readingSecondsPerField: nonNegative("active seconds each field's help costs a shopper (an assumption, plausible 1-5)").default(
          DEFAULT_INLINE_HELP.readingSecondsPerField,
        ),
      },
      "inline field help: fewer form errors, at the price of reading time per field",
    ).default({ ...DEFAULT_INLINE_HELP }),
    autoSave: strict(
      {
        enabled: flag("save the checkout form as the shopper types (a lever)").default(DEFAULT_AUTO_SAVE.enabled),
        returnProbability: probability(
          "share of shoppers who leave at a step with form fields (not over an invitation) and come back later to finish (an assumption, plausible 0.03-0.2)",
        ).default(DEFAULT_AUTO_SAVE.returnProbability),
        returnDelaySeconds: nonNegativeDistributionSchema
          .describe(
            "seconds from leaving to the return visit; a return after the horizon's end does not count (an assumption: exponential, mean 24 h, plausible 2-72 h)",
          )
          .default({ ...DEFAULT_AUTO_SAVE.returnDelaySeconds }),
        finishProbability: probability(
          "probability that a return visit resumes at the saved step and places the order (an assumption, plausible 0.7-1)",
        ).default(DEFAULT_AUTO_SAVE.finishProbability),
        costPerSession: nonNegative("what auto-save costs per session while enabled, currency (0: built in-house; a vendor's metered price otherwise)").default(
          DEFAULT_AUTO_SAVE.costPerSession,
        ),
      },
      "checkout auto-save: some shoppers who leave mid-form come back later (a return visit at the saved step) and finish; the order is booked when they return, within the horizon",
    ).default({ ...DEFAULT_AUTO_SAVE, returnDelaySeconds: { ...DEFAULT_AUTO_SAVE.returnDelaySeconds } }),
  });

  const policyField = z
    .union([z.string({ error: "must be a policy file path or a policy object" }), z.record(z.string(), z.unknown())], {
      error: "must be a policy file path or a policy object",
    })
    .describe("trigger policy: a path to a policy YAML/JSON file (relative to the scenario) or an inline policy object");

  const invitationAcceptanceSchema = strict(
    {
      laterAfterSeconds: nonNegative("time on site, seconds, from which an invitation counts as late (accepted more readily)").default(
        DEFAULT_INVITATION_ACCEPTANCE.laterAfterSeconds,
      ),
      laterMultiplier: nonNegative("acceptance multiplier for invitations shown at or after laterAfterSeconds on site").default(
        DEFAULT_INVITATION_ACCEPTANCE.laterMultiplier,
      ),
      returningMultiplier: nonNegative("acceptance multiplier for returning visitors").default(DEFAULT_INVITATION_ACCEPTANCE.returningMultiplier),
    },
    "how acceptance of an invitation rises with time on site and for returning visitors (multiplies the segment's chatOpenness)",
  );

  const chatSchema = strict({
    policy: policyField.default({ name: "reactive-only" }),
    acceptanceIfNotHesitating: probability("acceptance multiplier for shoppers who are not hesitating").default(0.25),
    acceptanceOnExitIntent: probability("acceptance multiplier for invitations shown on exit intent").default(0.6),
    invitationAcceptance: invitationAcceptanceSchema.default(DEFAULT_INVITATION_ACCEPTANCE),
    repeatInvitationAnnoyance: z
      .number({ error: "must be a number" })
      .min(1, { error: "must be >= 1 (1 = repeats annoy no more than the first)" })
      .refine(Number.isFinite, { error: "must be a finite number" })
      .describe(
        "each further invitation in a visit multiplies the chance that declining it makes the shopper leave: invitationSensitivity × this^(invitations before)",
      )
      .default(DEFAULT_REPEAT_INVITATION_ANNOYANCE),
    rescueProbability: reasonRecord(ABANDONMENT_REASONS, "probability that a served chat keeps a hesitating shopper, by reason").default({}),
    orderValueUplift: nonNegative("relative order-value increase when the shopper chatted (0.1 = +10%)").default(0.1),
    handleSeconds: nonNegativeDistributionSchema.describe("chat handle time in seconds at concurrency 1").default({ kind: "lognormal", mean: 715, sd: 400 }),
    slowdownPerExtraChat: nonNegative("slowdown per extra chat the agent holds: a chat progresses at 1 ÷ (1 + s × (chats held − 1)) of its base speed").default(
      0.15,
    ),
    slowdownMode: slowdownModeSchema,
    rescueLossPerExtraChat: probability(
      "relative loss of rescue chance per extra chat the agent held during the chat: rescue × max(0, 1 − q × (mean chats held − 1)); assumption, plausible 0-0.15 (direction: Goes et al. 2018)",
    ).default(0.05),
    serviceLevelSeconds: nonNegative("service-level threshold, seconds").default(30),
    queueDiscipline: z
      .enum(["fifo", "priority"], { error: "must be one of fifo, priority" })
      .default("priority")
      .describe("serve in arrival order, or by policy priority"),
  });

  return strict({
    mode: z.literal("store").default("store").describe("store (default) or chatOnly"),
    name: text("scenario name"),
    description: z.string().default("").describe("free text shown in reports"),
    currency: z.string().default("USD").describe("currency code used for all money fields"),
    report: reportSettingsSchema,
    seed: z.union([z.number(), z.string()]).optional().describe("default seed (the command line can override)"),
    horizon: horizonSchema,
    traffic: strict({
      sessionsPerDay: positive("expected sessions per day"),
      dailyProfile: z
        .array(nonNegative("relative weight"))
        .optional()
        .describe("relative traffic per interval of the day (length = intervals per day); flat if omitted"),
      dayMultipliers: z.array(nonNegative("multiplier")).optional().describe("traffic multiplier per day (length 1 = every day, or = horizon.days)"),
    }),
    catalog: z
      .array(productSchema)
      .min(1, { error: "must have at least 1 product" })
      .default(DEFAULT_CATALOG.map((product) => ({ ...product })))
      .describe("products of the live demo store (the simulator draws cart values from the segments)"),
    segments: z.array(segmentSchema).min(1, { error: "must have at least 1 segment" }).describe("shopper segments"),
    pricing: pricingSchema.default({
      shippingFee: 7.95,
      taxRate: 0.07,
      fixedFee: 0,
      showTotalUpfront: false,
      marginRate: 0.35,
      paymentFeeRate: DEFAULT_PAYMENT_FEE_RATE,
      paymentFeePerOrder: DEFAULT_PAYMENT_FEE_PER_ORDER,
      thresholdPadding: { ...DEFAULT_THRESHOLD_PADDING },
    }),
    funnel: funnelSchema,
    chat: chatSchema.default({
      policy: { name: "reactive-only" },
      acceptanceIfNotHesitating: 0.25,
      acceptanceOnExitIntent: 0.6,
      invitationAcceptance: DEFAULT_INVITATION_ACCEPTANCE,
      repeatInvitationAnnoyance: DEFAULT_REPEAT_INVITATION_ANNOYANCE,
      rescueProbability: {},
      orderValueUplift: 0.1,
      handleSeconds: { kind: "lognormal", mean: 715, sd: 400 },
      slowdownPerExtraChat: 0.15,
      slowdownMode: "loadDependent",
      rescueLossPerExtraChat: 0.05,
      serviceLevelSeconds: 30,
      queueDiscipline: "priority",
    }),
    agents: agentsSchema,
    desk: deskSchema,
    selfService: storeSelfServiceSchema,
  });
}

/** A store scenario: shoppers, funnel, chat policy and agents (built on first use: see buildStoreScenarioSchema). */
export const storeScenarioSchema = z.lazy(buildStoreScenarioSchema);

export type StoreScenario = z.output<typeof storeScenarioSchema>;
