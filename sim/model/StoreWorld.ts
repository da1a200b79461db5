import type { Environment, EventCallback } from "../engine/index.ts";
import { makeSampler, type RandomStream, type Sampler, type StreamFactory, SwitchableSource, type UniformSource } from "../random/index.ts";
import { ChatCenter } from "./ChatCenter.ts";
import { chatCenterOptions } from "./chatCenterOptions.ts";
import { DEVICES, type SegmentConfig, type StoreModelConfig } from "./config.ts";
import { bounce, returnVisit } from "./journey.ts";
import { ABANDONMENT_REASONS, type AbandonmentReason, REASON_INDEX } from "./reasons.ts";
import type { Shopper } from "./Shopper.ts";
import { StoreRecorder } from "./StoreRecorder.ts";
import { VideoDesk } from "./videoDesk.ts";

/** One finished session, for the optional per-session log. */
export interface SessionRecord {
  id: number;
  segment: string;
  arrivedAtSeconds: number;
  endedAtSeconds: number;
  /** Last step reached. */
  step: string;
  /** "order", "bounce", or the abandonment reason. */
  outcome: string;
  cartValue: number;
  pageViews: number;
  formErrors: number;
  /** The shopper became confused during the visit (the policy signal `confusion`). */
  confused: boolean;
  /** Left mid-form and comes back to the saved checkout at this time (auto-save, within the horizon; the return visit is not a record of its own), else null. */
  autoSaveReturnAtSeconds: number | null;
  invitations: number;
  /** A chat answered before the session ended (one beside the visit that ends later is not in the record, but counts in sessionsWithChat). */
  chatted: boolean;
  rescued: boolean;
  /** In the policy's holdout: never offered chat. */
  holdout: boolean;
}

/** Distributions of one segment, bound to the shared switchable source, and its derived probabilities. */
export interface SegmentSamplers {
  /** Add-to-cart probability of a new and of a returning visitor (their mix averages to the segment's). */
  readonly addToCartNew: number;
  readonly addToCartReturning: number;
  /** Index into DEVICES. */
  readonly deviceIndex: number;
  readonly pageViews: Sampler;
  readonly dwellSeconds: Sampler;
  readonly cartValue: Sampler;
  readonly patienceSeconds: Sampler;
}

/** Per step: hazards by reason index, and the step's samplers. Step 0 is "browse", 1 "cart". */
export interface StepPlan {
  readonly name: string;
  readonly baseHazards: Float64Array;
  readonly fillSeconds: Sampler;
  readonly isRevealStep: boolean;
  /** Before the reveal with totals hidden: "total not visible up front" applies. */
  readonly totalHidden: boolean;
}

/**
 * Everything one replication of the store model shares: clock, config, samplers, precomputed step
 * plans, the chat desk and the recorder. Built fresh per run (no module state), so runs can go in
 * parallel workers.
 */
export class StoreWorld {
  readonly env: Environment;
  readonly config: StoreModelConfig;
  readonly recorder: StoreRecorder;
  readonly chat: ChatCenter;
  /** The video channel's desk (desk.video on), else null. */
  readonly video: VideoDesk | null;
  /** Samplers draw from this; point it at a shopper's child stream first (see `draw`). */
  readonly source: SwitchableSource;
  readonly segments: readonly SegmentSamplers[];
  readonly steps: readonly StepPlan[];
  readonly lingerSeconds: Sampler;
  readonly pauseSeconds: Sampler;
  readonly confusionPauseSeconds: Sampler;
  readonly handleSeconds: Sampler;
  /** Video call handle time (desk.video on), else null. */
  readonly videoHandleSeconds: Sampler | null;
  readonly messageHandleSeconds: Sampler;
  /** Time in the help centre before a help request escalates to the chat queue. */
  readonly escalationDelaySeconds: Sampler;
  readonly rescueProbability: Float64Array;
  /** Scratch: one checkout step's hazards by reason, filled and read within one synchronous stretch. */
  readonly stepHazards = new Float64Array(ABANDONMENT_REASONS.length);
  readonly onSession: ((record: SessionRecord) => void) | undefined;
  /** The policy has proactive rules (else idle time can only matter through the help button). */
  readonly hasProactiveRules: boolean;
  /** Callback of the timeout that ends a bounce (its value: the shopper): one function per world, not a closure per shopper. */
  readonly endBounce: EventCallback = (event) => bounce(this, event.value as Shopper);
  /** Callback of the timeout of an auto-save return visit (its value: the shopper). */
  readonly startReturnVisit: EventCallback = (event) => returnVisit(this, event.value as Shopper);
  /** Delay from leaving mid-form to the auto-save return visit. */
  readonly autoSaveDelaySeconds: Sampler;
  /** End of the horizon, seconds: arrivals stop there, and later auto-save returns do not count. */
  readonly horizonSeconds: number;

  constructor(
    env: Environment,
    config: StoreModelConfig,
    placeholder: RandomStream,
    absence: UniformSource,
    streams: StreamFactory,
    onSession?: (record: SessionRecord) => void,
  ) {
    this.onSession = onSession;
    this.hasProactiveRules = config.chat.policy.rules.length > 0;
    this.env = env;
    this.config = config;
    this.source = new SwitchableSource(placeholder);
    const bind = (spec: Parameters<typeof makeSampler>[0]): Sampler => makeSampler(spec, this.source);
    this.segments = config.segments.map((segment: SegmentConfig) => ({
      ...splitAddToCart(segment),
      deviceIndex: DEVICES.indexOf(segment.device),
      pageViews: bind(segment.pageViews),
      dwellSeconds: bind(segment.dwellSeconds),
      cartValue: bind(segment.cartValue),
      patienceSeconds: bind(segment.patienceSeconds),
    }));
    const { funnel, pricing } = config;
    this.lingerSeconds = bind(funnel.hesitation.lingerSeconds);
    this.pauseSeconds = bind(funnel.hesitation.pauseSeconds);
    this.confusionPauseSeconds = bind(funnel.friction.confusion.pauseSeconds);
    this.handleSeconds = bind(config.chat.handleSeconds);
    this.videoHandleSeconds = config.desk.video === null ? null : bind(config.desk.video.handleSeconds);
    this.messageHandleSeconds = bind(config.desk.messages.handleSeconds);
    this.escalationDelaySeconds = bind(config.desk.selfService.escalationDelaySeconds);
    this.rescueProbability = reasonArray(config.chat.rescueProbability);
    this.autoSaveDelaySeconds = bind(funnel.autoSave.returnDelaySeconds);
    this.horizonSeconds = config.horizon.days * 86400;

    const revealIndex = pricing.showTotalUpfront
      ? 1
      : 2 +
        Math.max(
          0,
          funnel.steps.findIndex((step) => step.revealsTotal),
        );
    const hasReveal = pricing.showTotalUpfront || funnel.steps.some((step) => step.revealsTotal);
    const plans: StepPlan[] = [
      {
        name: "browse",
        baseHazards: new Float64Array(ABANDONMENT_REASONS.length),
        fillSeconds: bind({ kind: "constant", value: 0 }),
        isRevealStep: false,
        totalHidden: false,
      },
      {
        name: "cart",
        baseHazards: reasonArray(funnel.cartHazards),
        fillSeconds: bind(funnel.cartSeconds),
        isRevealStep: hasReveal && revealIndex === 1,
        totalHidden: !pricing.showTotalUpfront,
      },
    ];
    funnel.steps.forEach((step, i) => {
      plans.push({
        name: step.name,
        baseHazards: reasonArray(step.hazards),
        fillSeconds: bind(step.fillSeconds),
        isRevealStep: hasReveal && revealIndex === i + 2,
        totalHidden: !pricing.showTotalUpfront && (!hasReveal || i + 2 < revealIndex),
      });
    });
    this.steps = plans;
    const intervals = config.agents.scheduled.length;
    this.recorder = new StoreRecorder(
      plans.map((plan) => plan.name),
      intervals,
      config.horizon.intervalSeconds,
    );
    this.chat = new ChatCenter(
      env,
      chatCenterOptions(config.desk, config.agents, config.horizon, { ...config.chat, usePriority: config.chat.queueDiscipline === "priority" }, absence),
      this.recorder.series,
    );
    const { desk } = config;
    this.video =
      desk.video === null ? null : new VideoDesk(env, { ...desk, video: desk.video }, config.agents, config.horizon, config.chat.serviceLevelSeconds, streams);
  }

  /** Draws from `sampler` using `stream` (a shopper's child stream). */
  draw(sampler: Sampler, stream: UniformSource): number {
    this.source.current = stream;
    return sampler.sample();
  }
}

/**
 * New and returning visitors' add-to-cart probabilities: returning = ratio × new, with the segment's
 * mix r of returning visitors keeping the average p: new = p ÷ (1 − r + r × ratio). Where returning
 * would pass 1 it is capped at 1 and new visitors take the rest, (p − r) ÷ (1 − r): the average
 * always holds, the ratio then falls short.
 *
 * @example
 * splitAddToCart({addToCartProbability: 0.088, returningProbability: 0.35, returningAddToCartRatio: 1.875})
 * // new = 0.088 ÷ 1.30625 ≈ 0.0674, returning ≈ 0.1263
 */
export function splitAddToCart(segment: Pick<SegmentConfig, "addToCartProbability" | "returningProbability" | "returningAddToCartRatio">): {
  addToCartNew: number;
  addToCartReturning: number;
} {
  const p = segment.addToCartProbability;
  const r = segment.returningProbability;
  const addToCartNew = p / (1 - r + r * segment.returningAddToCartRatio);
  const addToCartReturning = addToCartNew * segment.returningAddToCartRatio;
  if (addToCartReturning <= 1) return { addToCartNew, addToCartReturning };
  return { addToCartNew: r < 1 ? (p - r) / (1 - r) : 0, addToCartReturning: 1 };
}

function reasonArray(values: Readonly<Partial<Record<AbandonmentReason, number>>>): Float64Array {
  const array = new Float64Array(ABANDONMENT_REASONS.length);
  for (const [reason, value] of Object.entries(values)) array[REASON_INDEX[reason as AbandonmentReason]] = value ?? 0;
  return array;
}
