// The chat widget never covers what a shopper needs to buy: on every store page, at common desktop
// and phone sizes, with the widget closed, open, closed again (remembered on the next page) and
// reopened, the bounding boxes of the primary buttons and the order summary are measured in
// Chromium against the widget's (findLayoutOverlaps, shared with the synthetic checks).

import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeLayoutOverlap, findLayoutOverlaps } from "../../browser/index.ts";
import { DATA_TEST } from "../dataTestAttributes.ts";
import { type StoreHandle, startStore } from "../startStore.ts";
import { byTest, launchChromium, watchPage } from "../testing/testBrowser.ts";
import { BASELINE_ANSWERS, tempDataDir } from "../testing/testStore.ts";

/** Common sizes: two desktop screens and two phones (touch, mobile viewport). */
const VIEWPORTS: Array<{ name: string; options: BrowserContextOptions }> = [
  { name: "desktop 1280×800", options: { viewport: { width: 1280, height: 800 } } },
  { name: "desktop 1920×1080", options: { viewport: { width: 1920, height: 1080 } } },
  { name: "mobile 375×667", options: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } },
  { name: "mobile 390×844", options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
];
/** What the widget must never cover: the primary buttons, the order summary and its total. */
const PROTECTED_CONTROLS: Readonly<Record<string, string>> = {
  "add to cart": byTest(DATA_TEST.addToCart),
  checkout: byTest(DATA_TEST.checkoutStart),
  "continue / place order": byTest(DATA_TEST.checkoutContinue),
  "order summary": byTest(DATA_TEST.orderSummary),
  total: byTest(DATA_TEST.total),
  "order total": byTest(DATA_TEST.orderTotal),
};
const WIDGET = byTest(DATA_TEST.chatWidget);
const CHECKOUT_STEPS = ["account", "shipping", "payment", "review"];

let browser: Browser;
let store: StoreHandle;
beforeAll(async () => {
  browser = await launchChromium();
  // Bots take each chat at once and keep it for the whole test, so the panel has an active chat to show.
  store = await startStore({ port: 0, dataDir: tempDataDir(), autoAgents: 4, botDelaySeconds: 0.2, botHandleSeconds: 600 });
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

/** Loads `path` and waits until the widget has rendered its state for the page. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("#convsim-chat[data-in-chat]").waitFor({ state: "attached" });
  await afterLayout(page);
}
/** Two animation frames: the widget's ResizeObserver has docked it and the page is laid out again. */
async function afterLayout(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
async function panelShown(page: Page): Promise<boolean> {
  return page.locator(byTest(DATA_TEST.chatPanel)).isVisible();
}
/** A JSON API call from the page's own cookies, with a CSRF token, as the widget makes it. */
async function api(context: BrowserContext, path: string, data: unknown): Promise<any> {
  const token = ((await (await context.request.get("/api/csrf-token")).json()) as { token: string }).token;
  const answer = await context.request.post(path, { data, headers: { "x-csrf-token": token } });
  if (!answer.ok()) throw new Error(`${path}: ${answer.status()} ${await answer.text()}`);
  return answer.json();
}

describe("chat widget layout in Chromium", () => {
  for (const { name, options } of VIEWPORTS) {
    it(`at ${name} the widget covers no primary button or total on any page, open, closed or reopened, and stays closed across pages`, async () => {
      const context = await browser.newContext({ ...options, baseURL: store.url });
      try {
        const page = await context.newPage();
        const seen = watchPage(page);
        const overlaps: string[] = [];
        const measure = async (label: string): Promise<void> => {
          for (const overlap of await findLayoutOverlaps(page, { overlay: WIDGET, controls: PROTECTED_CONTROLS }))
            overlaps.push(`${label}: ${describeLayoutOverlap(overlap)}`);
        };

        await visit(page, "/");
        expect(await panelShown(page)).toBe(false);
        await measure("browse, closed, no chat yet");

        // Each page is reached in the state the last one left, measured, then toggled and measured again,
        // so every page is seen open and closed, and each state is also seen straight after a page load.
        const pages = ["/products/linen-shirt", "/cart", ...CHECKOUT_STEPS.map((step) => `/checkout/${step}`), "confirmation"];
        let open = false;
        const toggle = async (label: string): Promise<void> => {
          await page.locator(byTest(open ? DATA_TEST.chatClose : DATA_TEST.chatHelpButton)).click();
          await page.locator(byTest(DATA_TEST.chatPanel)).waitFor({ state: open ? "hidden" : "visible" });
          open = !open;
          await afterLayout(page);
          await measure(`${label}, ${open ? "reopened" : "closed"}`);
        };
        await toggle("browse");
        let orderId = "";
        for (const path of pages) {
          const label = path === "confirmation" ? "confirmation" : path;
          await visit(page, path === "confirmation" ? `/orders/${orderId}` : path);
          // A closed panel stays closed on the next page of the visit; an open one stays open.
          expect(await panelShown(page), `${label}: panel shown after the page load`).toBe(open);
          await measure(`${label}, ${open ? "open" : "closed"} on arrival`);
          await toggle(label);
          if (path === "/products/linen-shirt") await api(context, "/api/cart", { productId: "linen-shirt", quantity: 1 });
          const step = CHECKOUT_STEPS.find((candidate) => path === `/checkout/${candidate}`);
          if (step !== undefined) {
            const answer = await api(context, `/api/checkout/${step}`, BASELINE_ANSWERS[step]);
            if (step === "review") orderId = answer.order.orderId;
          }
        }
        expect(overlaps).toEqual([]);
        expect(seen.errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("the measurement has teeth: without the dock, the open panel covers the cart's checkout button at 375×667", async () => {
    const context = await browser.newContext({ ...VIEWPORTS[2].options, baseURL: store.url });
    try {
      const page = await context.newPage();
      await visit(page, "/");
      await api(context, "/api/cart", { productId: "linen-shirt", quantity: 1 });
      await visit(page, "/cart");
      await page.locator(byTest(DATA_TEST.chatHelpButton)).click();
      await page.locator(byTest(DATA_TEST.chatPanel)).waitFor({ state: "visible" });
      await afterLayout(page);
      expect(await findLayoutOverlaps(page, { overlay: WIDGET, controls: PROTECTED_CONTROLS })).toEqual([]);
      // The page as it was before the dock: scrolling under a fixed panel. A rule rather than removing the
      // class, which the widget puts back when it resizes (through the CSSOM: the store's CSP refuses inline styles).
      await page.evaluate(() => {
        const sheet = document.styleSheets[0];
        sheet.insertRule("html.cs-docked, html.cs-docked body { position: static !important; overflow: visible !important; }", sheet.cssRules.length);
      });
      await afterLayout(page);
      const undocked = await findLayoutOverlaps(page, { overlay: WIDGET, controls: PROTECTED_CONTROLS });
      expect(undocked.map((overlap) => overlap.control)).toContain("checkout");
    } finally {
      await context.close();
    }
  });
});
