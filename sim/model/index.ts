export { agentsOnline } from "./agentsOnline.ts";
export { describeServiceLevel } from "./collectResults.ts";
export type {
  AgentConfig,
  AutoSaveConfig,
  ChannelEscalationConfig,
  ChatConfig,
  ChatOnlyModelConfig,
  ChatSegmentConfig,
  ConfusionConfig,
  DeskConfig,
  Device,
  FieldConfig,
  FrictionConfig,
  FunnelConfig,
  HesitationConfig,
  HorizonConfig,
  InlineHelpConfig,
  InvitationAcceptanceConfig,
  MessageConfig,
  ModelConfig,
  PricingConfig,
  SegmentConfig,
  SelfServiceConfig,
  ServiceLevelDefinition,
  SlowdownMode,
  StepConfig,
  StickerShockConfig,
  StoreModelConfig,
  ThresholdPaddingConfig,
  VideoConfig,
} from "./config.ts";
export {
  DEFAULT_CHANNEL_ESCALATION_CONFIG,
  DEFAULT_DESK_CONFIG,
  DEFAULT_MESSAGE_CONFIG,
  DEFAULT_SELF_SERVICE_CONFIG,
  DEFAULT_VIDEO_SETTINGS,
  DEVICES,
} from "./config.ts";
export { confusionProbability, drawFormErrors, typingSeconds } from "./friction.ts";
export { acceptanceProbability, annoyanceProbability, type InvitationContext } from "./invitationResponse.ts";
export { extraCosts, shippingCharge, stickerShockHazard } from "./pricing.ts";
export { type OrderCharges, type ProfitStatement, profitStatement } from "./profitStatement.ts";
export { ABANDONMENT_REASONS, type AbandonmentReason, CHECKOUT_REASONS, type CheckoutReason } from "./reasons.ts";
export type {
  ChatOnlyResults,
  ChatQueueResults,
  FreeShippingResults,
  FrictionResults,
  GroupAcceptance,
  GroupFunnel,
  IntervalResults,
  Ratio,
  SimulationResults,
  StepResult,
  StoreResults,
  StoreSelfServiceResults,
  UnwantedDeclines,
  VideoIntervalResults,
} from "./results.ts";
export { groupFunnel } from "./results.ts";
export { roundMoney } from "./roundMoney.ts";
export { INVITATION_GROUPS, type InvitationGroup } from "./StoreRecorder.ts";
export type { SessionRecord } from "./StoreWorld.ts";
export { splitAddToCart } from "./StoreWorld.ts";
export { simulate } from "./simulate.ts";
export { simulateChatOnly } from "./simulateChatOnly.ts";
export { type RunOptions, simulateStore } from "./simulateStore.ts";
export { paddedCartValue, withinPaddingReach } from "./thresholdPadding.ts";
