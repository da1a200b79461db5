// The store's desk outside its opening hours, over real HTTP: the scenario's desk.openingHours are
// read with the simulator's isDeskOpen on the server's local clock (pinned here through `now`).

import { afterEach, describe, expect, it } from "vitest";
import { readEventLog } from "../events/readEventLog.ts";
import { type StoreHandle, startStore } from "../startStore.ts";
import { TestClient, tempDataDir, testScenario } from "../testing/testStore.ts";
import { Warnings } from "../Warnings.ts";

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
const WEEKDAYS_OPEN = {
  monday: "08:00-20:00",
  tuesday: "08:00-20:00",
  wednesday: "08:00-20:00",
  thursday: "08:00-20:00",
  friday: "08:00-20:00",
  saturday: "closed",
  sunday: "closed",
};
// Local clock times (whatever the machine's time zone): 2026-01-05 was a Monday.
const MONDAY_22_00 = new Date(2026, 0, 5, 22, 0).getTime();
const TUESDAY_09_00 = new Date(2026, 0, 6, 9, 0).getTime();

const open: StoreHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

/** The widget's bootstrap JSON embedded in a store page. */
function bootstrapOf(page: string): { deskOpen: boolean } {
  return JSON.parse(/<script type="application\/json" id="convsim-bootstrap">([^<]*)<\/script>/.exec(page)![1]);
}

describe("store opening hours", () => {
  it("closed: the widget is told to show the message form, gating reports closed, chats are refused and messages kept; open again at 09:00", async () => {
    let clockMs = MONDAY_22_00;
    const store = await startStore({
      port: 0,
      dataDir: tempDataDir(),
      scenario: testScenario({ desk: { openingHours: WEEKDAYS_OPEN } }),
      autoAgents: 1,
      now: () => clockMs,
    });
    open.push(store);
    const shopper = new TestClient(store.url);

    expect(bootstrapOf((await shopper.get("/cart")).text).deskOpen).toBe(false);
    expect((await shopper.get("/api/chat/queue")).json).toMatchObject({ closed: true });
    const refused = await shopper.send("POST", "/api/chat/request", { source: "reactive", signals: SIGNALS });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatch(/^invalid chat request: the desk is closed/);
    expect((await shopper.send("POST", "/api/chat/offline-message", { text: "Do you ship to Norway?" })).status).toBe(201);
    const messages = readEventLog(store.eventLogPath, new Warnings()).events.filter((event) => event.type === "offlineMessage");
    expect(messages).toMatchObject([{ type: "offlineMessage", step: "cart", text: "Do you ship to Norway?" }]);

    clockMs = TUESDAY_09_00;
    expect(bootstrapOf((await shopper.get("/cart")).text).deskOpen).toBe(true);
    expect((await shopper.get("/api/chat/queue")).json.closed).toBeUndefined();
    expect((await shopper.send("POST", "/api/chat/offline-message", { text: "hello" })).status).toBe(409);
    expect((await shopper.send("POST", "/api/chat/request", { source: "reactive", signals: SIGNALS })).status).toBe(201);
  });
});
