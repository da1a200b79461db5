export type {
  StoreModelConfig,
  ChatOnlyModelConfig,
  ModelConfig,
  HorizonConfig,
  SegmentConfig,
  PricingConfig,
  FieldConfig,
  StepConfig,
  FunnelConfig,
  StickerShockConfig,
  FrictionConfig,
  HesitationConfig,
  ChatConfig,
  AgentConfig,
  DeskConfig,
  MessageConfig,
  ServiceLevelDefinition,
  SlowdownMode,
  Device,
} from "./config.ts";
export { DEFAULT_DESK_CONFIG, DEFAULT_MESSAGE_CONFIG } from "./config.ts";
export { describeServiceLevel } from "./collectResults.ts";
export { ABANDONMENT_REASONS, CHECKOUT_REASONS, type AbandonmentReason, type CheckoutReason } from "./reasons.ts";
export type { ChatQueueResults, IntervalResults, StepResult, StoreResults, ChatOnlyResults, SimulationResults, Ratio } from "./results.ts";
export { simulateStore, type RunOptions } from "./simulateStore.ts";
export { simulateChatOnly } from "./simulateChatOnly.ts";
export type { SessionRecord } from "./StoreWorld.ts";
export { agentsOnline } from "./ChatCenter.ts";
export { extraCosts, stickerShockHazard } from "./pricing.ts";
export { simulate } from "./simulate.ts";
