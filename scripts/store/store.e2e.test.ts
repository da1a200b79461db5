// End-to-end tests of the store over real HTTP: a real server on a free loopback port, real
// fsynced event log, restarts on the same data folder.

import { appendFileSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { loadScenario, ScenarioError } from "../../experiments/index.ts";
import { readEventLog } from "./events/readEventLog.ts";
import type { StoreEvent } from "./events/storeEvents.ts";
import { type StoreHandle, startStore } from "./startStore.ts";
import { apiCheckout, BASELINE_ANSWERS, BASELINE_PATH, demoClient, TestClient, tempDataDir, testScenario } from "./testing/testStore.ts";
import { Warnings } from "./Warnings.ts";

const open: StoreHandle[] = [];
async function start(options: Parameters<typeof startStore>[0] = {}): Promise<StoreHandle> {
  const store = await startStore({ port: 0, dataDir: tempDataDir(), ...options });
  open.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

const logEvents = (store: StoreHandle): StoreEvent[] => readEventLog(store.eventLogPath, new Warnings()).events;
const dataTest = (page: string, name: string): string[] => [...page.matchAll(new RegExp(`data-test="${name}"[^>]*>([^<]*)<`, "g"))].map((match) => match[1]);

describe("store over HTTP", () => {
  it("a full checkout through the HTML forms reveals the totals at the shipping step and confirms the order", async () => {
    const store = await start();
    const shopper = new TestClient(store.url);
    const home = await shopper.get("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain('data-test="product-card" data-product-id="linen-shirt"');
    expect(home.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(shopper.cookies.has("convsim_session")).toBe(true);

    const added = await shopper.form("/cart/add", { productId: "linen-shirt", quantity: "1" });
    expect([added.status, added.headers.get("location")]).toEqual([303, "/cart"]);
    const cart = await shopper.get("/cart");
    expect(cart.text).toContain('data-totals="hidden"');
    expect(dataTest(cart.text, "cart-subtotal")).toEqual(["$59.00"]);
    expect(dataTest(cart.text, "totals-note")[0]).toMatch(/calculated at the Shipping step/);

    expect((await shopper.get("/checkout")).headers.get("location")).toBe("/checkout/account");
    expect((await shopper.get("/checkout/payment")).headers.get("location")).toBe("/checkout/account");
    const account = await shopper.get("/checkout/account");
    expect(account.text).toContain('data-totals="hidden"');
    const checkoutId = /name="checkoutId" value="(ORD-[0-9A-Z]+)"/.exec(account.text)![1];

    let next = await shopper.form("/checkout/account", { checkoutId, ...BASELINE_ANSWERS.account });
    expect([next.status, next.headers.get("location")]).toEqual([303, "/checkout/shipping"]);
    const shipping = await shopper.get("/checkout/shipping");
    // The sticker-shock point: 59 + 7.95 shipping (below the 99 threshold) + 7% tax 4.13.
    expect(shipping.text).toContain('data-totals="shown"');
    expect([dataTest(shipping.text, "shipping"), dataTest(shipping.text, "tax"), dataTest(shipping.text, "total")]).toEqual([["$7.95"], ["$4.13"], ["$71.08"]]);
    next = await shopper.form("/checkout/shipping", { checkoutId, ...BASELINE_ANSWERS.shipping });
    next = await shopper.form("/checkout/payment", { checkoutId, ...BASELINE_ANSWERS.payment });
    expect(next.headers.get("location")).toBe("/checkout/review");
    const review = await shopper.get("/checkout/review");
    expect(review.text).toContain("**** 4242");
    expect(dataTest(review.text, "checkout-continue")).toEqual(["Place order"]);
    next = await shopper.form("/checkout/review", { checkoutId });
    expect([next.status, next.headers.get("location")]).toEqual([303, `/orders/${checkoutId}`]);

    const confirmation = await shopper.get(`/orders/${checkoutId}`);
    expect(dataTest(confirmation.text, "order-id")).toEqual([checkoutId]);
    expect(dataTest(confirmation.text, "order-total")).toEqual(["$71.08"]);
    expect(dataTest((await shopper.get("/cart")).text, "cart-count")).toEqual(["0"]);
    // Someone else cannot see the order.
    expect((await new TestClient(store.url).get(`/orders/${checkoutId}`)).status).toBe(404);

    const orders = logEvents(store).filter((event) => event.type === "orderPlaced");
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ orderId: checkoutId, subtotal: 59, shipping: 7.95, tax: 4.13, fees: 0, total: 71.08, cardLast4: "4242" });
  });

  it("server-side validation shows field errors, records formError events and never stores or echoes the card number", async () => {
    const store = await start();
    const shopper = new TestClient(store.url);
    await shopper.form("/cart/add", { productId: "wool-sweater", quantity: "2" });
    const bad = await shopper.form("/checkout/account", { checkoutAs: "admin", email: "ada@" });
    expect(bad.status).toBe(422);
    expect(dataTest(bad.text, "field-error-email")).toEqual(["Enter a valid email address, like name@example.com"]);
    expect(dataTest(bad.text, "field-error-checkoutAs")).toEqual(["Choose one of: guest, sign-in"]);
    expect(bad.text).toContain('value="ada@"');

    await shopper.form("/checkout/account", BASELINE_ANSWERS.account);
    await shopper.form("/checkout/shipping", BASELINE_ANSWERS.shipping);
    const card = await shopper.form("/checkout/payment", { ...BASELINE_ANSWERS.payment, cardNumber: "4242 4242 4242 4241", expiry: "01/20" });
    expect(card.status).toBe(422);
    expect(dataTest(card.text, "field-error-cardNumber")).toEqual(["This card number is not valid: please check the digits"]);
    expect(dataTest(card.text, "field-error-expiry")).toEqual(["This card has expired"]);
    expect(card.text).not.toContain("4241");
    expect(card.text).not.toMatch(/value="123"/);
    const api = await shopper.send("POST", "/api/checkout/payment", { ...BASELINE_ANSWERS.payment, cvc: "12" });
    expect(api.status).toBe(422);
    expect(api.json.errors).toEqual({ cvc: "Enter the 3 or 4 digit security code" });

    await shopper.form("/checkout/payment", BASELINE_ANSWERS.payment);
    await shopper.form("/checkout/review", {});
    const log = readFileSync(store.eventLogPath, "utf8");
    expect(log).not.toMatch(/4242 ?4242 ?4242 ?424[12]/);
    expect(log).not.toMatch(/"cvc":"|"expiry":"/);
    const errors = logEvents(store).filter((event) => event.type === "formError");
    expect(errors.map((event) => event.type === "formError" && `${event.step}.${event.field}`)).toEqual([
      "account.checkoutAs",
      "account.email",
      "payment.cardNumber",
      "payment.expiry",
      "payment.cvc",
    ]);
  });

  it("the JSON API refuses bad input with house-format messages", async () => {
    const store = await start();
    const shopper = new TestClient(store.url);
    expect((await shopper.send("POST", "/api/cart", { productId: "nope" })).json.error).toBe('invalid productId: "nope" (no such product)');
    expect((await shopper.send("POST", "/api/cart", { productId: "linen-shirt", quantity: 0 })).json.error).toBe(
      "invalid quantity: 0 (must be an integer from 1 to 99)",
    );
    const event = await shopper.send("POST", "/api/events", { type: "idle", step: "cart", idleSeconds: -1, extra: 1 });
    expect(event.status).toBe(400);
    expect([...event.json.problems].sort()).toEqual([
      "invalid body.extra: unknown key (allowed: type, step, idleSeconds)",
      "invalid body.idleSeconds: -1 (must be >= 0)",
    ]);
    const malformed = await shopper.request("POST", "/api/events", "{not json", "application/json");
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatch(/^invalid request: /);
    expect((await shopper.send("POST", "/api/checkout/payment", BASELINE_ANSWERS.payment)).status).toBe(409);
  });

  it("a resubmitted last step returns the same order: one order per checkout", async () => {
    const store = await start();
    const shopper = new TestClient(store.url);
    await apiCheckout(shopper).catch(() => null);
    const other = new TestClient(store.url);
    await other.send("POST", "/api/cart", { productId: "leather-bag", quantity: 1 });
    for (const step of ["account", "shipping", "payment"]) await other.send("POST", `/api/checkout/${step}`, BASELINE_ANSWERS[step]);
    const checkoutId = (await other.get("/api/checkout")).json.checkoutId;
    const [first, second] = await Promise.all([other.form("/checkout/review", { checkoutId }), other.form("/checkout/review", { checkoutId })]);
    expect(first.headers.get("location")).toBe(`/orders/${checkoutId}`);
    expect(second.headers.get("location")).toBe(`/orders/${checkoutId}`);
    const again = await other.send("POST", "/api/checkout/review", { checkoutId });
    expect([again.status, again.json.order.orderId]).toEqual([201, checkoutId]);
    expect(logEvents(store).filter((event) => event.type === "orderPlaced" && event.sessionId === again.json.order.sessionId)).toHaveLength(1);
  });

  it("a restart loses nothing acknowledged: orders, carts and checkout progress replay from the log; a torn last line is skipped", async () => {
    const dataDir = tempDataDir();
    const first = await start({ dataDir });
    const buyer = new TestClient(first.url);
    const orderId = await apiCheckout(buyer, "rain-jacket", 2);
    const browser = new TestClient(first.url);
    await browser.form("/cart/add", { productId: "ceramic-mug", quantity: "3" });
    await browser.form("/checkout/account", BASELINE_ANSWERS.account);
    await first.close();
    appendFileSync(first.eventLogPath, '{"type":"orderPlaced","sessionId":"S-x","orderId":"ORD-TORN","li');

    const warnings: string[] = [];
    const second = await start({ dataDir, demo: true, onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual([expect.stringMatching(/^skipped a torn last line in .*events\.jsonl/)]);
    const moved = (client: TestClient) => Object.assign(Object.create(TestClient.prototype), client, { baseUrl: second.url }) as TestClient;
    const confirmation = await moved(buyer).get(`/orders/${orderId}`);
    expect(confirmation.status).toBe(200);
    expect(confirmation.text).toContain(orderId);
    const cart = (await moved(browser).get("/api/cart")).json;
    expect(cart.lines).toEqual([{ productId: "ceramic-mug", name: "Ceramic mug set", unitPrice: 32, quantity: 3, lineTotal: 96 }]);
    expect((await moved(browser).get("/checkout")).headers.get("location")).toBe("/checkout/shipping");
    const state = (await (await demoClient(second)).get("/api/admin/state")).json;
    expect(state.counts.orders).toBe(1);
    // The cut tail is gone from the file: new events start on a clean line and the log reads back whole.
    await moved(browser).get("/");
    const reread = new Warnings();
    readEventLog(second.eventLogPath, reread);
    expect(reread.list()).toEqual([]);
  });

  it("200 concurrent API checkouts: every order placed exactly once, all there after a restart", async () => {
    const dataDir = tempDataDir();
    const store = await start({ dataDir });
    const shoppers = Array.from({ length: 200 }, () => new TestClient(store.url));
    const started = performance.now();
    const orderIds = await Promise.all(shoppers.map((shopper, i) => apiCheckout(shopper, i % 2 === 0 ? "linen-shirt" : "leather-bag", 1 + (i % 3))));
    const seconds = (performance.now() - started) / 1000;
    console.log(`200 concurrent API checkouts (5 requests each) in ${seconds.toFixed(2)} s`);
    expect(new Set(orderIds).size).toBe(200);
    await store.close();

    const again = await start({ dataDir, demo: true });
    const state = (await (await demoClient(again)).get("/api/admin/state")).json;
    expect(state.counts.orders).toBe(200);
    const placed = logEvents(again).filter((event) => event.type === "orderPlaced");
    expect(placed).toHaveLength(200);
    expect(new Set(placed.map((event) => event.type === "orderPlaced" && event.orderId))).toEqual(new Set(orderIds));
    expect(new Set(placed.map((event) => event.sessionId)).size).toBe(200);
  });

  it("scenario text is escaped: a product named with an HTML payload renders as text everywhere", async () => {
    const payload = `<img src=x onerror=alert(1)>"'&`;
    const store = await start({ scenario: testScenario({ catalog: [{ id: "evil", name: payload, price: 10, description: `<script>alert(2)</script>` }] }) });
    const shopper = new TestClient(store.url);
    await shopper.form("/cart/add", { productId: "evil", quantity: "1" });
    for (const path of ["/", "/products/evil", "/cart", "/checkout/account"]) {
      const page = await shopper.get(path);
      expect(page.text).not.toContain("<img src=x");
      expect(page.text).not.toContain("<script>alert");
      expect(page.text).toContain("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    }
    const image = await shopper.get("/images/products/evil.svg");
    expect(image.text).not.toContain("<img");
  });

  it("a bad scenario gets the simulator's ScenarioError with the same problems", async () => {
    let simulatorError: ScenarioError | null = null;
    try {
      loadScenario("/nonexistent/scenario.yaml");
    } catch (error) {
      simulatorError = error as ScenarioError;
    }
    await expect(startStore({ scenarioPath: "/nonexistent/scenario.yaml", port: 0, dataDir: tempDataDir() })).rejects.toThrow(simulatorError!.message);
    await expect(
      startStore({ scenarioPath: BASELINE_PATH, policyPath: "experiments/policies/missing.yaml", port: 0, dataDir: tempDataDir() }),
    ).rejects.toBeInstanceOf(ScenarioError);
  });
});
