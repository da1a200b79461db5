// The policy's holdout in the live store, over real HTTP: sessions are assigned by the simulator's
// own definition (sim/policy inHoldout on the session id), the assignment is in the event log, a
// held-out session can neither ask for chat nor be invited, and the export counts the holdout.
import { afterEach, describe, expect, it } from "vitest";
import { inHoldout, resolvePolicy } from "../../../sim/policy/index.ts";
import { funnelRows } from "../analytics/funnelRows.ts";
import { readEventLog } from "../events/readEventLog.ts";
import { type StoreHandle, startStore } from "../startStore.ts";
import { scenarioWithPolicy, TestClient, tempDataDir } from "../testing/testStore.ts";
import { Warnings } from "../Warnings.ts";

const POLICY = { name: "invite idle with holdout", rules: [{ name: "idle", when: "idleSeconds >= 10" }], holdout: 0.5 };
const SIGNALS = {
  step: "browse",
  idleSeconds: 12,
  timeOnSiteSeconds: 30,
  pageViews: 1,
  cartValue: 0,
  formErrors: 0,
  exitIntent: false,
  returningVisitor: false,
  device: "desktop",
};
const SHOPPERS = 16;

const open: StoreHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

describe("store with a policy holdout", () => {
  it("assigns sessions by inHoldout(policy, session id), refuses held-out chat requests and invitations (409) and exports the holdout's sessions", async () => {
    const store = await startStore({ port: 0, dataDir: tempDataDir(), scenario: scenarioWithPolicy(POLICY) });
    open.push(store);
    const shoppers = Array.from({ length: SHOPPERS }, () => new TestClient(store.url));
    for (const shopper of shoppers) expect((await shopper.get("/")).status).toBe(200);
    const started = readEventLog(store.eventLogPath, new Warnings()).events.filter((event) => event.type === "sessionStarted");
    expect(started).toHaveLength(SHOPPERS);
    const policy = resolvePolicy(POLICY);
    for (const event of started) expect(event.holdout, event.sessionId).toBe(inHoldout(policy, event.sessionId));

    const held = started.filter((event) => event.holdout).length;
    // Each shopper's answer tells whether its session is held out; 16 sessions at 0.5 hold out none with probability 2^-16.
    let refused = 0;
    for (const shopper of shoppers) {
      const request = await shopper.send("POST", "/api/chat/request", { source: "reactive", signals: SIGNALS });
      if (request.status === 409) {
        refused++;
        expect(request.json.error ?? request.text).toMatch(/holdout/);
        const offered = await shopper.send("POST", "/api/events", { type: "chatOffered", rule: "idle", priority: 0, signals: SIGNALS });
        expect(offered.status).toBe(409);
      } else expect(request.status).toBe(201);
    }
    expect(refused).toBe(held);
    const events = readEventLog(store.eventLogPath, new Warnings()).events;
    const rows = funnelRows(events, ["account", "shipping", "payment", "review"]);
    expect(rows.find((row) => row.kind === "holdoutSessions")!.count).toBe(held);
    expect(events.filter((event) => event.type === "chatRequested").length).toBe(SHOPPERS - held);
  });
});
