import type { z } from "zod";
import {
  DEFAULT_SELF_SERVICE_CONFIG,
  type MessageConfig,
  type SelfServiceConfig,
  type ServiceLevelDefinition,
  type VideoConfig,
} from "../../sim/model/index.ts";
import { type DeskReservation, type OpeningHours, parseOpeningHours, reservationProblem, WEEKDAYS, type WrittenOpeningHours } from "../../sim/policy/index.ts";
import type { chatOnlySelfServiceSchema, deskSchema, storeSelfServiceSchema } from "./sharedSchema.ts";
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

/**
 * The scenario's `desk` section as the model's queue cap, message settings, opening hours, reservation
 * and video desk. Dated exceptions need `horizon.startDate`: without it the simulated days have no date to match.
 */
export function resolveDesk(
  desk: z.output<typeof deskSchema>,
  horizon: { startWeekday: (typeof WEEKDAYS)[number]; startDate?: string },
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
    const exceptions = desk.openingHours.exceptions ?? [];
    const parsed = parseOpeningHours(desk.openingHours as WrittenOpeningHours, WEEKDAYS.indexOf(horizon.startWeekday), horizon.startDate);
    if ("problem" in parsed) problems.push(`invalid desk.openingHours.${parsed.problem}`);
    else if (exceptions.length > 0 && horizon.startDate === undefined)
      problems.push(
        `invalid desk.openingHours.exceptions: ${exceptions.length} dated exception${exceptions.length === 1 ? "" : "s"} (needs horizon.startDate, the calendar date of day 0, to place them on simulated days)`,
      );
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

/** The scenario's `selfService` (chat-only or store) as the model's, defaults for what is not written (off when omitted). */
export function resolveSelfService(written: z.output<typeof chatOnlySelfServiceSchema> | z.output<typeof storeSelfServiceSchema>): SelfServiceConfig {
  if (written === undefined) return DEFAULT_SELF_SERVICE_CONFIG;
  return {
    ...DEFAULT_SELF_SERVICE_CONFIG,
    ...written,
    escalationDelaySeconds: toDistributionSpec(written.escalationDelaySeconds),
    channelEscalation: { ...DEFAULT_SELF_SERVICE_CONFIG.channelEscalation, ...("channelEscalation" in written ? written.channelEscalation : {}) },
  };
}
