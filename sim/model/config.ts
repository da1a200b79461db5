import type { DeskReservation, OpeningHours, ResolvedPolicy } from "../policy/index.ts";
import type { DistributionSpec } from "../random/index.ts";
import type { AbandonmentReason, CheckoutReason } from "./reasons.ts";

/**
 * The fully resolved description of a store the model runs. Produced by the scenario loader in
 * `experiments/` (which validates and fills defaults); the model trusts it. All times are in seconds,
 * money in the scenario's currency, probabilities in [0, 1].
 */
export interface StoreModelConfig {
  readonly kind: "store";
  readonly name: string;
  readonly horizon: HorizonConfig;
  /** Session arrival rate per interval over the whole horizon (days × intervals per day), per second. */
  readonly sessionRatesPerSecond: readonly number[];
  readonly segments: readonly SegmentConfig[];
  readonly pricing: PricingConfig;
  readonly funnel: FunnelConfig;
  readonly chat: ChatConfig;
  readonly agents: AgentConfig;
  readonly desk: DeskConfig;
}

export interface HorizonConfig {
  readonly days: number;
  /** Length of one staffing/reporting interval (900 or 1800 s typically). */
  readonly intervalSeconds: number;
}

/** The devices a segment shops on, in the order per-device results use. */
export const DEVICES = ["desktop", "mobile", "tablet"] as const;
export type Device = (typeof DEVICES)[number];

export interface SegmentConfig {
  readonly name: string;
  /** Share of sessions (weights are normalised by the loader to sum to 1). */
  readonly weight: number;
  readonly device: Device;
  readonly returningProbability: number;
  /** Page views before the add-to-cart decision (rounded, at least 1). */
  readonly pageViews: DistributionSpec;
  readonly dwellSeconds: DistributionSpec;
  /** Add-to-cart probability averaged over the segment's new and returning visitors. */
  readonly addToCartProbability: number;
  /** Returning visitors' add-to-cart probability ÷ new visitors' (the segment average stays addToCartProbability). */
  readonly returningAddToCartRatio: number;
  /** Multiplies the cart page's justBrowsing hazard for this segment (carts parked, e.g. on a phone, to buy later). */
  readonly justBrowsingMultiplier: number;
  readonly cartValue: DistributionSpec;
  /** Multiplies the sticker-shock hazard (1 = average shopper). */
  readonly priceSensitivity: number;
  /** 0..1: lowers form-error probabilities and the friction hazard. */
  readonly techComfort: number;
  /** Probability of accepting an invitation while hesitating. */
  readonly chatOpenness: number;
  /** Probability of pressing "Need help?" while hesitating (where the policy shows the button). */
  readonly helpProbability: number;
  readonly patienceSeconds: DistributionSpec;
  /** Probability that an unwanted invitation (declined by a shopper who was not hesitating) makes them leave. */
  readonly invitationSensitivity: number;
}

export interface PricingConfig {
  readonly shippingFee: number;
  /** Carts at or above this value ship free (Infinity = never). */
  readonly freeShippingThreshold: number;
  readonly taxRate: number;
  readonly fixedFee: number;
  /** Show shipping, tax and fees from the cart page on (moves the sticker-shock point to the cart). */
  readonly showTotalUpfront: boolean;
  /** Gross margin on merchandise revenue (cost of goods = revenue × (1 − marginRate)). */
  readonly marginRate: number;
  /** What the merchant pays the carrier per order shipped, whether or not the shopper paid shipping. */
  readonly shippingCostPerOrder: number;
  /** Card processing fee as a share of everything the shopper is charged (goods, shipping, tax, fee). */
  readonly paymentFeeRate: number;
  /** Card processing fee per order, currency. */
  readonly paymentFeePerOrder: number;
  readonly thresholdPadding: ThresholdPaddingConfig;
}

/** Shoppers just below the free-shipping threshold add an item to reach it. */
export interface ThresholdPaddingConfig {
  /** Probability that a shopper whose cart is within reach of the threshold adds an item to reach it. */
  readonly probability: number;
  /** Within reach: the cart is at least (1 − reachShare) × threshold and below the threshold. */
  readonly reachShare: number;
}

export interface FieldConfig {
  readonly name: string;
  readonly errorProbability: number;
  /** Active seconds to type or pick the field's value, whether or not it errs. */
  readonly typingSeconds: number;
}

export interface StepConfig {
  readonly name: string;
  /** Time on the step's page besides its fields (reading, choosing, pressing continue); active. */
  readonly fillSeconds: DistributionSpec;
  readonly fields: readonly FieldConfig[];
  /** Base probability of abandoning at this step, per reason (competing risks). */
  readonly hazards: Readonly<Partial<Record<CheckoutReason, number>>>;
  /** Reveals shipping, tax and fees (the sticker-shock point) unless the total is shown up front. */
  readonly revealsTotal: boolean;
}

export interface FunnelConfig {
  /** Hazards at the cart page, per reason (justBrowsing lives here). */
  readonly cartHazards: Readonly<Partial<Record<AbandonmentReason, number>>>;
  readonly cartSeconds: DistributionSpec;
  readonly steps: readonly StepConfig[];
  readonly stickerShock: StickerShockConfig;
  readonly friction: FrictionConfig;
  readonly hesitation: HesitationConfig;
  readonly inlineHelp: InlineHelpConfig;
  readonly autoSave: AutoSaveConfig;
}

export interface StickerShockConfig {
  /** Hazard = 1 − exp(−sensitivity × priceSensitivity × extraCosts / cartValue). */
  readonly sensitivity: number;
  /** Extra hazard of "total not visible up front" at steps before the reveal when totals are hidden. */
  readonly hiddenTotalHazardPerStep: number;
}

export interface FrictionConfig {
  /** Idle seconds lost per form error (reading the message, finding the field): proactive triggers can fire in them. */
  readonly secondsPerError: number;
  /** Added "too long or complicated" hazard per error, scaled by (1 − techComfort / 2). */
  readonly hazardPerError: number;
  /** Probability that an error makes a shopper press "Need help?" (where available). */
  readonly helpProbabilityPerError: number;
  /** Probability that a shopper fixes a field error on the first retry (else another error). */
  readonly fixProbability: number;
  readonly confusion: ConfusionConfig;
}

/**
 * Form errors can confuse: at a step where a shopper makes k errors they become confused with
 * probability 1 − (1 − probabilityPerError)^k (each error confuses independently). A confused shopper
 * sets the policy signal `confusion` for the rest of the visit, pauses idle (re-reading, going back
 * and forth) and is more likely to give up at that step.
 */
export interface ConfusionConfig {
  readonly probabilityPerError: number;
  /** Added "too long or complicated" hazard at the step where the shopper becomes confused. */
  readonly hazard: number;
  /** Idle pause of a shopper who becomes confused, on top of the errors' idle seconds. */
  readonly pauseSeconds: DistributionSpec;
}

/**
 * Inline help next to every checkout field (hints, examples, format help). It lowers each field's
 * error chance by a share and costs every shopper reading time per field.
 */
export interface InlineHelpConfig {
  readonly enabled: boolean;
  /** Relative reduction of each field's error probability (0.22 = 22% fewer errors). */
  readonly errorReduction: number;
  /** Active seconds each field's help costs a shopper who fills it. */
  readonly readingSecondsPerField: number;
}

/**
 * The checkout saves what a shopper typed. Of the shoppers who leave at a checkout step with form
 * fields (for any reason but an annoying invitation), `returnProbability` come back later: a return
 * visit `returnDelaySeconds` after they left, which resumes at the saved step and places the order
 * with `finishProbability`. The order is booked when the return visit happens (so it falls in that
 * interval's series); a return after the horizon's end is not simulated (it is counted apart). The
 * visit that left stays an abandonment at its step; the return visit is not a new arriving session.
 */
export interface AutoSaveConfig {
  readonly enabled: boolean;
  readonly returnProbability: number;
  /** Time from leaving to the return visit. */
  readonly returnDelaySeconds: DistributionSpec;
  /** Probability that a return visit places the order. */
  readonly finishProbability: number;
  /** What the feature costs per session while enabled (a vendor's metered price), currency. */
  readonly costPerSession: number;
}

export interface HesitationConfig {
  /** How long a shopper who is about to leave lingers first (idle). */
  readonly lingerSeconds: DistributionSpec;
  /** Probability that the linger ends with exit intent (mouse leaves / back), by device. */
  readonly exitIntentProbability: Readonly<Record<Device, number>>;
  /** Probability that a shopper who will continue still pauses idle at a step (false positives). */
  readonly pauseProbability: number;
  readonly pauseSeconds: DistributionSpec;
}

/** Multipliers of a shopper's chat openness, by the circumstances of an invitation. */
export interface InvitationAcceptanceConfig {
  /** For shoppers who are not hesitating (they need no help). */
  readonly ifNotHesitating: number;
  /** For invitations shown on exit intent (the shopper is leaving). */
  readonly onExitIntent: number;
  /** Time on site from which invitations count as "later". */
  readonly laterAfterSeconds: number;
  /** For invitations shown at or after laterAfterSeconds on site. */
  readonly laterMultiplier: number;
  /** For returning visitors. */
  readonly returningMultiplier: number;
}

export interface ChatConfig {
  readonly policy: ResolvedPolicy;
  readonly acceptance: InvitationAcceptanceConfig;
  /** Each further invitation in a visit multiplies the chance that a decline makes the shopper leave. */
  readonly repeatInvitationAnnoyance: number;
  /** Probability that a served chat rescues a hesitating shopper, by the reason they were leaving. */
  readonly rescueProbability: Readonly<Partial<Record<AbandonmentReason, number>>>;
  /** Relative order-value increase of orders whose shopper chatted (e.g. 0.1 = +10%). */
  readonly orderValueUplift: number;
  readonly handleSeconds: DistributionSpec;
  /** Slowdown per extra concurrent chat: a chat progresses at 1 ÷ (1 + s·(load − 1)) of its base speed. */
  readonly slowdownPerExtraChat: number;
  /**
   * Relative loss of rescue chance per extra chat the agent held (time-weighted) during the chat:
   * rescue × max(0, 1 − q·(meanLoad − 1)). Multitasking lowers resolution rates (Goes et al. 2018).
   */
  readonly rescueLossPerExtraChat: number;
  readonly serviceLevelSeconds: number;
  /** "fifo" ignores policy priorities; "priority" serves higher priorities first. */
  readonly queueDiscipline: "fifo" | "priority";
}

/**
 * How concurrency slows chats. "loadDependent": every open chat's remaining work progresses at
 * 1 ÷ (1 + s·(n − 1)) while its agent holds n chats, so chats slow when the agent takes another and
 * speed up when one ends. "fixedAtStart": the handle time is stretched once by the load at the start.
 */
export type SlowdownMode = "loadDependent" | "fixedAtStart";

/** How the chat desk runs, the same in the store and the chat-only model. */
export interface DeskConfig {
  readonly slowdownMode: SlowdownMode;
  /**
   * The first seconds of the horizon are a warm-up: the desk runs (it starts empty) but chats that
   * arrive before this time and agent time before it are left out of the whole-run chat figures.
   */
  readonly warmupSeconds: number;
  /** Most chats that may wait; a chat arriving to a full queue is blocked (Infinity: no cap). */
  readonly maxQueueLength: number;
  readonly messages: MessageConfig;
  readonly serviceLevel: ServiceLevelDefinition;
  /**
   * How shrinkage takes agents offline. "absence": each scheduled agent is absent in each interval
   * with probability `shrinkage` (own seeded stream), so expected online = scheduled × (1 − shrinkage).
   * "floor": online = ⌊scheduled × (1 − shrinkage)⌋ (the old convention: 1 scheduled at 25% is 0 online).
   */
  readonly shrinkageMethod: "absence" | "floor";
  /**
   * When the desk takes chats (null: always). Outside them the help button is a message form (help
   * requests are offered it, like blocked chats) and proactive invitations stop (the policy's
   * `gate-closed`). The live store reads the same hours with the same isDeskOpen (sim/policy).
   */
  readonly openingHours: OpeningHours | null;
  /** The self-service step before the chat queue (chat-only model; off by default). */
  readonly selfService: SelfServiceConfig;
  /**
   * Chat slots kept for high-value chats (trunk reservation; null: none, and no per-class figures).
   * The rule is sim/policy's mayTakeSlot, read by the live store's desk too.
   */
  readonly reservation: DeskReservation | null;
  /** Video chat as a second channel with its own agents (null: off, the default). */
  readonly video: VideoConfig | null;
}

/**
 * Video chat, a second channel: while it is on, each chat request is offered video and a share
 * `acceptanceProbability` takes it. Video calls go to their own agents (a separate pool, one call at
 * a time, no slowdown), queue with the same patience and opening hours, and have their own handle
 * time; a served video call rescues with the chat rescue probability × `rescueMultiplier` (store).
 * Every default is an assumption (see DEFAULT_VIDEO_SETTINGS): the one published video figure
 * (evidence liveChat.heelsComVideoChat) compares self-selected users, not a causal effect.
 */
export interface VideoConfig {
  readonly acceptanceProbability: number;
  /** Video agents scheduled per interval over the whole horizon (shrinkage and cost as agents'). */
  readonly scheduled: readonly number[];
  readonly handleSeconds: DistributionSpec;
  readonly rescueMultiplier: number;
}

/**
 * Video defaults when switched on, assumptions: 15% of chat requests take video when offered
 * (plausible 0.05-0.3), a call takes about 10 minutes (plausible 5-20), and it rescues 1.2× as often
 * as a text chat (plausible 1.0-1.5).
 */
export const DEFAULT_VIDEO_SETTINGS = Object.freeze({
  acceptanceProbability: 0.15,
  handleSeconds: Object.freeze({ kind: "lognormal", mean: 600, sd: 300 }) as DistributionSpec,
  rescueMultiplier: 1.2,
});

/**
 * Self-service first: a bot or help centre answers a share of chat requests before any agent; a share
 * of those still ask for a human after some time in it and join the queue then. A Poisson stream
 * thinned by the deflection and delayed independently stays Poisson, so the agents see rate
 * λ × (1 − deflection + deflection × escalation): Erlang C / A with that rate.
 */
export interface SelfServiceConfig {
  /** Share of chat requests the self-service step takes first (0: off). */
  readonly deflectionProbability: number;
  /** Share of self-served requests that escalate to the human queue. */
  readonly escalationProbability: number;
  /** Time spent in self-service before escalating. */
  readonly escalationDelaySeconds: DistributionSpec;
  /** Cost of one self-service conversation, currency. */
  readonly costPerContact: number;
  /**
   * Store model: a help-centre contact that resolved the question rescues a hesitating shopper with
   * rescueProbability × this (the help centre helps less than an agent).
   */
  readonly rescueFactor: number;
  /** Store model: answered chats handed on to email or phone, each contact with its own cost. */
  readonly channelEscalation: ChannelEscalationConfig;
}

/** A share of answered chats the agent hands on to a slower channel (a follow-up by email or a call back). */
export interface ChannelEscalationConfig {
  /** Share of answered chats escalated (0: off). */
  readonly probability: number;
  /** Share of escalations that go to phone; the rest go to email. */
  readonly phoneShare: number;
  /** Cost of one email follow-up, currency. */
  readonly emailCostPerContact: number;
  /** Cost of one phone follow-up, currency. */
  readonly phoneCostPerContact: number;
}

/**
 * Channel escalation defaults, off. When switched on, assumptions: half go to phone (plausible 0.2-0.8),
 * an email follow-up costs 4 (plausible 2-8) and a call 8 (plausible 5-15), in the scenario currency.
 */
export const DEFAULT_CHANNEL_ESCALATION_CONFIG: ChannelEscalationConfig = Object.freeze({
  probability: 0,
  phoneShare: 0.5,
  emailCostPerContact: 4,
  phoneCostPerContact: 8,
});

/**
 * Self-service defaults, off. When switched on, assumptions: a third of bot conversations escalate
 * (plausible 0.2-0.6), after about 2 minutes (plausible 1-5), at 0.5 per conversation (plausible 0.1-2);
 * a resolved help-centre contact rescues with 0.3 × the chat's rescue probability (plausible 0.1-0.5).
 */
export const DEFAULT_SELF_SERVICE_CONFIG: SelfServiceConfig = Object.freeze({
  deflectionProbability: 0,
  escalationProbability: 1 / 3,
  escalationDelaySeconds: Object.freeze({ kind: "lognormal", mean: 120, sd: 60 }) as DistributionSpec,
  costPerContact: 0.5,
  rescueFactor: 0.3,
  channelEscalation: DEFAULT_CHANNEL_ESCALATION_CONFIG,
});

/**
 * What the service level counts, as workforce-management tools let you choose: answered within the
 * threshold ÷ requests ("miss": abandons and blocked chats count as misses) or ÷ answered chats
 * ("exclude"); abandons shorter than `ignoreAbandonsUnderSeconds` leave the denominator either way.
 */
export interface ServiceLevelDefinition {
  readonly abandons: "miss" | "exclude";
  readonly ignoreAbandonsUnderSeconds: number;
}

/**
 * The "leave a message" form a blocked chat is offered. Messages are answered later, email-like, by
 * back-office time reported apart (they do not take chat slots, so the chat queue stays M/M/c/K).
 */
export interface MessageConfig {
  /** Probability that a blocked customer leaves a message. */
  readonly leaveProbability: number;
  /** Agent time to answer one message. */
  readonly handleSeconds: DistributionSpec;
  /** A message answer rescues a hesitating shopper with rescueProbability × this factor (the shopper has gone). */
  readonly rescueFactor: number;
}

/**
 * Message defaults, all assumptions: half of blocked customers leave a message (plausible 0.2-0.8),
 * answering one takes about 5 minutes (plausible 2-10), and a late answer rescues a third as often as
 * a live chat (plausible 0.1-0.5).
 */
export const DEFAULT_MESSAGE_CONFIG: MessageConfig = Object.freeze({
  leaveProbability: 0.5,
  handleSeconds: Object.freeze({ kind: "lognormal", mean: 300, sd: 180 }) as DistributionSpec,
  rescueFactor: 0.3,
});

/** The desk as contact centres run it by default (every field documented in DeskConfig). */
export const DEFAULT_DESK_CONFIG: DeskConfig = Object.freeze({
  slowdownMode: "loadDependent",
  warmupSeconds: 0,
  maxQueueLength: Infinity,
  messages: DEFAULT_MESSAGE_CONFIG,
  serviceLevel: Object.freeze({ abandons: "miss", ignoreAbandonsUnderSeconds: 0 }),
  shrinkageMethod: "absence",
  openingHours: null,
  selfService: DEFAULT_SELF_SERVICE_CONFIG,
  reservation: null,
  video: null,
});

export interface AgentConfig {
  /** Scheduled (paid) agents per interval over the whole horizon. */
  readonly scheduled: readonly number[];
  /** Share of scheduled time not available for chats (breaks, meetings); see DeskConfig.shrinkageMethod. */
  readonly shrinkage: number;
  readonly concurrency: number;
  readonly costPerHour: number;
}

/** A contact-centre-only scenario: chat arrivals per interval, no shoppers (for Erlang-style questions). */
export interface ChatOnlyModelConfig {
  readonly kind: "chatOnly";
  readonly name: string;
  readonly horizon: HorizonConfig;
  readonly chatRatesPerSecond: readonly number[];
  readonly handleSeconds: DistributionSpec;
  readonly patienceSeconds: DistributionSpec | null;
  readonly slowdownPerExtraChat: number;
  readonly serviceLevelSeconds: number;
  readonly agents: AgentConfig;
  readonly desk: DeskConfig;
  /** Who asks (weights normalised to sum to 1); the desk's reservation reads their names and cart values. Omitted: one anonymous class. */
  readonly segments?: readonly ChatSegmentConfig[];
}

/** A class of chat-only customers: its share of chats and the cart value its chats carry. */
export interface ChatSegmentConfig {
  readonly name: string;
  readonly weight: number;
  readonly cartValue: DistributionSpec;
}

export type ModelConfig = StoreModelConfig | ChatOnlyModelConfig;
