// Test fixtures: a chat-only config that runs in milliseconds, and one the model cannot run.

import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG, type ModelConfig } from "../../../sim/model/index.ts";

/** One day of one agent and a chat every 100 s, hourly intervals: `overrides` change any top-level field. */
export function tinyChatConfig(overrides: Partial<ChatOnlyModelConfig> = {}): ChatOnlyModelConfig {
  return {
    kind: "chatOnly",
    name: "tiny",
    horizon: { days: 1, intervalSeconds: 3600 },
    chatRatesPerSecond: new Array(24).fill(0.01),
    handleSeconds: { kind: "exponential", mean: 60 },
    patienceSeconds: null,
    slowdownPerExtraChat: 0,
    serviceLevelSeconds: 20,
    agents: { scheduled: new Array(24).fill(1), shrinkage: 0, concurrency: 1, costPerHour: 0 },
    desk: DEFAULT_DESK_CONFIG,
    ...overrides,
  };
}

/** A config the model cannot run (no handle-time distribution): its task throws inside the model. */
export const BROKEN_CONFIG = { ...tinyChatConfig(), handleSeconds: { kind: "nonsense" } } as unknown as ModelConfig;
