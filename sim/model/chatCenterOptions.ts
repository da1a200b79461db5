import type { DeskReservation, OpeningHours } from "../policy/index.ts";
import { type DistributionSpec, distributionMean, type UniformSource } from "../random/index.ts";
import type { AgentConfig, DeskConfig, HorizonConfig, SlowdownMode } from "./config.ts";

/** Everything a ChatCenter runs on (built by `chatCenterOptions` from the resolved scenario). */
export interface ChatCenterOptions {
  readonly agents: AgentConfig;
  readonly intervalSeconds: number;
  readonly slowdownPerExtraChat: number;
  /** How the slowdown applies: to every open chat as the agent's load changes, or once at the start. */
  readonly slowdownMode: SlowdownMode;
  readonly serviceLevelSeconds: number;
  /** Mean handle time, for the predicted wait the policy gates on. */
  readonly meanHandleSeconds: number;
  /** Serve higher chat priorities first (else first-come first-served). */
  readonly usePriority: boolean;
  /** Chats arriving before this time, and agent time before it, stay out of the whole-run figures. */
  readonly warmupSeconds: number;
  /** Draws who is absent in each interval (shrinkage as random absence); null: online = ⌊scheduled × (1 − shrinkage)⌋. */
  readonly absence: UniformSource | null;
  /** Abandons shorter than this leave the service level's denominator. */
  readonly ignoreAbandonsUnderSeconds: number;
  /** Most chats that may wait (Infinity: no cap). */
  readonly maxQueueLength: number;
  /** When the desk takes chats (null: always); outside them requests are offered the message form. */
  readonly openingHours: OpeningHours | null;
  /** End of arrivals; agent time after it (finishing chats) stays out of the whole-run figures. */
  readonly horizonSeconds: number;
  /** Slots kept for high-value chats (null: none, and no per-class figures). */
  readonly reservation: DeskReservation | null;
}

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
