import { type DistributionSpec, distributionMean, type UniformSource } from "../random/index.ts";
import type { ChatCenterOptions } from "./ChatCenter.ts";
import type { AgentConfig, DeskConfig, HorizonConfig } from "./config.ts";

/** What a desk's chats are like: slowdown, service-level threshold, handle time and queue order. */
export interface DeskChatSettings {
  readonly slowdownPerExtraChat: number;
  readonly serviceLevelSeconds: number;
  readonly handleSeconds: DistributionSpec;
  readonly usePriority: boolean;
}

/**
 * A ChatCenter's options from the resolved desk, agents and horizon: one place, so the store model,
 * the chat-only model and a second channel's desk cannot drift apart. `absence` is used only under
 * the "absence" shrinkage method.
 */
export function chatCenterOptions(
  desk: DeskConfig,
  agents: AgentConfig,
  horizon: HorizonConfig,
  chat: DeskChatSettings,
  absence: UniformSource,
): ChatCenterOptions {
  return {
    agents,
    intervalSeconds: horizon.intervalSeconds,
    slowdownPerExtraChat: chat.slowdownPerExtraChat,
    slowdownMode: desk.slowdownMode,
    serviceLevelSeconds: chat.serviceLevelSeconds,
    meanHandleSeconds: distributionMean(chat.handleSeconds),
    usePriority: chat.usePriority,
    warmupSeconds: desk.warmupSeconds,
    maxQueueLength: desk.maxQueueLength,
    openingHours: desk.openingHours,
    ignoreAbandonsUnderSeconds: desk.serviceLevel.ignoreAbandonsUnderSeconds,
    absence: desk.shrinkageMethod === "absence" ? absence : null,
    horizonSeconds: horizon.days * 86400,
    reservation: desk.reservation,
  };
}
