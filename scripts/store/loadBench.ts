// Load bench of the live store (run: `npx tsx scripts/store/loadBench.ts [shoppers] [seconds]`):
// N concurrent shoppers over HTTP on loopback, 10% of them chatting to bot agents, with the store
// killed (SIGKILL) and restarted 3 times during the run. Reports requests/s, p50/p99 latency, and
// orders and messages acknowledged vs stored in the event log. Bounded: N shoppers, one checkout
// each, stopped after the time limit whatever happens.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readEventLog } from "./events/readEventLog.ts";
import { freePort, startStoreProcess } from "./storeProcess.ts";
import { BASELINE_ANSWERS, TestClient } from "./testing/testStore.ts";
import { Warnings } from "./Warnings.ts";

const CHATTING_SHARE = 0.1;
const KILLS = 3;
const BOT_ARGS = ["--auto-agents", "10", "--bot-delay-seconds", "0.2", "--bot-handle-seconds", "600"];
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

/** Keeps the shopper's chat stream open as the widget does (reconnecting across restarts), so the store knows they are there. */
async function holdChatStream(client: TestClient, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const cookie = [...client.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
      const response = await fetch(`${client.baseUrl}/api/chat/stream`, { headers: { cookie }, signal });
      const reader = response.body?.getReader();
      while (reader && !signal.aborted && !(await reader.read()).done);
    } catch {
      // Store down (a restart) or aborted: try again shortly unless done.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** What the load bench measured (`runLoadBench`). */
export interface LoadBenchFigures {
  shoppers: number;
  completed: number;
  chatting: number;
  kills: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  retriedWhileDown: number;
  p50Ms: number;
  p99Ms: number;
  ordersAcknowledged: number;
  ordersStored: number;
  ordersLost: number;
  messagesAcknowledged: number;
  messagesStored: number;
  messagesLost: number;
}

/**
 * Runs `shoppers` concurrent shoppers against a store process (3 SIGKILL/restart cycles spread over
 * the run), bounded by `limitSeconds`: requests still failing then are given up.
 */
export async function runLoadBench(
  shoppers = 1000,
  limitSeconds = 300,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<LoadBenchFigures> {
  const tally: RequestTally = { latencies: [], requests: 0, failures: 0, done: 0 };
  const deadline = performance.now() + limitSeconds * 1000;
  const call = retryingCaller(deadline, tally);
  const dataDir = mkdtempSync(join(tmpdir(), "convsim-load-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let store = await startStoreProcess(port, dataDir, BOT_ARGS);
  const acked: Acknowledged = { orders: new Set(), messages: new Set() };
  const started = performance.now();

  const kills = (async () => {
    for (let kill = 1; kill <= KILLS; kill++) {
      // Spread the kills over the run: by answered requests (about 8 per shopper, 10 for a chatting one).
      while (tally.requests < (shoppers * 8.2 * kill) / (KILLS + 1) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await store.kill();
      log(`SIGKILL ${kill} after ${tally.requests} requests (${tally.done} shoppers done); restarting`);
      store = await startStoreProcess(port, dataDir, BOT_ARGS);
    }
  })();
  await Promise.all(
    Array.from({ length: shoppers }, async (_, index) => {
      await walkShopper(call, url, index, acked);
      tally.done++;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await kills;
  await store.stop();
  return loadFigures(shoppers, seconds, tally, acked, join(dataDir, "events.jsonl"));
}

/** What the bench's requests came to so far: answered requests' latencies (ms), counts, shoppers done. */
interface RequestTally {
  latencies: number[];
  requests: number;
  /** Attempts that failed (store down during a restart, or a 5xx) and were retried. */
  failures: number;
  done: number;
}

/** What the store acknowledged: order ids and the shoppers' message texts. */
interface Acknowledged {
  orders: Set<string>;
  messages: Set<string>;
}

/** One request: its answer if `accept`ed, else null; given up (null) at the deadline. */
type Call = <T>(run: () => Promise<T & { status: number }>, accept: (status: number) => boolean) => Promise<(T & { status: number }) | null>;

/** One request, retried while the store is down (connection refused during a restart) until the deadline. */
function retryingCaller(deadline: number, tally: RequestTally): Call {
  return async (run, accept) => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const answer = await run();
        tally.requests++;
        if (answer.status >= 500 || answer.status === 0) throw new Error(String(answer.status));
        tally.latencies.push(performance.now() - started);
        return accept(answer.status) ? answer : null;
      } catch {
        tally.failures++;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    return null;
  };
}

/** One shopper: the home page, a cart, (one in ten) a chat with two messages, then the whole checkout. */
async function walkShopper(call: Call, url: string, index: number, acked: Acknowledged): Promise<void> {
  const client = new TestClient(url);
  await call(
    () => client.get("/"),
    () => true,
  );
  await call(
    () => client.send("POST", "/api/cart", { productId: index % 2 === 0 ? "linen-shirt" : "leather-bag", quantity: 1 }),
    (status) => status === 200,
  );
  const listening = new AbortController();
  if (index % Math.round(1 / CHATTING_SHARE) === 0) {
    await call(
      () => client.send("POST", "/api/chat/request", { source: "reactive", signals: SIGNALS }),
      (status) => status === 201,
    );
    void holdChatStream(client, listening.signal);
    for (let i = 0; i < 2; i++) {
      const text = `shopper ${index} message ${i} ${Math.random().toString(36).slice(2)}`;
      const answer = await call(
        () => client.send("POST", "/api/chat/messages", { text }),
        (status) => status === 201,
      );
      if (answer) acked.messages.add(text);
    }
  }
  let checkoutId: string | undefined;
  for (const step of ["account", "shipping", "payment", "review"]) {
    const answer = await call(
      () => client.send("POST", `/api/checkout/${step}`, { ...BASELINE_ANSWERS[step], ...(step === "review" && checkoutId ? { checkoutId } : {}) }),
      (status) => status === 200 || status === 201 || status === 409,
    );
    if (step === "payment")
      checkoutId = (
        await call(
          () => client.get("/api/checkout"),
          (status) => status === 200,
        )
      )?.json.checkoutId;
    if (step === "review" && answer?.status === 201) acked.orders.add(answer.json.order.orderId);
  }
  listening.abort();
}

/** The figures: the requests' rate and latency quantiles, and what was acknowledged against what the event log kept. */
function loadFigures(shoppers: number, seconds: number, tally: RequestTally, acked: Acknowledged, eventLogPath: string): LoadBenchFigures {
  const events = readEventLog(eventLogPath, new Warnings()).events;
  const storedOrders = new Set(events.flatMap((event) => (event.type === "orderPlaced" ? [event.orderId] : [])));
  const storedMessages = new Set(events.flatMap((event) => (event.type === "chatMessage" && event.from === "shopper" ? [event.text] : [])));
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const lost = (ids: Set<string>, stored: Set<string>) => [...ids].filter((id) => !stored.has(id)).length;
  return {
    shoppers: shoppers,
    completed: tally.done,
    chatting: Math.ceil(shoppers * CHATTING_SHARE),
    kills: KILLS,
    seconds: Math.round(seconds * 10) / 10,
    requests: tally.requests,
    requestsPerSecond: Math.round(tally.requests / seconds),
    retriedWhileDown: tally.failures,
    p50Ms: Math.round(quantile(0.5) * 10) / 10,
    p99Ms: Math.round(quantile(0.99) * 10) / 10,
    ordersAcknowledged: acked.orders.size,
    ordersStored: storedOrders.size,
    ordersLost: lost(acked.orders, storedOrders),
    messagesAcknowledged: acked.messages.size,
    messagesStored: storedMessages.size,
    messagesLost: lost(acked.messages, storedMessages),
  };
}

// Run directly: `npx tsx scripts/store/loadBench.ts [shoppers] [seconds]` prints the figures as JSON.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = await runLoadBench(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 300));
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  if (figures.ordersLost > 0 || figures.messagesLost > 0) process.exitCode = 1;
}
