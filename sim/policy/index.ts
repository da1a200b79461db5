// Trigger policies: one definition, evaluated by the simulator and by the live chat widget.
// Pure TypeScript with no imports from outside this folder, no clock and no randomness, so it
// bundles for the browser as-is. Time is in seconds.

export { ConditionParseError } from "./ConditionParseError.ts";
export { type ConfusionMemory, ConfusionMeter, newConfusionMemory } from "./ConfusionMeter.ts";
export { calendarDateOf, calendarDayNumber, localCalendarDate, weekdayOfDayNumber } from "./calendarDate.ts";
export { type ChatSource, chatPriority } from "./chatPriority.ts";
export { CONFUSION_CAUSES, CONFUSION_THRESHOLDS, type ConfusionCause } from "./confusionThresholds.ts";
export {
  DEFAULT_CAP_PER_PAGE,
  DEFAULT_CAP_PER_VISIT,
  DEFAULT_HIGH_VALUE_BOOST,
  DEFAULT_HIGH_VALUE_CART_ABOVE,
  DEFAULT_HOLDOUT_SALT,
  DEFAULT_HOLDOUT_SHARE,
  DEFAULT_INVITE_AFTER_DECLINE,
  DEFAULT_MAX_PREDICTED_WAIT_SECONDS,
  DEFAULT_MAX_QUEUE_LENGTH,
  DEFAULT_MIN_GAP_SECONDS,
  DEFAULT_REACTIVE_BOOST,
  DEFAULT_REACTIVE_ENABLED,
  DEFAULT_REQUIRE_FREE_SLOT,
  DEFAULT_RULE_PRIORITY,
  GATE_RECHECK_SECONDS,
} from "./defaults.ts";
export { type DeskReservation, holdsReservation, mayTakeSlot, type ReservationCustomer, reservationProblem } from "./deskReservation.ts";
export { evaluateCondition } from "./evaluateCondition.ts";
export { evaluatePolicy } from "./evaluatePolicy.ts";
export { EXAMPLE_POLICIES } from "./examples.ts";
export { formatCondition } from "./formatCondition.ts";
export { holdoutHash, inHoldout } from "./inHoldout.ts";
export { liveSegment, type SegmentProfile, type VisitorTraits } from "./liveSegment.ts";
export { advanceIdleSignals, nextFireDelaySeconds, STRICT_THRESHOLD_EPSILON_SECONDS } from "./nextFireDelaySeconds.ts";
export {
  type DeskClock,
  isDeskOpen,
  type OpeningException,
  type OpeningHours,
  type OpenRange,
  openRangesOn,
  openSeconds,
  parseOpeningHours,
  simulationClock,
  WEEKDAYS,
  type Weekday,
  type WrittenOpeningException,
  type WrittenOpeningHours,
  wallClock,
} from "./openingHours.ts";
export { PolicyError } from "./PolicyError.ts";
export { parseCondition } from "./parseCondition.ts";
export { reactiveAvailable } from "./reactiveAvailable.ts";
export { resolvePolicy } from "./resolvePolicy.ts";
export { COMPARISONS, DEVICES, SIGNAL_KINDS, SIGNAL_NAMES, type SignalKind } from "./signalKinds.ts";
export { evaluateExitIntent, TriggerTimer } from "./TriggerTimer.ts";
export type {
  BlockReason,
  Comparison,
  Condition,
  Decision,
  Device,
  PolicyOptions,
  QueueState,
  ResolvedPolicy,
  ResolvedTriggerRule,
  SignalComparison,
  Signals,
  TriggerRule,
  VisitState,
} from "./types.ts";
export { usesSignal } from "./usesSignal.ts";
export { validateCondition } from "./validateCondition.ts";
export { validatePolicy } from "./validatePolicy.ts";
export { newVisitState, onChatEnded, onChatStarted, onDeclined, onInvitationShown, onPageChange } from "./visitState.ts";
