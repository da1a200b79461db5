import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.ts";
import { describeLayoutOverlap, findLayoutOverlaps } from "./layoutOverlaps.ts";

// Static pages whose geometry is known from their CSS: a 200×50 button and a fixed 100×100 overlay.
const OVERLAY = `<div id="overlay" style="position:fixed;right:0;bottom:0"><div data-test="bubble" style="width:100px;height:100px;background:#c00"></div><div hidden style="width:500px;height:500px"></div></div>`;
const page = (body: string) => `<!doctype html><html><body style="margin:0">${body}${OVERLAY}</body></html>`;
const OPTIONS = { overlay: "#overlay", controls: { pay: "#pay" } };

let browser: Browser;
let tab: Page;
beforeAll(async () => {
  browser = await launchChromium();
  tab = await browser.newPage({ viewport: { width: 400, height: 300 } });
});
afterAll(async () => {
  await browser?.close();
});

describe("findLayoutOverlaps", () => {
  it("findLayoutOverlaps(page) reports a control under the overlay with the overlap's exact box", async () => {
    await tab.setContent(page(`<button id="pay" style="position:absolute;left:250px;top:230px;width:200px;height:50px">Pay</button>`));
    const overlaps = await findLayoutOverlaps(tab, { ...OPTIONS, scrollEachIntoView: false });
    // Button 250..450 × 230..280, clipped by the 400×300 viewport to 250..400; overlay 300..400 × 200..300.
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({
      control: "pay",
      coveredBy: "div#overlay",
      part: 'div[data-test="bubble"]',
      scroll: "as loaded",
      controlBox: { x: 250, y: 230, width: 150, height: 50 },
      overlapBox: { x: 300, y: 230, width: 100, height: 50 },
    });
    expect(describeLayoutOverlap(overlaps[0])).toBe("the div#overlay covers pay (#pay) by 100×50 px at 400×300, as loaded");
  });

  it("findLayoutOverlaps(page) measures a painted overlay match whole (its padding covers), every match of the selector, named as a shopper would", async () => {
    // A panel with a background, 120×120 at the top left with 40 px of padding around its text, and a launcher
    // button at the bottom right: both matches of one selector. The control sits in the panel's padding only.
    await tab.setContent(
      `<!doctype html><html><body style="margin:0">
      <button id="pay" style="position:absolute;left:5px;top:5px;width:30px;height:30px">Pay</button>
      <button id="cart" style="position:absolute;left:330px;top:250px;width:40px;height:30px">Cart</button>
      <section id="panel" style="position:fixed;left:0;top:0;width:40px;height:40px;padding:40px;background:#fff"><p style="margin:0">Hi!</p></section>
      <button class="launcher wide" style="position:fixed;right:0;bottom:0;width:80px;height:60px;border:0;background:#00c">Chat</button>
      </body></html>`,
    );
    const overlaps = await findLayoutOverlaps(tab, { overlay: "#panel, .launcher", controls: { pay: "#pay", cart: "#cart" }, scrollEachIntoView: false });
    expect(overlaps.map(({ control, coveredBy, part, overlapBox }) => ({ control, coveredBy, part, overlapBox }))).toEqual([
      { control: "pay", coveredBy: 'section#panel "Hi!"', part: 'section#panel "Hi!"', overlapBox: { x: 5, y: 5, width: 30, height: 30 } },
      // Launcher 320..400 × 240..300; the cart button 330..370 × 250..280 lies inside it.
      { control: "cart", coveredBy: 'button.launcher.wide "Chat"', part: 'button.launcher.wide "Chat"', overlapBox: { x: 330, y: 250, width: 40, height: 30 } },
    ]);
  });

  it("findLayoutOverlaps(page) finds nothing when the control is clear of the overlay, and ignores the overlay's hidden parts", async () => {
    await tab.setContent(page(`<button id="pay" style="position:absolute;left:0;top:0;width:200px;height:50px">Pay</button>`));
    expect(await findLayoutOverlaps(tab, OPTIONS)).toEqual([]);
  });

  it("findLayoutOverlaps(page) scrolls each control to the bottom, where a fixed overlay covers it", async () => {
    await tab.setContent(
      page(
        `<div style="height:2000px"></div><button id="pay" style="display:block;margin-left:250px;width:120px;height:40px">Pay</button><div style="height:2000px"></div>`,
      ),
    );
    const overlaps = await findLayoutOverlaps(tab, OPTIONS);
    expect(overlaps.map((overlap) => overlap.scroll)).toEqual(["bottom"]);
    expect(await tab.evaluate(() => window.scrollY)).toBe(0);
  });

  it("findLayoutOverlaps(page) does not count the part of a control its scroll container clips away", async () => {
    // The control sits inside a container that ends above the overlay: clipped, it cannot be covered.
    await tab.setContent(
      page(
        `<div style="position:fixed;inset:0 0 110px 0;overflow:auto"><div style="height:180px"></div><button id="pay" style="display:block;margin-left:250px;width:120px;height:200px">Pay</button></div>`,
      ),
    );
    expect(await findLayoutOverlaps(tab, OPTIONS)).toEqual([]);
  });
});
