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
  InvitationAcceptanceConfig,
  AgentConfig,
  Device,
} from "./config.ts";
export { ABANDONMENT_REASONS, CHECKOUT_REASONS, type AbandonmentReason, type CheckoutReason } from "./reasons.ts";
export type { ChatQueueResults, IntervalResults, StepResult, StoreResults, ChatOnlyResults, SimulationResults, Ratio, GroupAcceptance, UnwantedDeclines } from "./results.ts";
export { INVITATION_GROUPS, type InvitationGroup } from "./StoreRecorder.ts";
export { simulateStore, type RunOptions } from "./simulateStore.ts";
export { simulateChatOnly } from "./simulateChatOnly.ts";
export type { SessionRecord } from "./StoreWorld.ts";
export { agentsOnline } from "./ChatCenter.ts";
export { extraCosts, stickerShockHazard } from "./pricing.ts";
export { simulate } from "./simulate.ts";
export { acceptanceProbability, annoyanceProbability, type InvitationContext } from "./invitationResponse.ts";
