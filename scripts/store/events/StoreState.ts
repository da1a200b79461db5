import { newVisitState, onChatEnded, onChatStarted, onDeclined, onInvitationShown, onPageChange, type VisitState } from "../../../sim/policy/index.ts";
import type { OrderPlacedEvent, StoreEvent } from "./storeEvents.ts";

/** One visit: a browser session cookie's worth of shopping. */
export interface Session {
  readonly id: string;
  readonly startedAtMs: number;
  readonly returningVisitor: boolean;
  /** In the policy's holdout: the widget offers no chat and the server accepts none. */
  readonly holdout: boolean;
  /** productId → quantity, in the order lines were first added. */
  readonly cart: Map<string, number>;
  /** The checkout in progress; its id becomes the order id. Null before checkout and after an order. */
  checkout: { readonly id: string; readonly reached: Set<string>; readonly completed: Map<string, Record<string, string>> } | null;
  /** The page the shopper last loaded (its step name), null before the first page view. */
  currentStep: string | null;
  /** Page views so far, including the current one (the policy's pageViews signal). */
  pageViews: number;
  /** Form validation errors so far in the visit (the policy's formErrors signal). */
  formErrors: number;
  /** Invitation history, kept with the same helpers the simulator uses. */
  visit: VisitState;
  /** The chat this visit is queued for or in, if any. */
  openChatId: string | null;
  readonly orderIds: string[];
}

/**
 * Everything the store knows, as a fold over its event log: `apply` every event in log order and
 * the state is the same as before a restart. Nothing here reads a clock or makes an id; the
 * service decides, the event records the decision, and this class only applies it.
 */
export class StoreState {
  readonly sessions = new Map<string, Session>();
  readonly orders = new Map<string, OrderPlacedEvent>();
  /** chatId → sessionId of chats neither ended nor abandoned. */
  readonly openChats = new Map<string, string>();
  /** The latest storeStarted event, if any. */
  lastStart: Extract<StoreEvent, { type: "storeStarted" }> | null = null;
  eventCount = 0;

  apply(event: StoreEvent): void {
    this.eventCount++;
    if (event.type === "storeStarted") {
      this.lastStart = event;
      return;
    }
    const session = this.#session(event.sessionId, event);
    switch (event.type) {
      case "pageView":
        session.pageViews++;
        session.currentStep = event.step;
        session.visit = onPageChange(session.visit);
        break;
      case "addToCart":
        session.cart.set(event.productId, (session.cart.get(event.productId) ?? 0) + event.quantity);
        break;
      case "cartUpdated":
        if (event.quantity > 0) session.cart.set(event.productId, event.quantity);
        else session.cart.delete(event.productId);
        break;
      case "checkoutStep":
        if (session.checkout?.id !== event.checkoutId) session.checkout = { id: event.checkoutId, reached: new Set(), completed: new Map() };
        session.checkout.reached.add(event.step);
        break;
      case "stepCompleted":
        if (session.checkout?.id === event.checkoutId) session.checkout.completed.set(event.step, event.values);
        break;
      case "formError":
        session.formErrors++;
        break;
      case "chatOffered":
        session.visit = onInvitationShown(session.visit, event.signals.timeOnSiteSeconds);
        break;
      case "chatDeclined":
        session.visit = onDeclined(session.visit);
        break;
      case "chatRequested":
        session.visit = onChatStarted(session.visit);
        session.openChatId = event.chatId;
        this.openChats.set(event.chatId, session.id);
        break;
      case "chatEnded":
      case "queueAbandoned":
        if (session.openChatId === event.chatId) {
          session.openChatId = null;
          session.visit = onChatEnded(session.visit);
        }
        this.openChats.delete(event.chatId);
        break;
      case "orderPlaced":
        if (this.orders.has(event.orderId)) break;
        this.orders.set(event.orderId, event);
        session.orderIds.push(event.orderId);
        session.cart.clear();
        session.checkout = null;
        break;
      default:
        // sessionStarted creates the session (above); idle, exitIntent and the remaining chat
        // events are analytics only.
        break;
    }
  }

  #session(id: string, event: StoreEvent): Session {
    let session = this.sessions.get(id);
    if (!session) {
      session = {
        id,
        startedAtMs: event.atMs,
        returningVisitor: event.type === "sessionStarted" ? event.returningVisitor : false,
        holdout: event.type === "sessionStarted" && event.holdout === true,
        cart: new Map(),
        checkout: null,
        currentStep: null,
        pageViews: 0,
        formErrors: 0,
        visit: newVisitState(),
        openChatId: null,
        orderIds: [],
      };
      this.sessions.set(id, session);
    }
    return session;
  }
}
