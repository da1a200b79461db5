import type { Event } from "../engine/index.ts";
import {
  type ChatSource,
  chatPriority,
  evaluateExitIntent,
  evaluatePolicy,
  nextFireDelaySeconds,
  onChatEnded,
  onChatStarted,
  onDeclined,
  onInvitationShown,
  type ReservationCustomer,
  TriggerTimer,
} from "../policy/index.ts";
import type { ChatCenter } from "./ChatCenter.ts";
import type { ChatOutcome } from "./chatOutcome.ts";
import { escalateChannel, helpCentreFirst } from "./helpCentre.ts";
import { acceptanceProbability, annoyanceProbability } from "./invitationResponse.ts";
import { ACCEPTANCE, CHANNEL, HANDLE, PATIENCE, RESCUE, type Shopper } from "./Shopper.ts";
import type { StoreWorld } from "./StoreWorld.ts";
import { meet, pass } from "./shopperClock.ts";

/** How an idle window ended. */
export const STAYED = 0;
export const LEFT = 1;
export const RESCUED = 2;
export const ANNOYED = 3;
export type WindowOutcome = typeof STAYED | typeof LEFT | typeof RESCUED | typeof ANNOYED;

/** What the shopper does in an idle window. */
export interface IdleWindow {
  readonly durationSeconds: number;
  /** Reason index the shopper is about to leave for, or −1 if they will carry on. */
  readonly hesitatingReason: number;
  /** Seconds into the window at which the shopper presses "Need help?", or −1. */
  readonly helpAtSeconds: number;
  /** The window ends with exit intent (mouse leaves / back navigation). */
  readonly exitIntentAtEnd: boolean;
}

type Gen<T> = Generator<Event<any>, T, any>;

/**
 * The shopper sits idle on the current page for `durationSeconds` (reading, hesitating, looking for
 * a card). Meanwhile proactive triggers may fire, as the trigger contract (sim/policy TriggerTimer)
 * says: at the exact moment the policy's thresholds are crossed, re-checked while gating blocks
 * them, one invitation per moment, exit intent evaluated once; and the shopper may ask for help. A hesitating shopper who gets a chat answered may be rescued; one who is not hesitating
 * may be annoyed by an unwanted invitation and leave.
 */
export function* idleWindow(world: StoreWorld, shopper: Shopper, window: IdleWindow): Gen<WindowOutcome> {
  const env = world.env;
  const policy = world.config.chat.policy;
  const signals = shopper.signals;
  let elapsed = 0;
  let helpAt = window.helpAtSeconds;
  const timer = new TriggerTimer();
  signals.idleSeconds = 0;
  for (;;) {
    const remaining = window.durationSeconds - elapsed;
    const fire = shopper.holdout ? null : timer.nextWakeSeconds(policy, signals, shopper.visit, elapsed, remaining);
    const help = helpAt >= elapsed && !shopper.visit.inChat ? helpAt - elapsed : null;
    const step = help !== null && (fire === null || help <= fire) ? help : fire;
    if (step === null) break;
    const wait = pass(env, shopper, step);
    if (wait !== null) yield wait;
    advance(shopper, step);
    elapsed += step;
    if (step === help) {
      helpAt = -1;
      world.recorder.reactiveRequests++;
      const outcome = yield* requestChat(world, shopper, { kind: "reactive" }, window.hesitatingReason, true);
      if (outcome !== STAYED) return outcome;
      continue;
    }
    // The decision reads the desk's queue: meet the engine's clock first.
    const lag = meet(env, shopper);
    if (lag !== null) yield lag;
    const decision = evaluatePolicy(policy, signals, shopper.visit, world.chat.queueState());
    timer.evaluated(decision, elapsed);
    if (!decision.invite) continue;
    const outcome = yield* invite(world, shopper, decision.rule!, window.hesitatingReason, false);
    if (outcome !== STAYED) return outcome;
  }
  if (window.durationSeconds > elapsed) {
    const wait = pass(env, shopper, window.durationSeconds - elapsed);
    if (wait !== null) yield wait;
    advance(shopper, window.durationSeconds - elapsed);
  }
  if (window.exitIntentAtEnd && !shopper.holdout) {
    const lag = meet(env, shopper);
    if (lag !== null) yield lag;
    const decision = evaluateExitIntent(policy, signals, shopper.visit, world.chat.queueState());
    if (decision.invite) {
      const outcome = yield* invite(world, shopper, decision.rule!, window.hesitatingReason, true);
      if (outcome !== STAYED) return outcome;
    }
  }
  return window.hesitatingReason >= 0 ? LEFT : STAYED;
}

/**
 * Fast path of an idle window that is not hesitating, with no help button press and no exit intent
 * at its end: when no trigger can fire within it (nextWakeSeconds of a fresh timer is null) and no
 * chat runs beside the visit, the window is just time passing on the shopper's own clock. Applies it
 * and returns true (the outcome is STAYED); otherwise changes nothing and returns false, and the
 * caller runs `idleWindow`. Saves a generator, a timer and a window object on most browse pages.
 */
export function passesQuietly(world: StoreWorld, shopper: Shopper, durationSeconds: number): boolean {
  if (shopper.backgroundChats > 0) return false;
  const signals = shopper.signals;
  // idleWindow's first step: idle time restarts, then the timer asks for its first wake-up.
  signals.idleSeconds = 0;
  if (!shopper.holdout && nextFireDelaySeconds(world.config.chat.policy, signals, shopper.visit, durationSeconds) !== null) return false;
  if (durationSeconds > 0) {
    shopper.clockSeconds += durationSeconds;
    advance(shopper, durationSeconds);
  }
  return true;
}

function advance(shopper: Shopper, seconds: number): void {
  shopper.signals.idleSeconds += seconds;
  shopper.signals.timeOnSiteSeconds += seconds;
}

/** Shows an invitation; the shopper accepts (chat), declines, or declines and leaves annoyed. */
function* invite(world: StoreWorld, shopper: Shopper, rule: string, hesitatingReason: number, onExitIntent: boolean): Gen<WindowOutcome> {
  const { recorder, config } = world;
  const segment = shopper.segment;
  recorder.invitationsOffered++;
  recorder.series.add("invitations", recorder.interval(world.env.now), 1);
  if (hesitatingReason >= 0) recorder.invitationsToHesitating++;
  shopper.visit = onInvitationShown(shopper.visit, shopper.signals.timeOnSiteSeconds);
  const stream = shopper.stream(ACCEPTANCE);
  const acceptDraw = stream.next();
  const annoyDraw = stream.next();
  const signals = shopper.signals;
  const context = { hesitating: hesitatingReason >= 0, onExitIntent, timeOnSiteSeconds: signals.timeOnSiteSeconds, returningVisitor: signals.returningVisitor };
  const accepted = acceptDraw < acceptanceProbability(segment.chatOpenness, context, config.chat.acceptance);
  recorder.countInvitation(context.timeOnSiteSeconds >= config.chat.acceptance.laterAfterSeconds, context.returningVisitor, signals.step === "cart", accepted);
  if (accepted) {
    recorder.invitationsAccepted++;
    return yield* requestChat(world, shopper, { kind: "proactive", rule }, hesitatingReason, hesitatingReason >= 0);
  }
  recorder.invitationsDeclined++;
  shopper.visit = onDeclined(shopper.visit);
  if (hesitatingReason >= 0) return STAYED;
  const invitationNumber = shopper.visit.invitationsThisVisit;
  const annoyed = annoyDraw < annoyanceProbability(segment.invitationSensitivity, invitationNumber, config.chat.repeatInvitationAnnoyance);
  recorder.countUnwantedDecline(invitationNumber > 1, annoyed);
  if (annoyed) {
    recorder.annoyedExits++;
    recorder.annoyedCartValue += signals.cartValue;
    return ANNOYED;
  }
  return STAYED;
}

/**
 * Starts a chat. `wait`: the shopper waits for it (a hesitating shopper, or one who asked for help);
 * otherwise the chat runs alongside the visit. A hesitating shopper whose chat is answered is rescued
 * with the probability for their reason; if it is not answered or not convincing, they leave.
 */
export function* requestChat(world: StoreWorld, shopper: Shopper, source: ChatSource, hesitatingReason: number, wait: boolean): Gen<WindowOutcome> {
  const lag = meet(world.env, shopper);
  if (lag !== null) yield lag;
  if (source.kind === "reactive") {
    // Self-service first: the help centre may answer the request before it reaches the desk.
    const routed = yield* helpCentreFirst(world, shopper, hesitatingReason);
    // An escalation's delay is a real event (the desk comes next): the shopper's clock follows it.
    shopper.clockSeconds = world.env.now;
    if (routed === "rescued") return RESCUED;
    if (routed === "resolved") return hesitatingReason < 0 ? STAYED : LEFT;
  }
  const priority = chatPriority(world.config.chat.policy, shopper.signals, source);
  const patience = Math.max(0, world.draw(world.segments[shopper.segmentIndex].patienceSeconds, shopper.stream(PATIENCE)));
  const textHandle = Math.max(1, world.draw(world.handleSeconds, shopper.stream(HANDLE)));
  const channel = pickChannel(world, shopper, textHandle);
  shopper.visit = onChatStarted(shopper.visit);
  if (!wait) {
    shopper.backgroundChats++;
    world.env.process(backgroundChat(world, shopper, channel.desk, priority, patience, channel.handleSeconds));
    return STAYED;
  }
  const outcome: ChatOutcome = yield* channel.desk.chat(priority, patience, channel.handleSeconds, customerOf(shopper));
  shopper.clockSeconds = world.env.now;
  shopper.visit = onChatEnded(shopper.visit);
  shopper.rescuedHighValue = outcome.highValue;
  if (outcome.served) {
    shopper.chatted = true;
    escalateChannel(world, shopper);
  }
  shopper.signals.timeOnSiteSeconds += outcome.waitSeconds + outcome.handleSeconds;
  shopper.signals.idleSeconds = 0;
  if (outcome.blocked) return leaveMessage(world, shopper, hesitatingReason);
  if (hesitatingReason < 0) return STAYED;
  if (!outcome.served) {
    world.recorder.queueAbandonedThenLeft++;
    return LEFT;
  }
  // Multitasking lowers resolution (Goes et al. 2018): the rescue chance shrinks with the chats the
  // agent held during this one.
  const quality = Math.max(0, 1 - world.config.chat.rescueLossPerExtraChat * (outcome.meanAgentLoad - 1));
  if (shopper.stream(RESCUE).next() >= Math.min(1, world.rescueProbability[hesitatingReason] * quality * channel.rescueMultiplier)) return LEFT;
  // Per-agent rescues are the text desk's seats; a video agent's rescue is not credited to one.
  shopper.rescuedBy = channel.video ? -1 : outcome.agent;
  return RESCUED;
}

/**
 * The queue was full: the shopper may leave a message, answered later by back-office time. A
 * hesitating shopper is rescued by the answer with the reduced message chance (the timing of their
 * return is not modelled: the order is booked as if they carried on).
 */
function leaveMessage(world: StoreWorld, shopper: Shopper, hesitatingReason: number): WindowOutcome {
  const messages = world.config.desk.messages;
  const rescue = shopper.stream(RESCUE);
  if (rescue.next() >= messages.leaveProbability) return hesitatingReason < 0 ? STAYED : LEFT;
  world.chat.leaveMessage(Math.max(0, world.draw(world.messageHandleSeconds, shopper.stream(HANDLE))));
  if (hesitatingReason < 0) return STAYED;
  return rescue.next() < world.rescueProbability[hesitatingReason] * messages.rescueFactor ? RESCUED : LEFT;
}

function* backgroundChat(world: StoreWorld, shopper: Shopper, desk: ChatCenter, priority: number, patience: number, handle: number): Gen<void> {
  const outcome = yield* desk.chat(priority, patience, handle, customerOf(shopper));
  if (outcome.served) {
    // A chat that outlasts the visit still makes it a session with a chat, as the live store counts
    // one (a chat taken by an agent); the session was booked without it when it ended.
    if (shopper.ended && !shopper.chatted) world.recorder.chattedSessions++;
    shopper.chatted = true;
    escalateChannel(world, shopper);
  } else if (outcome.blocked) leaveMessage(world, shopper, -1);
  shopper.visit = onChatEnded(shopper.visit);
  shopper.backgroundChats--;
}

/** The desk a chat goes to: text, or video when it is on, open, and the shopper takes it (own stream). */
function pickChannel(
  world: StoreWorld,
  shopper: Shopper,
  textHandleSeconds: number,
): { desk: ChatCenter; handleSeconds: number; rescueMultiplier: number; video: boolean } {
  const video = world.video;
  if (video === null || !video.center.isOpen()) return { desk: world.chat, handleSeconds: textHandleSeconds, rescueMultiplier: 1, video: false };
  const stream = shopper.stream(CHANNEL);
  if (!video.choosesVideo(stream.next())) return { desk: world.chat, handleSeconds: textHandleSeconds, rescueMultiplier: 1, video: false };
  return {
    desk: video.center,
    handleSeconds: Math.max(1, world.draw(world.videoHandleSeconds!, stream)),
    rescueMultiplier: video.config.rescueMultiplier,
    video: true,
  };
}

/** What the desk's reservation reads about a shopper: cart value now and segment. */
function customerOf(shopper: Shopper): ReservationCustomer {
  return { cartValue: shopper.signals.cartValue, segment: shopper.segment.name };
}
