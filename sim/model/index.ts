export type {
  StoreModelConfig,
  ChatOnlyModelConfig,
  ModelConfig,
  HorizonConfig,
  SegmentConfig,
  PricingConfig,
  ThresholdPaddingConfig,
  FieldConfig,
  StepConfig,
  FunnelConfig,
  StickerShockConfig,
  FrictionConfig,
  ConfusionConfig,
  InlineHelpConfig,
  AutoSaveConfig,
  HesitationConfig,
  ChatConfig,
  InvitationAcceptanceConfig,
  AgentConfig,
  DeskConfig,
  MessageConfig,
  ServiceLevelDefinition,
  SelfServiceConfig,
  SlowdownMode,
  Device,
} from "./config.ts";
export { DEVICES } from "./config.ts";
export { DEFAULT_DESK_CONFIG, DEFAULT_MESSAGE_CONFIG, DEFAULT_SELF_SERVICE_CONFIG } from "./config.ts";
export { describeServiceLevel } from "./collectResults.ts";
export { ABANDONMENT_REASONS, CHECKOUT_REASONS, type AbandonmentReason, type CheckoutReason } from "./reasons.ts";
export type { ChatQueueResults, IntervalResults, StepResult, StoreResults, ChatOnlyResults, SimulationResults, Ratio, GroupAcceptance, UnwantedDeclines, FreeShippingResults, FrictionResults, GroupFunnel } from "./results.ts";
export { INVITATION_GROUPS, type InvitationGroup } from "./StoreRecorder.ts";
export { splitAddToCart } from "./StoreWorld.ts";
export { groupFunnel } from "./results.ts";
export { profitStatement, type ProfitStatement, type OrderCharges } from "./profitStatement.ts";
export { withinPaddingReach, paddedCartValue } from "./thresholdPadding.ts";
export { simulateStore, type RunOptions } from "./simulateStore.ts";
export { simulateChatOnly } from "./simulateChatOnly.ts";
export type { SessionRecord } from "./StoreWorld.ts";
export { agentsOnline } from "./ChatCenter.ts";
export { extraCosts, shippingCharge, stickerShockHazard } from "./pricing.ts";
export { confusionProbability, drawFormErrors, typingSeconds } from "./friction.ts";
export { simulate } from "./simulate.ts";
export { acceptanceProbability, annoyanceProbability, type InvitationContext } from "./invitationResponse.ts";
