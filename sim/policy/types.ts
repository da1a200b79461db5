// Public types of the trigger-policy module. Everything here is plain data, so a policy and a
// decision can cross a worker boundary or be logged as JSON. Time is in seconds throughout.

/** The kind of device the visit happens on. */
export type Device = "desktop" | "mobile" | "tablet";

/** What a page can observe about the visit right now. */
export interface Signals {
  /** Page or step name: "browse", "product", "cart", or a checkout step such as "account", "shipping", "payment", "review". */
  step: string;
  /** Seconds since the last interaction on this page. */
  idleSeconds: number;
  timeOnSiteSeconds: number;
  /** Page views in this visit, including the current page. */
  pageViews: number;
  /** Cart value in the scenario's currency. */
  cartValue: number;
  /** Form validation errors so far in this visit. */
  formErrors: number;
  /**
   * The shopper has shown confusion in this visit and stays marked for the rest of it. The live
   * widget measures it from input events (see confusionThresholds.ts); the simulator draws it from
   * the form errors a shopper makes.
   */
  confusion: boolean;
  /** The mouse left the window or the shopper navigated back just now. */
  exitIntent: boolean;
  returningVisitor: boolean;
  device: Device;
}

/** Invitation history of one visit. The caller owns it and updates it with the helpers in `visitState.ts`. */
export interface VisitState {
  invitationsThisVisit: number;
  /** Reset on page change by `onPageChange`. */
  invitationsThisPage: number;
  /** The shopper dismissed an invitation. */
  declined: boolean;
  /** `timeOnSiteSeconds` when the last invitation was shown, or null if none was. */
  lastInvitationAtSeconds: number | null;
  /** Already chatting or queued for chat: never invite. */
  inChat: boolean;
}

/** The chat desk as the policy sees it at decision time. */
export interface QueueState {
  freeSlots: number;
  queueLength: number;
  predictedWaitSeconds: number;
  /** The desk is outside its opening hours (see isDeskOpen); missing means open. */
  closed?: boolean;
}

/** How a condition leaf compares a signal with its value. */
export type Comparison = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "notIn";

/** A condition leaf: one signal compared with a value. */
export interface SignalComparison {
  signal: keyof Signals;
  op: Comparison;
  value: number | string | boolean | Array<string | number>;
}

/** Condition AST. `{all: []}` would be true and `{any: []}` false, but validation rejects empty lists. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | SignalComparison;

/** A proactive trigger as a user writes it. */
export interface TriggerRule {
  name: string;
  /** An AST or the compact text form, e.g. `step in [payment, review] and idleSeconds >= 30`. */
  when: Condition | string;
  /** Default 0; higher is served first in the chat queue. */
  priority?: number;
}

/** A trigger policy as a user writes it; everything but `name` is optional. */
export interface PolicyOptions {
  name: string;
  description?: string;
  reactive?: {
    enabled?: boolean;
    /** Steps where the "Need help?" button is shown; default all. */
    steps?: string[];
  };
  /** Proactive triggers; empty means reactive chat only. */
  rules?: TriggerRule[];
  caps?: {
    perPage?: number;
    perVisit?: number;
    /** False means never invite again after a decline. */
    afterDecline?: boolean;
    minGapSeconds?: number;
  };
  gating?: {
    requireFreeSlot?: boolean;
    maxQueueLength?: number;
    maxPredictedWaitSeconds?: number;
  };
  priority?: {
    highValueCartAbove?: number;
    highValueBoost?: number;
    reactiveBoost?: number;
  };
  /**
   * A share of sessions never offered chat (no invitation, no "Need help?" button), for measuring
   * what chat causes: `0.1`, or `{share: 0.1, salt: "2026-q4"}` (a new salt draws a new holdout).
   * Assignment is a hash of the session id (see `inHoldout`), so the simulator and the store agree.
   */
  holdout?: number | { share?: number; salt?: string };
}

/** A trigger rule with its condition parsed; `text` is the condition in compact form, for logs. */
export interface ResolvedTriggerRule {
  readonly name: string;
  readonly when: Condition;
  readonly text: string;
  readonly priority: number;
}

/** A policy with every default filled in and every condition parsed; deeply frozen. */
export interface ResolvedPolicy {
  readonly name: string;
  readonly description: string;
  /** `steps` is null when the button is shown on every step. */
  readonly reactive: { readonly enabled: boolean; readonly steps: readonly string[] | null };
  readonly rules: readonly ResolvedTriggerRule[];
  readonly caps: {
    readonly perPage: number;
    readonly perVisit: number;
    readonly afterDecline: boolean;
    readonly minGapSeconds: number;
  };
  /** Limits are Infinity when not set. */
  readonly gating: {
    readonly requireFreeSlot: boolean;
    readonly maxQueueLength: number;
    readonly maxPredictedWaitSeconds: number;
  };
  readonly priority: {
    readonly highValueCartAbove: number;
    readonly highValueBoost: number;
    readonly reactiveBoost: number;
  };
  /** Share 0: no holdout. */
  readonly holdout: { readonly share: number; readonly salt: string };
}

/** Why a proactive invitation was not shown, in the order they are checked (see `evaluatePolicy`). */
export type BlockReason =
  | "in-chat"
  | "no-rule"
  | "cap-per-page"
  | "cap-per-visit"
  | "declined"
  | "min-gap"
  | "gate-closed"
  | "gate-free-slot"
  | "gate-queue-length"
  | "gate-predicted-wait";

/** The outcome of one proactive check. */
export interface Decision {
  invite: boolean;
  /** The first matching rule, also when the invitation is blocked by caps or gating. */
  rule: string | null;
  /** Chat queue priority the invitation would get; 0 when no rule matched. */
  priority: number;
  blockedBy: BlockReason | null;
}
