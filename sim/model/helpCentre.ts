import type { Event } from "../engine/index.ts";
import { SELF_SERVICE, type Shopper } from "./Shopper.ts";
import type { StoreWorld } from "./StoreWorld.ts";

/** Where a help request ends after the help centre: on to the chat desk (not deflected, or escalated), resolved there, or resolved with the shopper rescued. */
export type HelpCentreOutcome = "chatDesk" | "resolved" | "rescued";

/**
 * Self-service first (desk.selfService, off while deflectionProbability is 0): a help request meets
 * the help centre with probability `deflectionProbability`. With `escalationProbability` the shopper
 * still asks for a person after `escalationDelaySeconds` and goes on to the chat desk ("chatDesk");
 * otherwise the help centre resolved it, and a hesitating shopper is rescued with rescueProbability ×
 * `rescueFactor` ("rescued"). Draws come from
 * the shopper's own selfService stream, so switching it on moves no other draw (common random numbers).
 * Counted after the warm-up, like chat requests.
 */
export function* helpCentreFirst(world: StoreWorld, shopper: Shopper, hesitatingReason: number): Generator<Event<any>, HelpCentreOutcome, any> {
  const selfService = world.config.desk.selfService;
  if (selfService.deflectionProbability <= 0) return "chatDesk";
  const stream = shopper.stream(SELF_SERVICE);
  if (stream.next() >= selfService.deflectionProbability) return "chatDesk";
  const counts = world.recorder.selfService;
  const counted = world.env.now >= world.config.desk.warmupSeconds;
  if (counted) counts.contacts++;
  if (stream.next() < selfService.escalationProbability) {
    if (counted) counts.escalated++;
    const delay = Math.max(0, world.draw(world.escalationDelaySeconds, stream));
    yield world.env.timeout(delay);
    shopper.signals.timeOnSiteSeconds += delay;
    return "chatDesk";
  }
  if (counted) counts.resolved++;
  if (hesitatingReason < 0) return "resolved";
  const rescued = stream.next() < world.rescueProbability[hesitatingReason] * selfService.rescueFactor;
  if (rescued && counted) counts.rescued++;
  return rescued ? "rescued" : "resolved";
}

/**
 * An answered chat is handed on to email or phone with `channelEscalation.probability` (phone with
 * `phoneShare`): a follow-up contact whose cost enters the profit statement. The chat's own outcome
 * (rescue or not) stands; the follow-up's effect on the order is not modelled.
 */
export function escalateChannel(world: StoreWorld, shopper: Shopper): void {
  const escalation = world.config.desk.selfService.channelEscalation;
  if (escalation.probability <= 0) return;
  const stream = shopper.stream(SELF_SERVICE);
  if (stream.next() >= escalation.probability) return;
  const phone = stream.next() < escalation.phoneShare;
  if (world.env.now < world.config.desk.warmupSeconds) return;
  if (phone) world.recorder.channelEscalation.phone++;
  else world.recorder.channelEscalation.email++;
}
