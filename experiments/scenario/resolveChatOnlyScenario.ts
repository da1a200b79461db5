import type { ChatOnlyModelConfig } from "../../sim/model/index.ts";
import { distributionMean } from "../../sim/random/index.ts";
import type { ChatOnlyScenario } from "./chatOnlySchema.ts";
import { peakSlots, resolveDesk, resolveSelfService, resolveWarmup } from "./resolveDesk.ts";
import { ratesFromDailyVolume, ratesFromPerInterval } from "./resolveRates.ts";
import { resolveSchedule } from "./resolveSchedule.ts";
import { toDistributionSpec } from "./toDistributionSpec.ts";
import { uniqueNames } from "./uniqueNames.ts";

/**
 * Chat-only default warm-up: 10 mean handle times (a desk forgets its empty start within a few
 * handle times except near saturation; assumption, plausible 5-20), at most a tenth of the horizon.
 */
export const WARMUP_HANDLE_TIMES = 10;

function defaultChatOnlyWarmupSeconds(meanHandleSeconds: number, days: number): number {
  return Math.min(WARMUP_HANDLE_TIMES * meanHandleSeconds, (days * 86400) / 10);
}

/** Cross-field checks and conversion of a validated chat-only scenario to the model's config. */
export function resolveChatOnlyScenario(scenario: ChatOnlyScenario, problems: string[]): ChatOnlyModelConfig {
  const { horizon, arrivals, agents } = scenario;
  let rates: number[] = [];
  if (arrivals.perInterval !== undefined && arrivals.chatsPerDay !== undefined) {
    problems.push("invalid arrivals: both chatsPerDay and perInterval (give one of them)");
  } else if (arrivals.perInterval !== undefined) {
    rates = ratesFromPerInterval(arrivals.perInterval, horizon.days, horizon.intervalMinutes, "arrivals.perInterval", problems);
  } else if (arrivals.chatsPerDay !== undefined) {
    rates = ratesFromDailyVolume(arrivals.chatsPerDay, arrivals.dailyProfile, undefined, horizon.days, horizon.intervalMinutes, "arrivals", problems);
  } else {
    problems.push("missing arrivals.chatsPerDay (required unless arrivals.perInterval is given)");
  }
  const scheduled = resolveSchedule(agents.schedule, horizon.days, horizon.intervalMinutes, problems);
  const segments = arrivals.segments ?? [];
  uniqueNames(
    segments.map((segment) => segment.name),
    "arrivals.segments",
    problems,
  );
  const weightSum = segments.reduce((total, segment) => total + segment.weight, 0);
  if (agents.shrinkage >= 1) problems.push(`invalid agents.shrinkage: ${agents.shrinkage} (must be in [0, 1): nobody would be online)`);
  return {
    kind: "chatOnly",
    name: scenario.name,
    horizon: { days: horizon.days, intervalSeconds: horizon.intervalMinutes * 60 },
    chatRatesPerSecond: rates,
    handleSeconds: toDistributionSpec(scenario.handleSeconds),
    patienceSeconds: scenario.patienceSeconds === undefined ? null : toDistributionSpec(scenario.patienceSeconds),
    slowdownPerExtraChat: scenario.slowdownPerExtraChat,
    serviceLevelSeconds: scenario.serviceLevelSeconds,
    agents: {
      scheduled,
      shrinkage: agents.shrinkage,
      concurrency: agents.concurrency,
      costPerHour: agents.costPerHour,
    },
    desk: {
      slowdownMode: scenario.slowdownMode,
      warmupSeconds: resolveWarmup(horizon, defaultChatOnlyWarmupSeconds(distributionMean(toDistributionSpec(scenario.handleSeconds)), horizon.days), problems),
      ...resolveDesk(
        scenario.desk,
        horizon,
        { intervals: scheduled.length, peakSlots: peakSlots(scheduled, agents.concurrency), segments: segments.map((segment) => segment.name) },
        problems,
      ),
      shrinkageMethod: agents.shrinkageMethod,
      selfService: resolveSelfService(scenario.selfService),
    },
    ...(arrivals.segments === undefined
      ? {}
      : {
          segments: segments.map((segment) => ({
            name: segment.name,
            weight: segment.weight / weightSum,
            cartValue: segment.cartValue === undefined ? { kind: "constant" as const, value: 0 } : toDistributionSpec(segment.cartValue),
          })),
        }),
  };
}
