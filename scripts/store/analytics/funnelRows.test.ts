import { describe, expect, it } from "vitest";
import { formatFunnelCsv, parseFunnelCsv } from "../../../experiments/index.ts";
import type { NewStoreEvent, StoreEvent } from "../events/storeEvents.ts";
import { funnelRows } from "./funnelRows.ts";

const steps = ["account", "shipping", "payment", "review"];
let clock = 0;
const at = (event: NewStoreEvent): StoreEvent => ({ ...event, atMs: clock++ }) as StoreEvent;

function visit(id: string, path: ("product" | "cart" | string)[], ordered = false): StoreEvent[] {
  const events: StoreEvent[] = [
    at({ type: "sessionStarted", sessionId: id, returningVisitor: false, userAgent: "" }),
    at({ type: "pageView", sessionId: id, step: "browse", path: "/" }),
  ];
  for (const step of path) {
    if (step === "product") events.push(at({ type: "pageView", sessionId: id, step: "product", path: "/products/x" }));
    else if (step === "cart") events.push(at({ type: "addToCart", sessionId: id, productId: "x", quantity: 1 }));
    else events.push(at({ type: "checkoutStep", sessionId: id, checkoutId: `ORD-${id}`, step }));
  }
  if (ordered) {
    const order = at({
      type: "orderPlaced",
      sessionId: id,
      orderId: `ORD-${id}`,
      lines: [],
      subtotal: 1,
      shipping: 0,
      tax: 0,
      fees: 0,
      total: 1,
      currency: "USD",
      details: {},
      cardLast4: null,
    });
    events.push(order, order);
  }
  return events;
}

describe("funnelRows", () => {
  it("funnelRows(events, steps) counts reached at each step and abandonment at the furthest step", () => {
    const events = [
      ...visit("bounce", []),
      ...visit("looker", ["product"]),
      ...visit("cartLeaver", ["product", "cart"]),
      ...visit("payLeaver", ["product", "cart", "account", "shipping", "payment"]),
      // Went back from payment to shipping and left there: still abandoned at payment (furthest).
      ...visit("backtracker", ["cart", "account", "shipping", "payment", "shipping"]),
      ...visit("buyer", ["product", "cart", "account", "shipping", "payment", "review"], true),
      at({
        type: "chatOffered",
        sessionId: "payLeaver",
        step: "payment",
        rule: "r",
        priority: 1,
        signals: {
          step: "payment",
          idleSeconds: 30,
          timeOnSiteSeconds: 100,
          pageViews: 5,
          cartValue: 50,
          formErrors: 0,
          confusion: false,
          exitIntent: false,
          returningVisitor: false,
          device: "desktop",
        },
      }),
      at({
        type: "chatRequested",
        sessionId: "payLeaver",
        chatId: "c1",
        source: { kind: "proactive", rule: "r" },
        priority: 1,
        step: "payment",
        cartValue: 50,
        device: "desktop",
      }),
      at({ type: "chatStarted", sessionId: "payLeaver", chatId: "c1", agentId: "a", agentName: "A", waitSeconds: 3 }),
      at({
        type: "chatRequested",
        sessionId: "buyer",
        chatId: "c2",
        source: { kind: "reactive" },
        priority: 1,
        step: "review",
        cartValue: 50,
        device: "desktop",
      }),
    ];
    const counts = Object.fromEntries(funnelRows(events, steps).map((row) => [`${row.kind}:${row.step ?? ""}`, row.count]));
    expect(counts).toEqual({
      "sessions:": 6,
      "reached:browse": 6,
      "reached:product": 4,
      "reached:cart": 4,
      "reached:account": 3,
      "reached:shipping": 3,
      "reached:payment": 3,
      "reached:review": 1,
      "abandoned:cart": 1,
      "abandoned:account": 0,
      "abandoned:shipping": 0,
      "abandoned:payment": 2,
      "abandoned:review": 0,
      "orders:": 1,
      "chatRequests:": 2,
      "chatsServed:": 1,
      "chatsAbandoned:": 0,
      "invitations:": 1,
      "invitationsAccepted:": 0,
      "sessionsWithChat:": 1,
      "ordersWithChat:": 0,
    });
  });

  it("funnelRows(events with a holdout and chats) counts accepted invitations, abandoned chats, orders after a chat and the holdout's sessions and orders", () => {
    const held = (events: StoreEvent[]) =>
      events.map((event) => (event.type === "sessionStarted" ? { ...event, holdout: event.sessionId.startsWith("held") } : event));
    const events = [
      ...held(visit("heldBuyer", ["cart", "account", "shipping", "payment", "review"], true)),
      ...held(visit("heldLeaver", ["cart"])),
      ...held(visit("chatter", ["cart", "account"])),
      at({ type: "chatAccepted", sessionId: "chatter", step: "account", rule: "r", chatId: "c1" }),
      at({
        type: "chatRequested",
        sessionId: "chatter",
        chatId: "c1",
        source: { kind: "proactive", rule: "r" },
        priority: 1,
        step: "account",
        cartValue: 50,
        device: "desktop",
      }),
      at({ type: "chatStarted", sessionId: "chatter", chatId: "c1", agentId: "a", agentName: "A", waitSeconds: 3 }),
      ...held(visit("chatter", ["shipping", "payment", "review"], true)).filter((event) => event.type !== "sessionStarted"),
      ...held(visit("gaveUp", ["cart"])),
      at({
        type: "chatRequested",
        sessionId: "gaveUp",
        chatId: "c2",
        source: { kind: "reactive" },
        priority: 1,
        step: "cart",
        cartValue: 50,
        device: "desktop",
      }),
      at({ type: "queueAbandoned", sessionId: "gaveUp", chatId: "c2", waitSeconds: 90 }),
    ];
    const counts = Object.fromEntries(funnelRows(events, steps).map((row) => [row.kind, row.count]));
    expect(counts).toMatchObject({
      sessions: 4,
      orders: 2,
      chatRequests: 2,
      chatsServed: 1,
      chatsAbandoned: 1,
      invitationsAccepted: 1,
      sessionsWithChat: 1,
      ordersWithChat: 1,
      holdoutSessions: 2,
      holdoutOrders: 1,
    });
  });

  it("funnelRows(events without holdout assignments) writes no holdout rows", () => {
    expect(funnelRows(visit("a", ["cart"]), steps).some((row) => row.kind.startsWith("holdout"))).toBe(false);
  });

  it("funnelRows(...) formats as CSV that parseFunnelCsv reads back unchanged", () => {
    const rows = funnelRows(visit("a", ["cart", "account"]), steps);
    const csv = formatFunnelCsv(rows);
    expect(csv.split("\n")[0]).toBe("kind,step,reason,interval,count");
    expect(parseFunnelCsv(csv)).toEqual(rows);
  });
});
