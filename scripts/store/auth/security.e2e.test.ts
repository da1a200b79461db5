// The store's access rules, tried as an attacker would, against the real server: every endpoint
// with no session, a shopper's, the agent holding the chat, another agent's and an admin's (a
// table-driven matrix, printed as it ran); CSRF, Host and Origin refusals; session fixation; the
// sign-in rate limit. The browser half (XSS payloads in every field) is in security.browser.e2e.test.ts.

import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from "../routes/agentRoutes.ts";
import { type StoreHandle, startStore } from "../startStore.ts";
import { apiCheckout, demoClient, TestClient, type TestRequestOptions, tempDataDir } from "../testing/testStore.ts";

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
type Identity = "none" | "shopper" | "otherShopper" | "holder" | "otherAgent" | "admin";
const IDENTITIES: Identity[] = ["none", "shopper", "otherShopper", "holder", "otherAgent", "admin"];

let store: StoreHandle;
const clients = {} as Record<Identity, TestClient>;
let chatId = "";
let orderId = "";

beforeAll(async () => {
  store = await startStore({ port: 0, dataDir: tempDataDir(), demo: true, autoAgents: 0 });
  // "none" is a fresh cookie-less client for every request.
  clients.none = new TestClient(store.url);
  clients.shopper = new TestClient(store.url);
  clients.otherShopper = new TestClient(store.url);
  [clients.holder, clients.otherAgent, clients.admin] = await Promise.all([
    demoClient(store, "demo-agent-1"),
    demoClient(store, "demo-agent-2"),
    demoClient(store, "demo-admin"),
  ]);
  await clients.otherShopper.get("/");
  orderId = await apiCheckout(clients.shopper);
  const requested = await clients.shopper.send("POST", "/api/chat/request", { source: "reactive", signals: SIGNALS });
  chatId = requested.json.chat.id;
  await clients.shopper.send("POST", "/api/chat/messages", { text: "my card is 4242 4242 4242 4242" });
  await clients.holder.send("POST", "/api/agent/take", { chatId });
});
afterAll(async () => {
  await store?.close();
});

/** Status of a request; event streams are cut once their headers arrive. */
async function statusOf(client: TestClient, method: string, path: string, body?: unknown, options: TestRequestOptions = {}): Promise<number> {
  if (path.endsWith("/stream")) {
    const abort = new AbortController();
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
    const response = await fetch(store.url + path, { headers: cookie === "" ? {} : { cookie }, signal: abort.signal });
    abort.abort();
    return response.status;
  }
  if (method === "GET") return (await client.get(path, options)).status;
  return (await client.send(method as "POST", path, body ?? {}, options)).status;
}

/** Status of a GET with a given Host header (fetch does not let a caller set Host; node:http does). */
function statusWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${store.url}${path}`, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end();
  });
}

interface Row {
  method: "GET" | "POST" | "PUT";
  path: () => string;
  body?: () => unknown;
  expected: Record<Identity, number>;
}
const ADMIN_ONLY = { none: 401, shopper: 401, otherShopper: 401, holder: 403, otherAgent: 403, admin: 200 };
const ANY_AGENT = { none: 401, shopper: 401, otherShopper: 401, holder: 200, otherAgent: 200, admin: 200 };
// Shopper endpoints: a caller without a visit gets a new one (200, their own empty view), never someone else's.
const OWN_VISIT = { none: 200, shopper: 200, otherShopper: 200, holder: 200, otherAgent: 200, admin: 200 };
// The shopper stream row runs first: later rows give the agents' clients visits of their own.
const ROWS: Row[] = [
  { method: "GET", path: () => "/api/chat/stream", expected: { none: 401, shopper: 200, otherShopper: 200, holder: 401, otherAgent: 401, admin: 401 } },
  { method: "GET", path: () => "/api/admin/state", expected: ADMIN_ONLY },
  { method: "POST", path: () => "/api/admin/bots", body: () => ({ online: 0 }), expected: ADMIN_ONLY },
  { method: "POST", path: () => "/api/admin/agents/demo-agent-2", body: () => ({ online: true }), expected: { ...ADMIN_ONLY } },
  { method: "GET", path: () => "/api/admin/team?format=csv", expected: ADMIN_ONLY },
  { method: "GET", path: () => "/api/admin/transcripts?q=card", expected: ADMIN_ONLY },
  { method: "GET", path: () => "/team", expected: { none: 303, shopper: 303, otherShopper: 303, holder: 403, otherAgent: 403, admin: 200 } },
  { method: "GET", path: () => "/api/agent/stream", expected: ANY_AGENT },
  { method: "POST", path: () => "/api/agent/status", body: () => ({ online: true }), expected: ANY_AGENT },
  // Taking a chat another agent holds is refused as a conflict, whoever asks.
  {
    method: "POST",
    path: () => "/api/agent/take",
    body: () => ({ chatId }),
    expected: { none: 401, shopper: 401, otherShopper: 401, holder: 409, otherAgent: 409, admin: 409 },
  },
  // Writing into a chat needs being its shopper: everyone else has no open chat.
  {
    method: "POST",
    path: () => "/api/chat/messages",
    body: () => ({ text: "hi" }),
    expected: { none: 409, shopper: 201, otherShopper: 409, holder: 409, otherAgent: 409, admin: 409 },
  },
  {
    method: "POST",
    path: () => `/api/agent/chats/${chatId}/messages`,
    body: () => ({ text: "hello" }),
    expected: { none: 401, shopper: 401, otherShopper: 401, holder: 201, otherAgent: 403, admin: 403 },
  },
  // The closed desk's help form: this store has no opening hours, so it is open and everyone is sent to a chat.
  {
    method: "POST",
    path: () => "/api/chat/offline-message",
    body: () => ({ text: "call me back" }),
    expected: { none: 409, shopper: 409, otherShopper: 409, holder: 409, otherAgent: 409, admin: 409 },
  },
  {
    method: "POST",
    path: () => "/api/chat/typing",
    body: () => ({ typing: true }),
    expected: { none: 409, shopper: 200, otherShopper: 409, holder: 409, otherAgent: 409, admin: 409 },
  },
  {
    method: "POST",
    path: () => `/api/agent/chats/${chatId}/typing`,
    body: () => ({ typing: true }),
    expected: { none: 401, shopper: 401, otherShopper: 401, holder: 200, otherAgent: 403, admin: 403 },
  },
  // Transfer: only the holder may hand the chat on (to itself: 409, a conflict, after the 403s of everyone else).
  {
    method: "POST",
    path: () => `/api/agent/chats/${chatId}/transfer`,
    body: () => ({ to: "demo-agent-1" }),
    expected: { none: 401, shopper: 401, otherShopper: 401, holder: 409, otherAgent: 403, admin: 403 },
  },
  { method: "PUT", path: () => "/api/admin/canned-replies", body: () => ({ replies: ["Hello, how can I help?"] }), expected: ADMIN_ONLY },
  {
    method: "POST",
    path: () => `/api/agent/chats/${chatId}/close`,
    expected: { none: 401, shopper: 401, otherShopper: 401, holder: 200, otherAgent: 403, admin: 403 },
  },
  { method: "GET", path: () => "/api/session", expected: OWN_VISIT },
  { method: "GET", path: () => `/api/orders/${orderId}`, expected: { none: 404, shopper: 200, otherShopper: 404, holder: 404, otherAgent: 404, admin: 404 } },
  { method: "GET", path: () => `/orders/${orderId}`, expected: { none: 404, shopper: 200, otherShopper: 404, holder: 404, otherAgent: 404, admin: 404 } },
  { method: "POST", path: () => "/api/cart", body: () => ({ productId: "linen-shirt" }), expected: OWN_VISIT },
  { method: "GET", path: () => "/agent", expected: OWN_VISIT },
];

describe("what each party can read", () => {
  it("what one party sees holds nothing of another's: a shopper's session has only their own chat, an agent's console only the chats it holds", async () => {
    expect((await clients.otherShopper.get("/api/session")).json.chat).toBeNull();
    const view = await clients.shopper.get("/api/session");
    expect(view.json.chat.id).toBe(chatId);
    expect(JSON.stringify((await clients.none.get("/api/session")).json)).not.toContain("4242 4242");
    const otherConsole = (await clients.otherAgent.send("POST", "/api/agent/status", { online: true })).json;
    expect(otherConsole.chats).toEqual([]);
    expect(JSON.stringify(otherConsole)).not.toContain("4242 4242");
    const holderConsole = (await clients.holder.send("POST", "/api/agent/status", { online: true })).json;
    expect(holderConsole.chats.map((chat: { id: string }) => chat.id)).toEqual([chatId]);
  });
});

describe("access matrix: endpoint × identity", () => {
  const table: string[] = [];
  afterAll(() => {
    console.log(`endpoint | ${IDENTITIES.join(" | ")}\n${table.join("\n")}`);
  });

  // Rows run in order; the holder's close runs last among the chat rows so the chat is held until then.
  for (const row of ROWS) {
    it(`${row.method} ${row.path.toString().replace(/^\(\) => /, "")}: ${IDENTITIES.map((identity) => `${identity} ${row.expected[identity]}`).join(", ")}`, async () => {
      const order = [...IDENTITIES].sort((a, b) => Number(a === "holder") - Number(b === "holder"));
      const actual = {} as Record<Identity, number>;
      for (const identity of order)
        actual[identity] = await statusOf(identity === "none" ? new TestClient(store.url) : clients[identity], row.method, row.path(), row.body?.());
      table.push(`${row.method} ${row.path()} | ${IDENTITIES.map((identity) => `${row.expected[identity]}/${actual[identity]}`).join(" | ")}`);
      expect(actual).toEqual(row.expected);
    });
  }
});

describe("canned replies", () => {
  it("admins replace the team's canned replies; every console gets them; agents may not edit", async () => {
    expect((await clients.holder.request("PUT", "/api/admin/canned-replies", JSON.stringify({ replies: ["x"] }), "application/json")).status).toBe(403);
    const saved = await clients.admin.request(
      "PUT",
      "/api/admin/canned-replies",
      JSON.stringify({ replies: ["  Hello!  ", "", "Anything else?"] }),
      "application/json",
    );
    expect([saved.status, saved.json.replies]).toEqual([200, ["Hello!", "Anything else?"]]);
    expect((await clients.holder.send("POST", "/api/agent/status", { online: true })).json.cannedReplies).toEqual(["Hello!", "Anything else?"]);
  });
});

describe("every endpoint of the matrix: CSRF, Origin and Host", () => {
  // As the identity the row allows (a 2xx), else the admin: the refusal must come from the check alone.
  const allowed = (row: Row): Identity => IDENTITIES.find((identity) => identity !== "none" && row.expected[identity] < 300) ?? "admin";
  for (const row of ROWS.filter((candidate) => candidate.method !== "GET")) {
    it(`${row.method} ${row.path.toString().replace(/^\(\) => /, "")}: 403 without a CSRF token, 403 with a foreign Origin`, async () => {
      const client = clients[allowed(row)];
      expect(await statusOf(client, row.method, row.path(), row.body?.(), { csrf: false })).toBe(403);
      expect(await statusOf(client, row.method, row.path(), row.body?.(), { headers: { origin: "http://evil.example" } })).toBe(403);
    });
  }
  it("every endpoint of the matrix answers a foreign Host with 421", async () => {
    const port = new URL(store.url).port;
    for (const row of ROWS) expect([row.path(), await statusWithHost(row.path(), `rebound.example:${port}`)]).toEqual([row.path(), 421]);
  });
});

describe("transfer", () => {
  it("only the holder can hand a chat on; afterwards the new agent writes and the old one is refused", async () => {
    const shopper = new TestClient(store.url);
    const chat = (await shopper.send("POST", "/api/chat/request", { source: "reactive", signals: SIGNALS })).json.chat.id;
    await clients.holder.send("POST", "/api/agent/status", { online: true });
    await clients.otherAgent.send("POST", "/api/agent/status", { online: true });
    expect((await clients.holder.send("POST", "/api/agent/take", { chatId: chat })).status).toBe(200);
    expect((await clients.otherAgent.send("POST", `/api/agent/chats/${chat}/transfer`, { to: "demo-agent-2" })).status).toBe(403);
    expect((await clients.holder.send("POST", `/api/agent/chats/${chat}/transfer`, { to: "nobody" })).status).toBe(404);
    expect((await clients.holder.send("POST", `/api/agent/chats/${chat}/transfer`, { to: "demo-agent-2" })).status).toBe(200);
    expect((await clients.holder.send("POST", `/api/agent/chats/${chat}/messages`, { text: "still me?" })).status).toBe(403);
    expect((await clients.otherAgent.send("POST", `/api/agent/chats/${chat}/messages`, { text: "I took over" })).status).toBe(201);
    expect((await shopper.get("/api/session")).json.chat.agentName).toBe("Demo agent 2");
  });
});

describe("cross-site and identity attacks", () => {
  it("a state-changing request without a CSRF token, or with another browser's token, is refused with 403", async () => {
    const shopper = new TestClient(store.url);
    await shopper.get("/");
    expect((await shopper.send("POST", "/api/cart", { productId: "linen-shirt" }, { csrf: false })).status).toBe(403);
    expect((await shopper.form("/cart/add", { productId: "linen-shirt", quantity: "1" }, { csrf: false })).status).toBe(403);
    expect((await clients.admin.send("POST", "/api/admin/bots", { online: 1 }, { csrf: false })).status).toBe(403);
    expect((await clients.holder.send("POST", "/api/agent/status", { online: false }, { csrf: false })).status).toBe(403);
    const foreignToken = clients.otherShopper.csrfToken!;
    expect((await shopper.send("POST", "/api/cart", { productId: "linen-shirt" }, { headers: { "x-csrf-token": foreignToken } })).status).toBe(403);
    expect((await shopper.form("/agent/sign-in", { username: "demo-admin", password: "x" }, { csrf: false })).status).toBe(403);
    expect((await shopper.get("/api/cart")).json.lines).toEqual([]);
  });

  it("a foreign Host gets 421 on every request; a foreign Origin or a cross-site fetch gets 403 on state-changing calls", async () => {
    const shopper = new TestClient(store.url);
    const port = new URL(store.url).port;
    for (const path of ["/", "/api/session", "/agent", "/healthz", "/assets/widget.js"])
      expect(await statusWithHost(path, `rebound.example:${port}`)).toBe(421);
    expect(await statusWithHost("/", `127.0.0.1.rebound.example:${port}`)).toBe(421);
    expect(await statusWithHost("/", `localhost:${port}`)).toBe(200);
    expect(await statusWithHost("/", `[::1]:${port}`)).toBe(200);
    expect((await shopper.send("POST", "/api/cart", { productId: "linen-shirt" }, { headers: { origin: "http://evil.example" } })).status).toBe(403);
    expect(
      (await shopper.send("POST", "/api/cart", { productId: "linen-shirt" }, { headers: { origin: `http://127.0.0.1:${Number(port) + 1}` } })).status,
    ).toBe(403);
    expect((await shopper.send("POST", "/api/cart", { productId: "linen-shirt" }, { headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await shopper.send("POST", "/api/cart", { productId: "linen-shirt" }, { headers: { origin: store.url } })).status).toBe(200);
  });

  it("session fixation: an agent cookie planted before sign-in is replaced, and the planted id never gains the signed-in account", async () => {
    const attacker = new TestClient(store.url);
    const password = store.demoAccounts.find((account) => account.username === "demo-agent-2")!.password;
    await attacker.signIn("demo-agent-2", password);
    const planted = attacker.cookies.get("convsim_agent")!;
    const victim = new TestClient(store.url);
    victim.cookies.set("convsim_agent", planted);
    await victim.signIn("demo-agent-1", store.demoAccounts.find((account) => account.username === "demo-agent-1")!.password);
    expect(victim.cookies.get("convsim_agent")).not.toBe(planted);
    // The planted session was destroyed by the victim's sign-in: the attacker holds nothing now.
    expect((await attacker.send("POST", "/api/agent/status", { online: true })).status).toBe(401);
    // A cookie carrying an agent's id, or an unsigned session id, is not a credential.
    const forger = new TestClient(store.url);
    for (const value of ["demo-agent-1", planted.replace(/\..*$/, ""), `${planted}x`]) {
      forger.cookies.set("convsim_agent", value);
      expect((await forger.send("POST", "/api/agent/status", { online: true })).status).toBe(401);
    }
  });

  it("the agent session cookie is signed, HttpOnly, SameSite=Strict and expires in 12 hours; sign-out ends it on the server", async () => {
    const client = new TestClient(store.url);
    const password = store.demoAccounts.find((account) => account.username === "demo-agent-1")!.password;
    const token = (await client.get("/api/csrf-token")).json.token;
    const answer = await fetch(`${store.url}/agent/sign-in`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        "x-csrf-token": token,
      },
      body: new URLSearchParams({ username: "demo-agent-1", password }).toString(),
      redirect: "manual",
    });
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith("convsim_agent="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)![1]);
    expect(Math.abs(expires - Date.now() - 12 * 3600_000)).toBeLessThan(60_000);
    const value = decodeURIComponent(/^convsim_agent=([^;]+)/.exec(cookie)![1]);
    expect(value).toMatch(/^[^.]+\.[A-Za-z0-9+/_-]+$/);
    client.cookies.set("convsim_agent", value);
    expect((await client.send("POST", "/api/agent/status", { online: true })).status).toBe(200);
    await client.form("/agent/sign-out", {});
    client.cookies.set("convsim_agent", value);
    expect((await client.send("POST", "/api/agent/status", { online: true })).status).toBe(401);
  });

  it(`brute force: ${SIGN_IN_ATTEMPTS_PER_MINUTE} wrong passwords get 401, then every attempt gets 429, even the right password`, async () => {
    const own = await startStore({ port: 0, dataDir: tempDataDir(), demo: true });
    try {
      const attacker = new TestClient(own.url);
      const statuses: number[] = [];
      for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE + 2; i++)
        statuses.push((await attacker.form("/agent/sign-in", { username: "demo-admin", password: `guess-${i}` })).status);
      expect(statuses).toEqual([...Array(SIGN_IN_ATTEMPTS_PER_MINUTE).fill(401), 429, 429]);
      const right = own.demoAccounts.find((account) => account.username === "demo-admin")!.password;
      const blocked = await attacker.form("/agent/sign-in", { username: "demo-admin", password: right });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      await own.close();
    }
  });
});
