import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../browser/index.ts";
import { RECORDER_BINDING, type RecordedEvent, type RecorderConfig, recorderScript } from "./pageRecorder.ts";

// A checkout form and a chat widget with its own form, at known places: the recorder's confusion
// input must be what the widget's own meter reads (sim/policy ConfusionMeter fed by widget.ts), which
// leaves out everything inside the widget.
const PAGE = `<!doctype html><html><body style="margin:0">
<form id="checkout"><input id="email" name="email" style="position:absolute;left:10px;top:10px;width:200px;height:30px"></form>
<div id="chat" style="position:fixed;left:300px;top:200px;width:200px;height:100px">
  <form><input id="message" name="message" style="width:180px;height:30px"></form>
  <button id="send" style="width:100px;height:40px">Send</button>
</div>
</body></html>`;
const URL = "http://recorder.test/checkout";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type ConfusionInput = Extract<RecordedEvent, { type: "confusionInput" }>;

/** A page served at URL with the recorder installed under `widget`; its confusion input events. */
async function recordedPage(widget: string | null): Promise<{ context: BrowserContext; page: Page; confusion: () => ConfusionInput[] }> {
  const context = await browser.newContext({ viewport: { width: 800, height: 400 } });
  const events: RecordedEvent[] = [];
  await context.exposeBinding(RECORDER_BINDING, (_source, payload: string) => {
    events.push(JSON.parse(payload) as RecordedEvent);
  });
  const config: RecorderConfig = { invitation: null, widgetReady: null, widget, inputEvents: ["click", "keydown"], queuePath: null, watch: [] };
  await context.addInitScript({ content: recorderScript(config) });
  await context.route(URL, (route) => route.fulfill({ contentType: "text/html", body: PAGE }));
  const page = await context.newPage();
  await page.goto(URL);
  return { context, page, confusion: () => events.filter((event): event is ConfusionInput => event.type === "confusionInput") };
}

/** Focus and edit the checkout's e-mail, type to the agent and send, then click the page twice. */
async function shop(page: Page): Promise<void> {
  await page.fill("#email", "a@b.c");
  await page.fill("#message", "hello");
  await page.click("#send");
  await page.click("#email"); // after the widget: commits the message's change event first
  await page.mouse.click(600, 50);
}

/** Each confusion input as a line; a click is named by the element whose box it falls in (or its position). */
async function described(page: Page, inputs: readonly ConfusionInput[]): Promise<string[]> {
  const boxes = await Promise.all(["#email", "#message", "#send"].map(async (selector) => ({ selector, box: await page.locator(selector).boundingBox() })));
  return inputs.map((input) => {
    if (input.kind !== "click") return `${input.kind} ${input.field}`;
    const hit = boxes.find(({ box }) => box !== null && input.x >= box.x && input.x <= box.x + box.width && input.y >= box.y && input.y <= box.y + box.height);
    return `click ${hit?.selector ?? `${input.x},${input.y}`}`;
  });
}

describe("recorderScript's confusion input", () => {
  it("leaves out focus, edits and clicks inside the chat widget, as the widget's own meter does", async () => {
    const { context, page, confusion } = await recordedPage("#chat");
    try {
      await shop(page);
      await expect.poll(() => confusion().filter((event) => event.kind === "click" && event.x === 600).length).toBe(1);
      // fill() focuses and edits; the second click on #email focuses it again. Nothing of #message or #send.
      expect(await described(page, confusion())).toEqual(["focus email", "edit email", "focus email", "click #email", "click 600,50"]);
    } finally {
      await context.close();
    }
  });

  it("without a widget selector (a store without chat) every form field and click counts", async () => {
    const { context, page, confusion } = await recordedPage(null);
    try {
      await shop(page);
      await expect.poll(() => confusion().filter((event) => event.kind === "click" && event.x === 600).length).toBe(1);
      expect(await described(page, confusion())).toEqual([
        "focus email",
        "edit email",
        "focus message",
        "edit message",
        "click #send",
        "focus email",
        "click #email",
        "click 600,50",
      ]);
    } finally {
      await context.close();
    }
  });

  it("a widget selector the page's CSS engine rejects excludes nothing and does not break the page", async () => {
    const { context, page, confusion } = await recordedPage("text=Send >> nth=0");
    try {
      await shop(page);
      await expect.poll(() => confusion().filter((event) => event.kind === "click").length).toBe(3);
      expect(await page.inputValue("#email")).toBe("a@b.c");
    } finally {
      await context.close();
    }
  });
});
