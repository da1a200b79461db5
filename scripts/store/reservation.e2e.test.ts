// The store's desk under desk.reservation, over real HTTP: the simulator's mayTakeSlot (sim/policy)
// decides which queued chat an agent may take, with the server's own cart value of each shopper.

import { afterEach, describe, expect, it } from "vitest";
import { type StoreHandle, startStore } from "./startStore.ts";
import { demoClient, TestClient, tempDataDir, testScenario } from "./testing/testStore.ts";

const SIGNALS = {
  step: "cart",
  idleSeconds: 0,
  timeOnSiteSeconds: 10,
  pageViews: 2,
  cartValue: 0,
  formErrors: 0,
  exitIntent: false,
  returningVisitor: false,
  device: "desktop",
};

const open: StoreHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

/** A shopper with `shirts` linen shirts (59 each) in the cart who asks for help on `device`; returns the chat id. */
async function shopperAsking(store: StoreHandle, shirts: number, device = "desktop"): Promise<string> {
  const shopper = new TestClient(store.url);
  expect((await shopper.send("POST", "/api/cart", { productId: "linen-shirt", quantity: shirts })).status).toBe(200);
  const requested = await shopper.send("POST", "/api/chat/request", { source: "reactive", signals: { ...SIGNALS, device } });
  expect(requested.status).toBe(201);
  return requested.json.chat.id;
}

describe("store desk reservation", () => {
  it("one agent × 3 slots, 2 reserved for carts ≥ 100: a 59 cart gets the first slot but not a reserved one; a 177 cart takes the last reserved slot", async () => {
    const store = await startStore({
      port: 0,
      dataDir: tempDataDir(),
      demo: true,
      autoAgents: 0,
      scenario: testScenario({ desk: { reservation: { slots: 2, minCartValue: 100 } } }),
    });
    open.push(store);
    const agent = await demoClient(store, "demo-agent-1");
    const firstLow = await shopperAsking(store, 1);
    const secondLow = await shopperAsking(store, 1);
    const high = await shopperAsking(store, 3);

    // Three free slots, more than the two reserved: the head of the queue (a 59 cart) is taken.
    const first = await agent.send("POST", "/api/agent/take", {});
    expect([first.status, first.json.chatId]).toEqual([200, firstLow]);
    // Two free, both reserved: the second 59 cart may not take one, by name or as the head.
    const refused = await agent.send("POST", "/api/agent/take", { chatId: secondLow });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toBe(`invalid take: chat ${secondLow} has a cart of 59 (the last 2 free slots are kept for carts of at least 100; 2 free)`);
    const next = await agent.send("POST", "/api/agent/take", {});
    expect([next.status, next.json.chatId]).toEqual([200, high]);
    // Ending the high-value chat frees a slot, still reserved (2 free); ending the first frees a third.
    expect((await agent.send("POST", `/api/agent/chats/${high}/close`, {})).status).toBe(200);
    expect((await agent.send("POST", "/api/agent/take", { chatId: secondLow })).status).toBe(409);
    expect((await agent.send("POST", `/api/agent/chats/${firstLow}/close`, {})).status).toBe(200);
    const last = await agent.send("POST", "/api/agent/take", {});
    expect([last.status, last.json.chatId]).toEqual([200, secondLow]);
  });

  it("bots leave a standard chat queued while only reserved slots are free and take a high-value one", async () => {
    const store = await startStore({
      port: 0,
      dataDir: tempDataDir(),
      autoAgents: 1,
      botHandleSeconds: 3600,
      scenario: testScenario({ desk: { reservation: { slots: 2, minCartValue: 100 } } }),
    });
    open.push(store);
    const shopper = new TestClient(store.url);
    await shopperAsking(store, 1);
    expect((await shopper.get("/api/chat/queue")).json).toMatchObject({ freeSlots: 2, queueLength: 0 });
    await shopperAsking(store, 1);
    expect((await shopper.get("/api/chat/queue")).json).toMatchObject({ freeSlots: 2, queueLength: 1 });
    await shopperAsking(store, 2);
    expect((await shopper.get("/api/chat/queue")).json).toMatchObject({ freeSlots: 1, queueLength: 1 });
  });

  it("2 slots reserved for segment desktop: a mobile visitor may not take a reserved slot (409), a desktop visitor takes it (the baseline's segments, read through sim/policy liveSegment)", async () => {
    const store = await startStore({
      port: 0,
      dataDir: tempDataDir(),
      demo: true,
      autoAgents: 0,
      scenario: testScenario({ desk: { reservation: { slots: 2, segments: ["desktop"] } } }),
    });
    open.push(store);
    const agent = await demoClient(store, "demo-agent-1");
    // The same cart (one 59 shirt) for everyone: only the segment tells the visitors apart.
    const firstMobile = await shopperAsking(store, 1, "mobile");
    const secondMobile = await shopperAsking(store, 1, "mobile");
    const desktop = await shopperAsking(store, 1, "desktop");

    // Three free slots, more than the two reserved: the head of the queue (mobile) is taken.
    const first = await agent.send("POST", "/api/agent/take", {});
    expect([first.status, first.json.chatId]).toEqual([200, firstMobile]);
    // Two free, both reserved for desktop visitors: the second mobile visitor gets 409.
    const refused = await agent.send("POST", "/api/agent/take", { chatId: secondMobile });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toBe(
      `invalid take: chat ${secondMobile} has a cart of 59 and segment mobile (the last 2 free slots are kept for segments desktop; 2 free)`,
    );
    // The desktop visitor, behind it in the queue, takes a reserved slot (by name and as the takeable head).
    const next = await agent.send("POST", "/api/agent/take", {});
    expect([next.status, next.json.chatId]).toEqual([200, desktop]);
  });
});
