// The agent console for a shift and the XSS surface, in real headless Chromium against a real store:
// payloads in every field that reaches the console, the widget and the store pages stay text; the
// queue ticks and announces itself in the title; keyboard shortcuts work; a disabled Take looks
// disabled; the chat header follows the shopper to their order; a closed shopper tab ends the chat;
// axe-core finds no WCAG 2 A/AA violation on the console and the widget.

import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUserToFile } from "../auth/UserDirectory.ts";
import { readEventLog } from "../events/readEventLog.ts";
import { type StoreHandle, startStore } from "../startStore.ts";
import { byTest, launchChromium, watchPage } from "../testing/testBrowser.ts";
import { BASELINE_ANSWERS, scenarioWithPolicy, tempDataDir } from "../testing/testStore.ts";
import { Warnings } from "../Warnings.ts";

const ARTIFACTS = "test-artifacts/store";
const XSS = `<img src=x onerror=alert(1)>"'<script>`;
const RULE = `idle-cart ${XSS}`;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SIGNALS = {
  step: "cart",
  idleSeconds: 40,
  timeOnSiteSeconds: 60,
  pageViews: 3,
  cartValue: 0,
  formErrors: 0,
  exitIntent: false,
  returningVisitor: false,
  device: "desktop",
};

let browser: Browser;
let store: StoreHandle;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = tempDataDir();
  await addUserToFile(`${dataDir}/users.json`, { username: "alex", role: "agent", displayName: `A ${XSS}`, password: "a long test password" });
  const scenario = scenarioWithPolicy(
    {
      name: `policy ${XSS}`,
      rules: [{ name: RULE, when: "step == cart and idleSeconds >= 30", priority: 1 }],
      caps: { perPage: 1, perVisit: 2, afterDecline: false, minGapSeconds: 60 },
    },
    { name: `scenario ${XSS}`, catalog: [{ id: "evil", name: `Bag ${XSS}`, price: 120, description: XSS }] },
  );
  store = await startStore({ scenario, port: 0, dataDir, autoAgents: 0, disconnectGraceSeconds: 3, demo: true });
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => {})));
  await browser?.close();
  await store?.close();
});

async function newPage(): Promise<{ page: Page; context: BrowserContext; seen: ReturnType<typeof watchPage> }> {
  const context = await browser.newContext({ baseURL: store.url, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  return { page, context, seen: watchPage(page) };
}
/** A JSON call from the page's own browser context, with the page's CSRF token, as the widget makes it. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')!.content;
      const response = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
}
/** Nothing a payload could have become: no element from it, and the text shows as typed. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.locator('img[src="x"], b[onmouseover], body script:not([src]):not([type="application/json"])').count()).toBe(0);
}
async function axeViolations(page: Page, include: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (selector) => {
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    return axe.run({ include: [selector] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
  }, include);
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

describe("agent console in Chromium", () => {
  it("a shift: payloads stay text everywhere, the queue ticks and badges the title, shortcuts take and close, the header follows the order, a closed tab ends the chat", async () => {
    const shopper = await newPage();
    await shopper.page.goto("/products/evil");
    await shopper.page.locator("#convsim-chat[data-in-chat]").waitFor({ state: "attached" });
    expect(await shopper.page.locator(byTest("product-name")).textContent()).toBe(`Bag ${XSS}`);
    expect((await api(shopper.page, "POST", "/api/cart", { productId: "evil", quantity: 1 })).status).toBe(200);
    for (const step of ["account", "shipping", "payment"]) {
      const answers = step === "shipping" ? { ...BASELINE_ANSWERS.shipping, fullName: XSS, address: XSS, city: XSS } : BASELINE_ANSWERS[step];
      expect((await api(shopper.page, "POST", `/api/checkout/${step}`, answers)).status).toBe(200);
    }
    await shopper.page.goto("/checkout/review");
    expect(await shopper.page.locator(byTest("review-details")).textContent()).toContain(XSS);
    await expectInert(shopper.page);
    const requested = await api(shopper.page, "POST", "/api/chat/request", { source: "proactive", rule: RULE, signals: SIGNALS });
    expect(requested.status).toBe(201);
    await shopper.page.reload();
    await shopper.page.locator(byTest("chat-input")).fill(XSS);
    await shopper.page.locator(byTest("chat-send")).click();

    const agent = await newPage();
    await agent.page.goto("/agent");
    await agent.page.locator(byTest("agent-name")).fill("alex");
    await agent.page.locator(byTest("agent-password")).fill("a long test password");
    await agent.page.locator(byTest("agent-sign-in-submit")).click();
    const item = agent.page.locator(byTest("queue-item"));
    await item.waitFor();
    expect(await item.locator(".queue-label").textContent()).toContain(`Invitation · ${RULE}`);
    expect(await item.locator(".queue-preview").textContent()).toBe(`“${XSS}”`);
    expect(await agent.page.title()).toMatch(/^\(1\) Console/);
    const waited = async () => Number(/waiting (\d+) s/.exec((await item.locator(byTest("queue-wait")).textContent())!)![1]);
    // The wait ticks on the page between server updates (a 1 s timer, late under load), so poll.
    const before = await waited();
    await expect.poll(waited, { timeout: 8_000 }).toBeGreaterThanOrEqual(before + 2);

    // Offline (Alt+O): Take is disabled and looks it; online again, Alt+T takes the head of the queue.
    await agent.page.keyboard.press("Alt+o");
    await agent.page.locator(`${byTest("queue-take")}[disabled]`).waitFor();
    const look = (selector: string) =>
      agent.page.locator(selector).evaluate((node) => ({ background: getComputedStyle(node).backgroundColor, cursor: getComputedStyle(node).cursor }));
    expect(await look(byTest("queue-take"))).toEqual({ background: "rgb(228, 228, 224)", cursor: "not-allowed" });
    await agent.page.keyboard.press("Alt+o");
    await agent.page.locator(`${byTest("queue-take")}:not([disabled])`).waitFor();
    expect((await look(byTest("queue-take"))).cursor).toBe("pointer");
    await agent.page.keyboard.press("Alt+t");
    const chat = agent.page.locator(byTest("agent-chat"));
    await chat.waitFor();
    expect(await agent.page.title()).not.toMatch(/^\(\d+\)/);
    await expect
      .poll(() =>
        chat
          .locator(`${byTest("agent-chat-message")}[data-from="shopper"]`)
          .filter({ hasText: XSS })
          .count(),
      )
      .toBe(1);
    const times = await chat.locator(byTest("message-time")).allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(await chat.locator(byTest("agent-chat-context")).textContent()).toMatch(/no order yet/);

    await shopper.page.goto("/checkout/review");
    await shopper.page.locator(byTest("checkout-continue")).click();
    await shopper.page.locator(byTest("order-confirmation")).waitFor();
    await expect
      .poll(() => chat.locator(byTest("agent-chat-context")).textContent())
      .toMatch(/^Now: on confirmation · cart \$0\.00 · ordered 1 \(\$\d+\.\d\d\)$/);
    expect(await shopper.page.locator(byTest("chat-status")).textContent()).toBe(`You are chatting with A ${XSS}.`);
    await agent.page.screenshot({ path: `${ARTIFACTS}/console-shift.png`, animations: "disabled" });

    expect(await axeViolations(agent.page, '[data-test="agent-console"]')).toEqual([]);
    expect(await axeViolations(shopper.page, "#convsim-chat")).toEqual([]);
    for (const page of [shopper.page, agent.page]) await expectInert(page);
    expect([shopper.seen, agent.seen]).toEqual([
      { dialogs: [], errors: [] },
      { dialogs: [], errors: [] },
    ]);

    // The shopper closes the tab: after the grace time the chat is ended and leaves the console.
    await shopper.context.close();
    await chat.waitFor({ state: "detached", timeout: 15_000 });
    const ended = readEventLog(store.eventLogPath, new Warnings()).events.filter((event) => event.type === "chatEnded");
    expect(ended.map((event) => event.type === "chatEnded" && event.endedBy)).toEqual(["disconnected"]);

    // The team page: the chat in the figures and the archive, every payload as text.
    const lead = await newPage();
    await lead.page.goto("/agent");
    await lead.page.locator(byTest("agent-name")).fill("demo-admin");
    await lead.page.locator(byTest("agent-password")).fill(store.demoAccounts.find((account) => account.username === "demo-admin")!.password);
    await lead.page.locator(byTest("agent-sign-in-submit")).click();
    await lead.page.locator(byTest("team-link")).click();
    await lead.page.locator(byTest("team-figures")).waitFor();
    const alexRow = lead.page.locator(`${byTest("team-row")}[data-agent-id="alex"]`);
    expect(await alexRow.locator("td").nth(1).textContent()).toBe(`A ${XSS}`);
    expect(await alexRow.locator("td").nth(2).textContent()).toBe("1");
    expect(await alexRow.locator("td").nth(6).textContent()).toBe("1");
    await lead.page.locator(byTest("transcript-query")).fill("onerror");
    await lead.page.locator(`${byTest("transcripts")} button`).click();
    await lead.page.locator(byTest("transcript")).filter({ hasText: XSS }).first().waitFor();
    await lead.page.screenshot({ path: `${ARTIFACTS}/team-page.png`, fullPage: true, animations: "disabled" });
    await expectInert(lead.page);
    expect(await axeViolations(lead.page, "main")).toEqual([]);
    expect(lead.seen).toEqual({ dialogs: [], errors: [] });
  });

  it("a queued chat whose shopper left is taken off the queue, never waiting forever", async () => {
    const shopper = await newPage();
    await shopper.page.goto("/");
    await shopper.page.locator(byTest("chat-help-button")).click();
    await shopper.page.locator('#convsim-chat[data-chat-status="queued"]').waitFor();
    const agent = await newPage();
    await agent.page.goto("/agent");
    await agent.page.locator(byTest("agent-name")).fill("alex");
    await agent.page.locator(byTest("agent-password")).fill("a long test password");
    await agent.page.locator(byTest("agent-sign-in-submit")).click();
    // Only this test's chat (a help request): a chat left by an earlier failed test must not mask it.
    const asked = agent.page.locator(byTest("queue-item")).filter({ hasText: "Asked for help" });
    await asked.waitFor();
    await shopper.context.close();
    await asked.waitFor({ state: "detached", timeout: 15_000 });
  });

  it("after a chat with an agent ends the widget asks for a 1-5 rating and a comment, once; the rating is logged", async () => {
    const rated = await startStore({ port: 0, dataDir: tempDataDir(), autoAgents: 1, botDelaySeconds: 0.1, botHandleSeconds: 1.5 });
    try {
      const context = await browser.newContext({ baseURL: rated.url });
      contexts.push(context);
      const page = await context.newPage();
      const seen = watchPage(page);
      await page.goto("/");
      await page.locator(byTest("chat-help-button")).click();
      await page.locator('#convsim-chat[data-chat-status="ended"]').waitFor({ timeout: 10_000 });
      const form = page.locator(byTest("chat-rating"));
      await form.waitFor();
      expect(await axeViolations(page, "#convsim-chat")).toEqual([]);
      await page.locator(byTest("chat-rating-4")).check();
      await page.locator(byTest("chat-rating-comment")).fill(XSS);
      await page.locator(byTest("chat-rating-submit")).click();
      await page.locator(byTest("chat-rating-thanks")).waitFor();
      expect(await form.isHidden()).toBe(true);
      await expectInert(page);
      expect(seen).toEqual({ dialogs: [], errors: [] });
      const events = readEventLog(rated.eventLogPath, new Warnings()).events.filter((event) => event.type === "chatRated");
      expect(events).toEqual([expect.objectContaining({ rating: 4, comment: XSS, agentId: expect.stringMatching(/^BOT-/) })]);
      const again = await api(page, "POST", "/api/chat/rating", { chatId: (events[0] as { chatId: string }).chatId, rating: 5 });
      expect([again.status, again.json.error]).toEqual([409, expect.stringMatching(/already rated$/)]);
    } finally {
      await rated.close();
    }
  });

  it("presence away and back, typing shown both ways, canned replies edited by an admin and offered in an agent's console", async () => {
    const password = (username: string) => store.demoAccounts.find((account) => account.username === username)!.password;
    const signIn = async (page: Page, username: string) => {
      await page.goto("/agent");
      await page.locator(byTest("agent-name")).fill(username);
      await page.locator(byTest("agent-password")).fill(password(username));
      await page.locator(byTest("agent-sign-in-submit")).click();
      await page.locator(`${byTest("agent-status")}:text-is("Online"), ${byTest("agent-status")}:text-is("Offline")`).waitFor();
    };
    const shopper = await newPage();
    await shopper.page.goto("/");
    await shopper.page.locator(byTest("chat-help-button")).click();
    await shopper.page.locator('#convsim-chat[data-chat-status="queued"]').waitFor();
    const agent = await newPage();
    await signIn(agent.page, "demo-agent-1");
    const status = agent.page.locator(byTest("agent-status"));
    await agent.page.locator(byTest("agent-away-toggle")).click();
    await agent.page.locator(`${byTest("agent-status")}:text-is("Away")`).waitFor();
    const take = agent.page.locator(byTest("queue-item")).filter({ hasText: "Asked for help" }).first().locator(byTest("queue-take"));
    await expect.poll(() => take.isDisabled(), { timeout: 30_000 }).toBe(true);
    await agent.page.locator(byTest("agent-away-toggle")).click();
    await agent.page.locator(`${byTest("agent-status")}:text-is("Online")`).waitFor();
    expect(await status.textContent()).toBe("Online");
    await take.click();
    await shopper.page.locator('#convsim-chat[data-chat-status="active"]').waitFor();

    // Typing, shopper → agent, then agent → shopper.
    const chat = agent.page.locator(byTest("agent-chat")).last();
    await shopper.page.locator(byTest("chat-input")).pressSequentially("hel");
    await chat.locator(`${byTest("shopper-typing")}:text-is("Shopper is typing…")`).waitFor({ timeout: 30_000 });
    await chat.locator(byTest("agent-reply-input")).pressSequentially("one moment");
    await shopper.page.locator(`${byTest("chat-typing")}:text-is("Demo agent 1 is typing…")`).waitFor({ timeout: 30_000 });
    // Sending ends the sender's typing at once.
    await chat.locator(byTest("agent-reply-send")).click();
    await shopper.page.locator(`${byTest("chat-typing")}:text-is("")`).waitFor({ timeout: 30_000 });

    // An admin edits the team's canned replies in the console; the agent's console offers them.
    const lead = await newPage();
    await signIn(lead.page, "demo-admin");
    await lead.page.locator("summary", { hasText: "Canned replies" }).click();
    await lead.page.locator(byTest("canned-replies-editor")).fill(`Hi there!\n\n  Anything else ${XSS}?  `);
    await lead.page.locator(byTest("canned-replies-save")).click();
    const offered = () =>
      agent.page
        .locator(byTest("agent-chat"))
        .last()
        .locator(`${byTest("canned-reply")} option`)
        .allTextContents();
    await expect.poll(offered, { timeout: 30_000 }).toEqual(["Canned reply…", "Hi there!", `Anything else ${XSS}?`]);
    expect(await axeViolations(lead.page, byTest("agent-console"))).toEqual([]);
    expect(await axeViolations(agent.page, byTest("agent-console"))).toEqual([]);
    expect(await axeViolations(shopper.page, "#convsim-chat")).toEqual([]);
    for (const page of [agent.page, lead.page, shopper.page]) await expectInert(page);
    expect([agent.seen, lead.seen, shopper.seen]).toEqual(new Array(3).fill({ dialogs: [], errors: [] }));
  }, 180_000);
});
