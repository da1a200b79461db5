import type { z } from "zod";
import { DEFAULT_SELF_SERVICE_CONFIG, type MessageConfig, type SelfServiceConfig, type ServiceLevelDefinition } from "../../sim/model/index.ts";
import { type OpeningHours, parseOpeningHours, WEEKDAYS, type WrittenOpeningHours } from "../../sim/policy/index.ts";
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

/**
 * The scenario's `desk` section as the model's queue cap, message settings and opening hours. Dated
 * exceptions need `horizon.startDate`: without it the simulated days have no date to match.
 */
export function resolveDesk(
  desk: z.output<typeof deskSchema>,
  horizon: { startWeekday: (typeof WEEKDAYS)[number]; startDate?: string },
  problems: string[],
): { maxQueueLength: number; messages: MessageConfig; serviceLevel: ServiceLevelDefinition; openingHours: OpeningHours | null } {
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
  return {
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
