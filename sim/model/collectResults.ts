import type { ChatCenter } from "./ChatCenter.ts";
import { collectClassResults, type RescuedByClass } from "./chatClassResults.ts";
import type { AgentConfig, DeskConfig, ServiceLevelDefinition } from "./config.ts";
import type { IntervalSeries } from "./IntervalSeries.ts";
import { type ChatQueueResults, finiteOrNull, type IntervalResults, ratio, type VideoIntervalResults } from "./results.ts";
import { WAIT_HISTOGRAM_BOUNDS_SECONDS } from "./waitHistogram.ts";

/** The chat desk's figures for the whole run, warm-up excluded. */
export function collectChatResults(
  chat: ChatCenter,
  agents: AgentConfig,
  desk: DeskConfig,
  intervalSeconds: number,
  serviceLevelSeconds: number,
  rescuedByClass: RescuedByClass | null,
): ChatQueueResults {
  const { chatSeconds, busyAgentSeconds: busy, onlineAgentSeconds: online } = chat.measuredAreas();
  // Paid hours of the measured window: each interval counts for the part of it after the warm-up.
  let scheduledSeconds = 0;
  agents.scheduled.forEach((count, interval) => {
    const start = Math.max(interval * intervalSeconds, desk.warmupSeconds);
    scheduledSeconds += count * Math.max(0, (interval + 1) * intervalSeconds - start);
  });
  const agentHoursScheduled = scheduledSeconds / 3600;
  return {
    warmup: { seconds: desk.warmupSeconds, excludedRequests: chat.warmupRequests },
    requests: chat.requests,
    blocked: chat.blocked,
    blockingRate: ratio(chat.blocked, chat.requests),
    closedRequests: chat.closedRequests,
    messages: { left: chat.messagesLeft, handleHours: chat.messageHandleSeconds / 3600 },
    served: chat.served,
    abandoned: chat.abandoned,
    probabilityOfWait: ratio(chat.delayed, chat.requests),
    meanWaitSeconds: finiteOrNull(chat.waits.mean),
    meanWaitOfServedSeconds: finiteOrNull(chat.waitsOfServed.mean),
    waitOfServedP50Seconds: finiteOrNull(chat.waitsOfServed.quantile(0.5)),
    waitOfServedP90Seconds: finiteOrNull(chat.waitsOfServed.quantile(0.9)),
    waitOfServedP95Seconds: finiteOrNull(chat.waitsOfServed.quantile(0.95)),
    waitHistogram: {
      upperBoundsSeconds: WAIT_HISTOGRAM_BOUNDS_SECONDS.map((bound) => (Number.isFinite(bound) ? bound : null)),
      counts: Array.from(chat.waitHistogram),
    },
    serviceLevelSeconds,
    serviceLevelDefinition: describeServiceLevel(desk.serviceLevel, serviceLevelSeconds),
    serviceLevel: ratio(chat.answeredWithinTarget, serviceLevelDenominator(desk.serviceLevel, chat.requests, chat.served, chat.shortAbandons)),
    serviceLevelOfAnswered: ratio(chat.answeredWithinTarget, chat.served),
    queueAbandonmentRate: ratio(chat.abandoned, chat.requests),
    meanHandleSeconds: finiteOrNull(chat.handleTimes.mean),
    occupancy: ratio(busy, online),
    slotUtilization: ratio(chatSeconds, online * agents.concurrency),
    meanConcurrency: ratio(chatSeconds, busy),
    meanChatsPerAgent: ratio(chatSeconds, online),
    agentHoursScheduled,
    agentCost: agentHoursScheduled * agents.costPerHour,
    agents: chat.agentFigures(),
    // Only under a reservation, so runs without one keep their output byte for byte.
    ...(desk.reservation === null ? {} : { byClass: collectClassResults(desk.reservation, chat.byClass, rescuedByClass) }),
  };
}

/** Chats the service level divides by under `definition`. */
export function serviceLevelDenominator(definition: ServiceLevelDefinition, requests: number, served: number, shortAbandons: number): number {
  return definition.abandons === "exclude" ? served : requests - shortAbandons;
}

/** The service-level definition in words, for every output that shows a service level. */
export function describeServiceLevel(definition: ServiceLevelDefinition, serviceLevelSeconds: number): string {
  const short = definition.ignoreAbandonsUnderSeconds > 0 ? `, abandons under ${definition.ignoreAbandonsUnderSeconds} s ignored` : "";
  return definition.abandons === "exclude"
    ? `answered within ${serviceLevelSeconds} s ÷ answered (abandons and blocked chats excluded${short})`
    : `answered within ${serviceLevelSeconds} s ÷ requests (abandons and blocked chats count as misses${short})`;
}

/** Per-interval series as plain arrays, with the derived per-interval ratios. */
export function collectIntervalResults(series: IntervalSeries, intervalSeconds: number, definition: ServiceLevelDefinition): IntervalResults {
  const plain = series.toJSON();
  const n = series.length;
  const each = <T>(fn: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => fn(i));
  return {
    intervalSeconds,
    startSeconds: each((i) => i * intervalSeconds),
    sessions: plain.sessions,
    carts: plain.carts,
    orders: plain.orders,
    revenue: plain.revenue,
    invitations: plain.invitations,
    chatRequests: plain.chatRequests,
    chatsServed: plain.chatsServed,
    chatsAbandoned: plain.chatsAbandoned,
    agentsScheduled: plain.agentsScheduled,
    agentsOnline: plain.agentsOnline,
    rescuedOrders: plain.rescuedOrders,
    occupancy: each((i) => ratio(plain.busyAgentSeconds[i], plain.onlineAgentSeconds[i])),
    meanConcurrency: each((i) => ratio(plain.chatSeconds[i], plain.busyAgentSeconds[i])),
    serviceLevel: each((i) =>
      ratio(plain.answeredWithinTarget[i], serviceLevelDenominator(definition, plain.chatRequests[i], plain.chatsServed[i], plain.shortAbandons[i])),
    ),
    meanWaitOfServedSeconds: each((i) => ratio(plain.waitSecondsOfServed[i], plain.chatsServed[i])),
  };
}

/** The video desk's per-interval series (requests, served, abandoned, blocked, agents, occupancy, service level, wait). */
export function collectVideoIntervalResults(series: IntervalSeries, definition: ServiceLevelDefinition): VideoIntervalResults {
  const plain = series.toJSON();
  const each = <T>(fn: (i: number) => T): T[] => Array.from({ length: series.length }, (_, i) => fn(i));
  return {
    requests: plain.chatRequests,
    served: plain.chatsServed,
    abandoned: plain.chatsAbandoned,
    blocked: plain.chatsBlocked,
    agentsScheduled: plain.agentsScheduled,
    agentsOnline: plain.agentsOnline,
    occupancy: each((i) => ratio(plain.busyAgentSeconds[i], plain.onlineAgentSeconds[i])),
    serviceLevel: each((i) =>
      ratio(plain.answeredWithinTarget[i], serviceLevelDenominator(definition, plain.chatRequests[i], plain.chatsServed[i], plain.shortAbandons[i])),
    ),
    meanWaitOfServedSeconds: each((i) => ratio(plain.waitSecondsOfServed[i], plain.chatsServed[i])),
  };
}
