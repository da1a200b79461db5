import type { z } from "zod";
import type { MessageConfig, ServiceLevelDefinition, VideoConfig } from "../../sim/model/index.ts";
import { type DeskReservation, type OpeningHours, parseOpeningHours, reservationProblem, WEEKDAYS } from "../../sim/policy/index.ts";
import type { deskSchema } from "./sharedSchema.ts";
import { toDistributionSpec } from "./toDistributionSpec.ts";

/** The warm-up of a horizon: as written (checked to end before the horizon), else `defaultSeconds`. */
export function resolveWarmup(horizon: { days: number; warmupSeconds?: number }, defaultSeconds: number, problems: string[]): number {
  const horizonSeconds = horizon.days * 86400;
  if (horizon.warmupSeconds === undefined) return defaultSeconds;
  if (horizon.warmupSeconds >= horizonSeconds) {
    problems.push(`invalid horizon.warmupSeconds: ${horizon.warmupSeconds} (must be less than the horizon, ${horizonSeconds} s)`);
  }
  return horizon.warmupSeconds;
}

/** The desk's chat slots at its busiest interval: peak scheduled agents × concurrency. */
export function peakSlots(scheduled: readonly number[], concurrency: number): number {
  let peak = 0;
  for (const agents of scheduled) peak = Math.max(peak, agents);
  return peak * concurrency;
}

/** What the desk's reservation is checked against: the peak chat slots and the segment names chats can carry. */
export interface DeskContext {
  /** Intervals over the whole horizon (the video agents' schedule is one entry per interval). */
  readonly intervals: number;
  readonly peakSlots: number;
  readonly segments: readonly string[];
}

/** The scenario's `desk` section as the model's queue cap, message settings, opening hours and reservation. */
export function resolveDesk(
  desk: z.output<typeof deskSchema>,
  startWeekday: (typeof WEEKDAYS)[number],
  context: DeskContext,
  problems: string[],
): {
  maxQueueLength: number;
  messages: MessageConfig;
  serviceLevel: ServiceLevelDefinition;
  openingHours: OpeningHours | null;
  reservation: DeskReservation | null;
  video: VideoConfig | null;
} {
  let openingHours: OpeningHours | null = null;
  if (desk.openingHours !== undefined) {
    const parsed = parseOpeningHours(desk.openingHours as Record<string, string | string[]>, WEEKDAYS.indexOf(startWeekday));
    if ("problem" in parsed) problems.push(`invalid desk.openingHours.${parsed.problem}`);
    else openingHours = parsed.hours;
  }
  let reservation: DeskReservation | null = null;
  if (desk.reservation !== undefined) {
    const problem = reservationProblem(desk.reservation, context.peakSlots, context.segments);
    if (problem !== null) problems.push(`invalid desk.reservation.${problem}`);
    else {
      const { slots, minCartValue, segments = [] } = desk.reservation;
      reservation = { slots, minCartValue: minCartValue ?? null, segments };
    }
  }
  const { video } = desk;
  return {
    reservation,
    video:
      video === undefined
        ? null
        : {
            acceptanceProbability: video.acceptanceProbability,
            scheduled: new Array(context.intervals).fill(video.agents),
            handleSeconds: toDistributionSpec(video.handleSeconds),
            rescueMultiplier: video.rescueMultiplier,
          },
    maxQueueLength: desk.maxQueueLength ?? Infinity,
    messages: { ...desk.messages, handleSeconds: toDistributionSpec(desk.messages.handleSeconds) },
    serviceLevel: desk.serviceLevel,
    openingHours,
  };
}
