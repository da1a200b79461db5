import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUserToFile } from "../auth/UserDirectory.ts";
import { readEventLog } from "../events/readEventLog.ts";
import { freePort, type StoreProcess, startStoreProcess } from "../storeProcess.ts";
import { firstStreamData, TestClient, tempDataDir } from "../testing/testStore.ts";
import { Warnings } from "../Warnings.ts";

// The real store process, killed with SIGKILL and started again on the same data: the open chats
// come back, and the agent and the shoppers carry on in them with the cookies they had.

const SIGNALS = {
  step: "cart",
  idleSeconds: 0,
  timeOnSiteSeconds: 30,
  pageViews: 2,
  cartValue: 0,
  formErrors: 0,
  exitIntent: false,
  returningVisitor: false,
  device: "desktop",
};
const PASSWORD = "correct horse battery";

let dataDir: string;
let port: number;
let store: StoreProcess | undefined;
beforeAll(async () => {
  dataDir = tempDataDir();
  port = await freePort();
  await addUserToFile(join(dataDir, "users.json"), { username: "ann", displayName: "Ann", role: "agent", password: PASSWORD });
}, 60_000);
afterAll(async () => store?.stop());

async function shopperInChat(url: string, text: string): Promise<TestClient> {
  const shopper = new TestClient(url);
  await shopper.get("/");
  expect((await shopper.send("POST", "/api/chat/request", { source: "reactive", signals: SIGNALS })).status).toBe(201);
  expect((await shopper.send("POST", "/api/chat/messages", { text })).status).toBe(201);
  return shopper;
}

describe("restoreOpenChats after SIGKILL + restart (real store process)", () => {
  it("the active chat is back with its agent (transcript whole), the queued ones in their order; agent and shopper go on writing in them", async () => {
    store = await startStoreProcess(port, dataDir, [], "ignore");
    const url = `http://127.0.0.1:${port}`;
    const served = await shopperInChat(url, "is the linen shirt <b>lined</b>?");
    const first = await shopperInChat(url, "first in the queue");
    const second = await shopperInChat(url, "second in the queue");
    const agent = new TestClient(url);
    await agent.signIn("ann", PASSWORD);
    const servedChatId = (await served.get("/api/session")).json.chat.id;
    expect((await agent.send("POST", "/api/agent/take", { chatId: servedChatId })).status).toBe(200);
    expect((await agent.send("POST", `/api/agent/chats/${servedChatId}/messages`, { text: "It is unlined." })).status).toBe(201);
    const before = await firstStreamData(agent, "/api/agent/stream");

    await store.kill();
    store = await startStoreProcess(port, dataDir, [], "ignore");
    expect(store.stdout()).toContain("open chats 2 back in the queue, 1 back with their agent, 0 closed");

    // The agent's console (same session cookie) shows the same chat, transcript and queue.
    const after = await firstStreamData(agent, "/api/agent/stream");
    expect(after.agent).toMatchObject({ id: "ann", online: true, load: 1 });
    expect(after.chats.map((chat: any) => chat.id)).toEqual([servedChatId]);
    expect(after.chats[0].messages).toEqual(before.chats[0].messages);
    expect(after.chats[0].messages.map((message: any) => [message.from, message.text])).toEqual([
      ["shopper", "is the linen shirt <b>lined</b>?"],
      ["system", "Ann joined the chat"],
      ["agent", "It is unlined."],
    ]);
    expect(after.queue.map((item: any) => item.preview)).toEqual(["first in the queue", "second in the queue"]);
    // Waits count from the first request, not from the restart.
    expect(after.queue[0].waitingSeconds).toBeGreaterThanOrEqual(before.queue[0].waitingSeconds);

    // The shoppers' widgets reconnect with their visit cookies and find their chats.
    const servedView = await firstStreamData(served, "/api/chat/stream");
    expect(servedView.chat).toMatchObject({ id: servedChatId, status: "active", agentName: "Ann" });
    expect((await first.get("/api/session")).json.chat).toMatchObject({ status: "queued", position: 1 });
    expect((await second.get("/api/session")).json.chat).toMatchObject({ status: "queued", position: 2 });

    // Both sides go on in the restored chat; the agent can take the next queued one.
    expect((await served.send("POST", "/api/chat/messages", { text: "thanks, ordering now" })).status).toBe(201);
    expect((await agent.send("POST", `/api/agent/chats/${servedChatId}/messages`, { text: "Great!" })).status).toBe(201);
    expect((await agent.send("POST", "/api/agent/take", {})).status).toBe(200);
    expect((await first.get("/api/session")).json.chat).toMatchObject({ status: "active", agentName: "Ann" });

    // The log: no chatEnded for the restored chats, and the chat's messages are all there once.
    await store.stop();
    store = undefined;
    const events = readEventLog(join(dataDir, "events.jsonl"), new Warnings()).events;
    expect(events.filter((event) => event.type === "chatEnded")).toEqual([]);
    const texts = events.flatMap((event) => (event.type === "chatMessage" && event.chatId === servedChatId ? [event.text] : []));
    expect(texts).toEqual(["is the linen shirt <b>lined</b>?", "It is unlined.", "thanks, ordering now", "Great!"]);
  }, 240_000);

  it("a chat held by a bot is closed on restart (bots are made afresh), its shopper free to ask again", async () => {
    const botDir = tempDataDir();
    const botPort = await freePort();
    let bots = await startStoreProcess(botPort, botDir, ["--auto-agents", "1", "--bot-delay-seconds", "0.1"], "ignore");
    try {
      const url = `http://127.0.0.1:${botPort}`;
      const shopper = await shopperInChat(url, "hello bot");
      for (const started = performance.now(); (await shopper.get("/api/session")).json.chat?.status !== "active"; ) {
        if (performance.now() - started > 60_000) throw new Error("the bot never took the chat");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await bots.kill();
      bots = await startStoreProcess(botPort, botDir, ["--auto-agents", "1"], "ignore");
      expect(bots.stdout()).toContain("open chats 0 back in the queue, 0 back with their agent, 1 closed");
      expect((await shopper.get("/api/session")).json.chat).toBeNull();
      expect((await shopper.send("POST", "/api/chat/request", { source: "reactive", signals: SIGNALS })).status).toBe(201);
    } finally {
      await bots.stop();
    }
  }, 240_000);
});
