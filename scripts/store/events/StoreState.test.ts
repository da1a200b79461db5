import { describe, expect, it } from "vitest";
import { newVisitState } from "../../../sim/policy/index.ts";
import { StoreState } from "./StoreState.ts";
import type { NewStoreEvent, StoreEvent } from "./storeEvents.ts";

const signals = {
  step: "payment",
  idleSeconds: 30,
  timeOnSiteSeconds: 95,
  pageViews: 4,
  cartValue: 80,
  formErrors: 1,
  confusion: false,
  exitIntent: false,
  returningVisitor: true,
  device: "mobile" as const,
};
let clock = 0;
const replay = (events: NewStoreEvent[]): StoreState => {
  const state = new StoreState();
  for (const event of events) state.apply({ ...event, atMs: clock++ } as StoreEvent);
  return state;
};
const order = (orderId: string): NewStoreEvent => ({
  type: "orderPlaced",
  sessionId: "s",
  orderId,
  lines: [],
  subtotal: 80,
  shipping: 0,
  tax: 0,
  fees: 0,
  total: 80,
  currency: "USD",
  details: {},
  cardLast4: "4242",
});

describe("StoreState", () => {
  it("apply(events) rebuilds the cart and checkout progress; an order empties both", () => {
    const state = replay([
      { type: "sessionStarted", sessionId: "s", returningVisitor: true, userAgent: "" },
      { type: "addToCart", sessionId: "s", productId: "a", quantity: 2 },
      { type: "addToCart", sessionId: "s", productId: "b", quantity: 1 },
      { type: "addToCart", sessionId: "s", productId: "a", quantity: 1 },
      { type: "cartUpdated", sessionId: "s", productId: "b", quantity: 0 },
      { type: "checkoutStep", sessionId: "s", checkoutId: "ORD-1", step: "account" },
      { type: "stepCompleted", sessionId: "s", checkoutId: "ORD-1", step: "account", values: { email: "a@b.co" } },
    ]);
    const session = state.sessions.get("s")!;
    expect([...session.cart]).toEqual([["a", 3]]);
    expect(session.returningVisitor).toBe(true);
    expect(session.checkout?.id).toBe("ORD-1");
    expect([...session.checkout!.completed.keys()]).toEqual(["account"]);
    state.apply({ ...order("ORD-1"), atMs: clock++ } as StoreEvent);
    expect(session.cart.size).toBe(0);
    expect(session.checkout).toBeNull();
  });

  it("apply(orderPlaced twice) keeps one order", () => {
    const state = replay([{ type: "sessionStarted", sessionId: "s", returningVisitor: false, userAgent: "" }, order("ORD-1"), order("ORD-1")]);
    expect(state.orders.size).toBe(1);
    expect(state.sessions.get("s")!.orderIds).toEqual(["ORD-1"]);
  });

  it("apply(chat events) keeps the visit state with the simulator's helpers", () => {
    const state = replay([
      { type: "sessionStarted", sessionId: "s", returningVisitor: false, userAgent: "" },
      { type: "pageView", sessionId: "s", step: "payment", path: "/checkout/payment" },
      { type: "chatOffered", sessionId: "s", step: "payment", rule: "r", priority: 1, signals },
      { type: "chatDeclined", sessionId: "s", step: "payment", rule: "r" },
      { type: "formError", sessionId: "s", step: "payment", field: "cvc", message: "x" },
      { type: "pageView", sessionId: "s", step: "review", path: "/checkout/review" },
    ]);
    const session = state.sessions.get("s")!;
    expect(session.visit).toEqual({ invitationsThisVisit: 1, invitationsThisPage: 0, declined: true, lastInvitationAtSeconds: 95, inChat: false });
    expect([session.pageViews, session.formErrors]).toEqual([2, 1]);
    state.apply({
      type: "chatRequested",
      sessionId: "s",
      chatId: "c",
      source: { kind: "reactive" },
      priority: 1,
      step: "review",
      cartValue: 80,
      device: "mobile",
      atMs: clock++,
    });
    expect(session.visit.inChat).toBe(true);
    expect([...state.openChats]).toEqual([["c", "s"]]);
    state.apply({ type: "queueAbandoned", sessionId: "s", chatId: "c", waitSeconds: 12, atMs: clock++ });
    expect(session.visit.inChat).toBe(false);
    expect(session.openChatId).toBeNull();
    expect(state.openChats.size).toBe(0);
    expect(replay([{ type: "sessionStarted", sessionId: "t", returningVisitor: false, userAgent: "" }]).sessions.get("t")!.visit).toEqual(newVisitState());
  });
});
