// Every fact the store records, one JSON line each in the event log. The log is the only durable
// state: orders, carts, checkout progress, visit (invitation) state and the funnel export are all
// rebuilt from it, so an event must carry everything needed to replay it. `atMs` is wall-clock
// milliseconds since the epoch.

import type { ChatSource, Device, Signals } from "../../../sim/policy/index.ts";

interface Base {
  atMs: number;
}
interface InSession extends Base {
  sessionId: string;
}

/** One line of an order, priced when the order was placed. */
export interface OrderLine {
  productId: string;
  name: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

/** The store (re)started with this scenario; the export reads the funnel steps from the latest one. */
export interface StoreStartedEvent extends Base {
  type: "storeStarted";
  scenario: string;
  scenarioHash: string;
  policy: string;
  /** "browse", "product", "cart", then the checkout steps. */
  funnelSteps: string[];
  currency: string;
}
export interface SessionStartedEvent extends InSession {
  type: "sessionStarted";
  returningVisitor: boolean;
  /** In the policy's holdout (never offered chat); written only while the policy has a holdout. */
  holdout?: boolean;
  userAgent: string;
}
export interface PageViewEvent extends InSession {
  type: "pageView";
  /** Page or step name as the policy sees it: browse, product, cart, a checkout step, confirmation. */
  step: string;
  path: string;
}
export interface AddToCartEvent extends InSession {
  type: "addToCart";
  productId: string;
  quantity: number;
}
/** A cart line set to a quantity (0 removes it). */
export interface CartUpdatedEvent extends InSession {
  type: "cartUpdated";
  productId: string;
  quantity: number;
}
/** The shopper reached (viewed) a checkout step of checkout `checkoutId`. */
export interface CheckoutStepEvent extends InSession {
  type: "checkoutStep";
  checkoutId: string;
  step: string;
}
/** A step's form passed validation. Card numbers are reduced to their last 4 digits, CVCs dropped. */
export interface StepCompletedEvent extends InSession {
  type: "stepCompleted";
  checkoutId: string;
  step: string;
  values: Record<string, string>;
}
export interface FormErrorEvent extends InSession {
  type: "formError";
  step: string;
  field: string;
  message: string;
}
export interface IdleEvent extends InSession {
  type: "idle";
  step: string;
  idleSeconds: number;
}
export interface ExitIntentEvent extends InSession {
  type: "exitIntent";
  step: string;
  via: "mouse" | "back";
}
export interface ChatOfferedEvent extends InSession {
  type: "chatOffered";
  step: string;
  rule: string;
  priority: number;
  signals: Signals;
}
export interface ChatDeclinedEvent extends InSession {
  type: "chatDeclined";
  step: string;
  rule: string;
}
export interface ChatAcceptedEvent extends InSession {
  type: "chatAccepted";
  step: string;
  rule: string;
  chatId: string;
}
/** The shopper joined the chat queue (accepted invitation or the "Need help?" button). */
export interface ChatRequestedEvent extends InSession {
  type: "chatRequested";
  chatId: string;
  source: ChatSource;
  priority: number;
  step: string;
  cartValue: number;
  device: Device;
  /** The visitor's scenario segment, logged when the desk's reservation names segments (ChatDesk.segmentOf). */
  segment?: string;
}
/** An agent took the chat: it is served. */
export interface ChatStartedEvent extends InSession {
  type: "chatStarted";
  chatId: string;
  agentId: string;
  agentName: string;
  waitSeconds: number;
}
/** Chat text is untrusted: it is stored as written and escaped wherever it is shown. */
export interface ChatMessageEvent extends InSession {
  type: "chatMessage";
  chatId: string;
  from: "shopper" | "agent";
  author: string;
  text: string;
}
export interface ChatEndedEvent extends InSession {
  type: "chatEnded";
  chatId: string;
  endedBy: "agent" | "shopper" | "restart" | "disconnected";
  handleSeconds: number;
}
/** The shopper's post-chat rating (1–5) and optional comment; the comment is untrusted text. */
export interface ChatRatedEvent extends InSession {
  type: "chatRated";
  chatId: string;
  agentId: string;
  rating: number;
  comment: string;
}
/** An agent handed an active chat to another agent; figures count the chat for the last one. */
export interface ChatTransferredEvent extends InSession {
  type: "chatTransferred";
  chatId: string;
  fromAgentId: string;
  toAgentId: string;
  toAgentName: string;
}
/** The shopper gave up waiting in the queue. */
export interface QueueAbandonedEvent extends InSession {
  type: "queueAbandoned";
  chatId: string;
  waitSeconds: number;
}
/** The desk was closed (opening hours): the shopper left a message from the help form instead of chatting. Untrusted text. */
export interface OfflineMessageEvent extends InSession {
  type: "offlineMessage";
  step: string;
  text: string;
}
export interface OrderPlacedEvent extends InSession {
  type: "orderPlaced";
  /** The checkout's id: one order per checkout, so a resubmitted form cannot order twice. */
  orderId: string;
  lines: OrderLine[];
  subtotal: number;
  shipping: number;
  tax: number;
  fees: number;
  total: number;
  currency: string;
  /** The completed steps' values (card number as last 4 digits only). */
  details: Record<string, Record<string, string>>;
  cardLast4: string | null;
}

export type StoreEvent =
  | StoreStartedEvent
  | SessionStartedEvent
  | PageViewEvent
  | AddToCartEvent
  | CartUpdatedEvent
  | CheckoutStepEvent
  | StepCompletedEvent
  | FormErrorEvent
  | IdleEvent
  | ExitIntentEvent
  | ChatOfferedEvent
  | ChatDeclinedEvent
  | ChatAcceptedEvent
  | ChatRequestedEvent
  | ChatStartedEvent
  | ChatMessageEvent
  | ChatEndedEvent
  | QueueAbandonedEvent
  | ChatRatedEvent
  | ChatTransferredEvent
  | OfflineMessageEvent
  | OrderPlacedEvent;

export type StoreEventType = StoreEvent["type"];

/** An event before the log stamps it: every field but `atMs`. */
export type NewStoreEvent = StoreEvent extends infer E ? (E extends StoreEvent ? Omit<E, "atMs"> : never) : never;
