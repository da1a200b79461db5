// The chat widget and agent console in real headless Chromium against a real store. Idle time is
// fast-forwarded with Playwright's page.clock (the widget's timers are plain setTimeout), so a 30 s
// trigger takes milliseconds and is checked to the tenth of a second.

import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addUserToFile } from "../auth/UserDirectory.ts";
import { readEventLog } from "../events/readEventLog.ts";
import type { StoreEvent } from "../events/storeEvents.ts";
import { type StoreHandle, startStore } from "../startStore.ts";
import { byTest, launchChromium, watchPage } from "../testing/testBrowser.ts";
import { BASELINE_ANSWERS, demoClient, scenarioWithPolicy, tempDataDir, testScenario } from "../testing/testStore.ts";
import { Warnings } from "../Warnings.ts";

const ARTIFACTS = "test-artifacts/store";
const XSS = "<img src=x onerror=alert(1)>";
const IDLE_PRODUCT = {
  name: "idle-on-product",
  rules: [{ name: "idle-product", when: "step == product and idleSeconds >= 30", priority: 1 }],
  caps: { perPage: 1, perVisit: 2, afterDecline: false, minGapSeconds: 60 },
};

const CONFUSED_ON_PAYMENT = {
  name: "confused-on-payment",
  rules: [{ name: "confused-payment", when: "confusion == true and step == payment", priority: 2 }],
};

let browser: Browser;
const stores: StoreHandle[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function start(options: Parameters<typeof startStore>[0]): Promise<StoreHandle> {
  const store = await startStore({ port: 0, dataDir: tempDataDir(), ...options });
  stores.push(store);
  return store;
}
async function newPage(store: StoreHandle): Promise<{ page: Page; context: BrowserContext; seen: ReturnType<typeof watchPage> }> {
  const context = await browser.newContext({ baseURL: store.url, viewport: { width: 1280, height: 860 } });
  contexts.push(context);
  const page = await context.newPage();
  return { page, context, seen: watchPage(page) };
}
/** POSTs JSON from the page's browser context (its cookies) with a CSRF token, as the widget does. */
async function post(context: BrowserContext, path: string, data: unknown): Promise<number> {
  const token = ((await (await context.request.get("/api/csrf-token")).json()) as { token: string }).token;
  return (await context.request.post(path, { data, headers: { "x-csrf-token": token } })).status();
}
/** Fake timers, paused: nothing in the page moves until runFor. */
async function pauseClock(page: Page): Promise<void> {
  const now = Date.now();
  await page.clock.install({ time: now });
  await page.clock.pauseAt(now + 1000);
}
/** Loads a page and waits for the widget to be running. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("#convsim-chat[data-in-chat]").waitFor({ state: "attached" });
}
const events = (store: StoreHandle, type: StoreEvent["type"]) => readEventLog(store.eventLogPath, new Warnings()).events.filter((event) => event.type === type);
/** Gives the page a moment of real time (network round trips) without moving its fake clock. */
const settle = (page: Page) => page.waitForTimeout(250);

describe("chat widget in Chromium", () => {
  it("an idle trigger invites at the configured 30 s: not at 29.9 s, visible by 30.1 s", async () => {
    const store = await start({ scenario: scenarioWithPolicy(IDLE_PRODUCT), autoAgents: 1 });
    const { page, seen } = await newPage(store);
    await pauseClock(page);
    await visit(page, "/products/linen-shirt");
    await page.clock.runFor(29_900);
    await settle(page);
    expect(await page.locator(byTest("chat-invitation")).isVisible()).toBe(false);
    await page.clock.runFor(200);
    await page.locator(byTest("chat-invitation")).waitFor({ state: "visible", timeout: 3000 });
    await page.screenshot({ path: `${ARTIFACTS}/widget-invitation.png`, animations: "disabled" });
    await settle(page);
    const [offered] = events(store, "chatOffered");
    expect(offered).toMatchObject({ rule: "idle-product", step: "product", priority: 1 });
    const idle = offered.type === "chatOffered" ? offered.signals.idleSeconds : NaN;
    expect(idle).toBeGreaterThanOrEqual(30);
    expect(idle).toBeLessThanOrEqual(30.1);
    expect(seen).toEqual({ dialogs: [], errors: [] });
  });

  it("a dismissed invitation does not come back on later pages when afterDecline is false", async () => {
    const store = await start({ scenario: scenarioWithPolicy(IDLE_PRODUCT), autoAgents: 1 });
    const { page, seen } = await newPage(store);
    await pauseClock(page);
    await visit(page, "/products/linen-shirt");
    await page.clock.runFor(30_000);
    await page.locator(byTest("chat-dismiss")).click();
    expect(await page.locator(byTest("chat-invitation")).isVisible()).toBe(false);
    await settle(page);
    await visit(page, "/products/wool-sweater");
    await page.clock.runFor(180_000);
    await settle(page);
    expect(await page.locator(byTest("chat-invitation")).isVisible()).toBe(false);
    expect(events(store, "chatOffered")).toHaveLength(1);
    expect(events(store, "chatDeclined")).toHaveLength(1);
    // The help button is still there: declining an invitation is not declining help.
    expect(await page.locator(byTest("chat-help-button")).isVisible()).toBe(true);
    expect(seen.dialogs).toEqual([]);
  });

  it("gating reads the live queue: no invitation while no agent is online, one within 5 s of an agent coming online", async () => {
    const store = await start({
      scenario: scenarioWithPolicy({ ...IDLE_PRODUCT, gating: { requireFreeSlot: true, maxQueueLength: 0 } }),
      autoAgents: 0,
      demo: true,
    });
    const { page, context } = await newPage(store);
    const queueChecks: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/chat/queue")) queueChecks.push(request.url());
    });
    await pauseClock(page);
    await visit(page, "/products/linen-shirt");
    for (let second = 30; second <= 60; second += 5) {
      await page.clock.runFor(second === 30 ? 30_000 : 5_000);
      await settle(page);
    }
    expect(await page.locator(byTest("chat-invitation")).isVisible()).toBe(false);
    // Checked at 30 s, then every GATE_RECHECK_SECONDS (5 s) while the gate stayed closed.
    expect(queueChecks.length).toBe(7);
    expect(events(store, "chatOffered")).toHaveLength(0);

    expect((await (await demoClient(store)).send("POST", "/api/admin/bots", { online: 1 })).status).toBe(200);
    await page.clock.runFor(5_000);
    await page.locator(byTest("chat-invitation")).waitFor({ state: "visible", timeout: 3000 });
  });

  it("exit intent (mouse leaving through the top) invites a high-value cart under the shipped exit-intent policy", async () => {
    const store = await start({
      scenarioPath: "experiments/scenarios/baseline.yaml",
      policyPath: "experiments/policies/exit-intent-high-value.yaml",
      autoAgents: 1,
      botDelaySeconds: 0.1,
    });
    const { page, context } = await newPage(store);
    expect(await post(context, "/api/cart", { productId: "leather-bag", quantity: 1 })).toBe(200);
    await visit(page, "/cart");
    await page.waitForTimeout(300);
    expect(await page.locator(byTest("chat-invitation")).isVisible()).toBe(false);
    await page.evaluate(() => document.dispatchEvent(new MouseEvent("mouseout", { bubbles: true, clientX: 400, clientY: 0, relatedTarget: null })));
    await page.locator(byTest("chat-invitation")).waitFor({ state: "visible", timeout: 3000 });
    await page.locator(byTest("chat-accept")).click();
    // The bot agent takes the chat at once (a free slot) and greets after its delay.
    await page
      .locator(`${byTest("chat-message")}[data-from="agent"]`)
      .first()
      .waitFor({ timeout: 5000 });
    expect(await page.locator(byTest("chat-status")).textContent()).toMatch(/You are chatting with Bot 1/);
    const [offered] = events(store, "chatOffered");
    expect(offered.type === "chatOffered" && offered.signals).toMatchObject({ exitIntent: true, cartValue: 249, step: "cart" });
    expect(events(store, "chatStarted")).toHaveLength(1);
  });

  it("on a dated holiday the desk is closed: no invitation after the idle trigger, the help button offers the message form and keeps the message", async () => {
    // Fridays open 08:00-20:00, but 2026-12-25 (a Friday) is closed by a dated exception; the server's
    // local clock is pinned to 11:00 that day, then to 11:00 on the next Friday (open).
    const week = Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => [day, "08:00-20:00"]));
    let clockMs = new Date(2026, 11, 25, 11, 0).getTime();
    const store = await start({
      scenario: scenarioWithPolicy(IDLE_PRODUCT, {
        horizon: { days: 1, startDate: "2026-12-21" },
        desk: { openingHours: { ...week, exceptions: [{ date: "2026-12-25", closed: true }] } },
      }),
      autoAgents: 1,
      now: () => clockMs,
    });
    const { page } = await newPage(store);
    await pauseClock(page);
    await visit(page, "/products/linen-shirt");
    await page.clock.runFor(45_000);
    await settle(page);
    expect(await page.locator(byTest("chat-invitation")).isVisible()).toBe(false);
    expect(events(store, "chatOffered")).toHaveLength(0);

    const help = page.locator(byTest("chat-help-button"));
    expect(await help.textContent()).toContain("Leave us a message");
    await help.click();
    await page.locator(byTest("chat-offline-form")).waitFor({ state: "visible" });
    await page.locator(byTest("chat-offline-input")).fill("Is the shirt back in stock after Christmas?");
    await page.locator(byTest("chat-offline-send")).click();
    await page.locator(byTest("chat-offline-thanks")).waitFor({ state: "visible" });
    expect(events(store, "offlineMessage")).toMatchObject([{ type: "offlineMessage", text: "Is the shirt back in stock after Christmas?" }]);
    expect(events(store, "chatRequested")).toHaveLength(0);

    clockMs = new Date(2027, 0, 8, 11, 0).getTime();
    const { page: nextFriday } = await newPage(store);
    await visit(nextFriday, "/products/linen-shirt");
    expect(await nextFriday.locator(byTest("chat-help-button")).textContent()).not.toContain("Leave us a message");
  });

  it("waiting in the queue shows position and expected wait; giving up leaves the queue", async () => {
    const store = await start({ scenario: testScenario(), autoAgents: 0 });
    const { page } = await newPage(store);
    await visit(page, "/");
    await page.locator(byTest("chat-help-button")).click();
    await page.locator(byTest("chat-queue-position")).waitFor({ state: "visible" });
    expect(await page.locator(byTest("chat-queue-position")).textContent()).toBe("1");
    expect(await page.locator(byTest("chat-expected-wait")).textContent()).toBe("until an agent comes online");
    await page.locator(byTest("chat-give-up")).click();
    await page.locator('#convsim-chat[data-chat-status="ended"]').waitFor();
    expect(await page.locator(byTest("chat-status")).textContent()).toBe("You left the chat.");
    expect(events(store, "queueAbandoned")).toHaveLength(1);
    await page.locator(byTest("chat-close")).click();
    expect(await page.locator(byTest("chat-help-button")).isVisible()).toBe(true);
  });

  it("chat text is inert everywhere: an HTML payload shows as text in the widget and the agent console", async () => {
    const dataDir = tempDataDir();
    await addUserToFile(`${dataDir}/users.json`, { username: "alex", role: "agent", displayName: `Alex ${XSS}`, password: "a long test password" });
    const store = await start({ scenario: testScenario(), autoAgents: 0, dataDir });
    const shopper = await newPage(store);
    await visit(shopper.page, "/products/linen-shirt");
    await shopper.page.locator(byTest("chat-help-button")).click();
    await shopper.page.locator(byTest("chat-input")).fill(XSS);
    await shopper.page.locator(byTest("chat-send")).click();
    await shopper.page.locator(byTest("chat-message")).filter({ hasText: XSS }).waitFor();

    const agent = await newPage(store);
    await agent.page.goto("/agent");
    await agent.page.locator(byTest("agent-name")).fill("alex");
    await agent.page.locator(byTest("agent-password")).fill("a long test password");
    await agent.page.locator(byTest("agent-sign-in-submit")).click();
    await agent.page.locator(byTest("queue-item")).waitFor();
    expect(await agent.page.locator(".queue-preview").textContent()).toBe(`“${XSS}”`);
    await agent.page.locator(byTest("queue-take")).click();
    await agent.page
      .locator(`${byTest("agent-chat-message")}[data-from="shopper"]`)
      .filter({ hasText: XSS })
      .waitFor();
    const reply = `<b onmouseover=alert(2)>bold</b><script>alert(3)</script>`;
    await agent.page.locator(byTest("agent-reply-input")).fill(reply);
    await agent.page.locator(byTest("agent-reply-send")).click();
    await shopper.page
      .locator(`${byTest("chat-message")}[data-from="agent"]`)
      .filter({ hasText: reply })
      .waitFor();
    await agent.page.locator(`${byTest("agent-chat-message")}[data-from="agent"]`).waitFor();
    await agent.page.screenshot({ path: `${ARTIFACTS}/agent-console.png`, animations: "disabled" });
    expect(await shopper.page.locator(byTest("chat-status")).textContent()).toBe(`You are chatting with Alex ${XSS}.`);

    for (const { page } of [shopper, agent]) {
      expect(await page.locator(".cs-messages img, .cs-messages b, .cs-messages script").count()).toBe(0);
    }
    await agent.page.locator(byTest("agent-chat-close")).click();
    await shopper.page.locator('#convsim-chat[data-chat-status="ended"]').waitFor();
    expect(shopper.seen).toEqual({ dialogs: [], errors: [] });
    expect(agent.seen).toEqual({ dialogs: [], errors: [] });
    const messages = events(store, "chatMessage").map((event) => event.type === "chatMessage" && event.text);
    expect(messages).toEqual([XSS, reply]);
  });

  it("a scenario product named with an HTML payload renders inert in the browser", async () => {
    const store = await start({ scenario: testScenario({ catalog: [{ id: "evil", name: XSS, price: 10, description: "<script>alert(2)</script>" }] }) });
    const { page, seen } = await newPage(store);
    await visit(page, "/");
    expect(await page.locator(byTest("product-name")).textContent()).toBe(XSS);
    await visit(page, "/products/evil");
    expect(await page.locator(`h1${byTest("product-name")}`).textContent()).toBe(XSS);
    expect(await page.locator(byTest("product-description")).textContent()).toBe("<script>alert(2)</script>");
    await page.waitForTimeout(200);
    expect(seen).toEqual({ dialogs: [], errors: [] });
  });

  it("screenshots: the product page and the review step with the sticker-shock totals", async () => {
    const store = await start({ scenario: testScenario(), autoAgents: 1, botDelaySeconds: 0.3 });
    const { page, context, seen } = await newPage(store);
    await visit(page, "/");
    await page.screenshot({ path: `${ARTIFACTS}/product-list.png`, animations: "disabled" });
    await visit(page, "/products/leather-bag");
    await page.screenshot({ path: `${ARTIFACTS}/product-page.png`, animations: "disabled" });
    expect(await post(context, "/api/cart", { productId: "linen-shirt", quantity: 1 })).toBe(200);
    expect(await post(context, "/api/cart", { productId: "cotton-tee", quantity: 1 })).toBe(200);
    for (const step of ["account", "shipping", "payment"]) {
      expect(await post(context, `/api/checkout/${step}`, BASELINE_ANSWERS[step])).toBe(200);
    }
    await visit(page, "/checkout/review");
    expect(await page.locator(byTest("total")).textContent()).toBe("$96.76");
    await page.screenshot({ path: `${ARTIFACTS}/checkout-review.png`, animations: "disabled", fullPage: true });
    await visit(page, "/checkout/payment");
    await page.locator(byTest("field-cardNumber")).fill("4242 4242 4242 4241");
    await page.locator(byTest("checkout-continue")).click();
    await page.locator(byTest("field-error-cardNumber")).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/checkout-payment-errors.png`, animations: "disabled" });
    await page.locator(byTest("chat-help-button")).click();
    await page
      .locator(`${byTest("chat-message")}[data-from="agent"]`)
      .first()
      .waitFor({ timeout: 10_000 });
    await page.locator(byTest("chat-input")).fill("Do you ship to Canada?");
    await page.locator(byTest("chat-send")).click();
    await page
      .locator(`${byTest("chat-message")}[data-from="agent"]`)
      .nth(1)
      .waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${ARTIFACTS}/widget-chat.png`, animations: "disabled" });
    expect(seen).toEqual({ dialogs: [], errors: [] });
  });
});

describe("the confusion signal in Chromium (thresholds from sim/policy CONFUSION_THRESHOLDS)", () => {
  /** A visit with a cart whose account and shipping steps are done, on a paused clock. */
  async function checkoutVisit(): Promise<{ store: StoreHandle; page: Page; seen: ReturnType<typeof watchPage> }> {
    const store = await start({ scenario: scenarioWithPolicy(CONFUSED_ON_PAYMENT), autoAgents: 1 });
    const { page, context, seen } = await newPage(store);
    await pauseClock(page);
    expect(await post(context, "/api/cart", { productId: "linen-shirt", quantity: 1 })).toBe(200);
    for (const step of ["account", "shipping"]) expect(await post(context, `/api/checkout/${step}`, BASELINE_ANSWERS[step])).toBe(200);
    return { store, page, seen };
  }
  const confusion = (page: Page) => page.locator("#convsim-chat").getAttribute("data-confusion");
  const cause = (page: Page) => page.locator("#convsim-chat").getAttribute("data-confusion-cause");
  /** Lets the widget's zero-delay timer run on the paused clock, then waits (polling) for the invitation. */
  async function expectInvitation(page: Page): Promise<void> {
    await page.clock.runFor(10);
    await page.locator(byTest("chat-invitation")).waitFor({ state: "visible", timeout: 20_000 });
  }
  /** The one invitation offered, with the signals the widget measured. */
  async function offeredSignals(store: StoreHandle): Promise<Record<string, unknown>> {
    await expect.poll(() => events(store, "chatOffered").length, { timeout: 20_000 }).toBe(1);
    const [offered] = events(store, "chatOffered");
    return offered.type === "chatOffered" ? { ...offered.signals } : {};
  }

  it("focusing one payment field a third time sets confusion, and `confusion == true and step == payment` invites at once", async () => {
    const { store, page, seen } = await checkoutVisit();
    await visit(page, "/checkout/payment");
    const card = page.locator(byTest("field-cardNumber"));
    const expiry = page.locator(byTest("field-expiry"));
    await card.focus();
    await expiry.focus();
    await card.focus();
    await expiry.focus();
    // Two focuses of each field: below the threshold of three.
    expect(await confusion(page)).toBe("false");
    await card.focus();
    expect(await confusion(page)).toBe("true");
    expect(await cause(page)).toBe("refocus");
    await expectInvitation(page);
    // The only invitation of the visit carries the measured signal: none came before the confusion.
    expect(await offeredSignals(store)).toMatchObject({ step: "payment", confusion: true });
    expect(seen).toEqual({ dialogs: [], errors: [] });
  });

  it("going back to an earlier checkout step twice sets confusion, which carries to the payment page and invites on arrival", async () => {
    const { store, page } = await checkoutVisit();
    for (const step of ["account", "shipping", "payment", "shipping", "payment"]) await visit(page, `/checkout/${step}`);
    // One return so far (payment → shipping): not yet.
    expect(await confusion(page)).toBe("false");
    expect(await page.locator(byTest("chat-invitation")).isVisible()).toBe(false);
    await visit(page, "/checkout/account");
    expect(await confusion(page)).toBe("true");
    expect(await cause(page)).toBe("backAndForth");
    await page.clock.runFor(10);
    expect(events(store, "chatOffered")).toHaveLength(0);
    await visit(page, "/checkout/payment");
    expect(await confusion(page)).toBe("true");
    await expectInvitation(page);
    expect(await offeredSignals(store)).toMatchObject({ step: "payment", confusion: true });
  });

  it("three rapid clicks on one spot set confusion; two do not", async () => {
    const { page } = await checkoutVisit();
    await visit(page, "/checkout/payment");
    const heading = await page.locator("h1").first().boundingBox();
    expect(heading).not.toBeNull();
    const [x, y] = [heading!.x + 5, heading!.y + heading!.height / 2];
    await page.mouse.click(x, y);
    await page.mouse.click(x + 4, y);
    // The clock is paused, so the clicks are as rapid as can be; the count decides.
    expect(await confusion(page)).toBe("false");
    await page.mouse.click(x, y + 3);
    expect(await confusion(page)).toBe("true");
    expect(await cause(page)).toBe("rapidClicks");
    await expectInvitation(page);
  });
});
