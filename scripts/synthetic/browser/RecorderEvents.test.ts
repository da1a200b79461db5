import { describe, expect, it } from "vitest";
import { RecorderEvents } from "./RecorderEvents.ts";

const WATCH = [".cart", ".error", ".done"];

describe("RecorderEvents", () => {
  it("receive() tracks the current document, its visible markers, widget and load, and keeps markers out of events", () => {
    const recorded = new RecorderEvents(WATCH);
    // A new document's markers arrive while it is parsed, before its document event.
    recorded.receive({ type: "markers", doc: "b", at: 10, visible: [0] });
    expect(recorded.visibleOf([".cart"])).toBeNull();
    recorded.receive({ type: "document", doc: "b", at: 11, url: "http://shop/cart" });
    recorded.receive({ type: "widgetReady", doc: "b", at: 12 });
    recorded.receive({ type: "loaded", doc: "b", at: 13 });
    expect([recorded.currentDoc, recorded.visibleOf([".error", ".cart"]), recorded.widgetReady(), recorded.loadedAt()]).toEqual(["b", ".cart", true, 13]);
    recorded.receive({ type: "document", doc: "x", at: 14, url: "about:blank" });
    expect(recorded.currentDoc).toBe("b");
    expect(recorded.events.map((event) => event.type)).toEqual(["document", "widgetReady", "loaded"]);
  });

  it("watches(selectors) is false for unwatched selectors and for ones the page could not evaluate", () => {
    const recorded = new RecorderEvents(WATCH);
    expect([recorded.watches([".cart", ".done"]), recorded.watches([".cart", ".other"])]).toEqual([true, false]);
    recorded.receive({ type: "watchInvalid", doc: "a", at: 1, invalid: [2] });
    expect(recorded.watches([".done"])).toBe(false);
  });

  it("until(check, timeout) resolves on the event that makes check hold, false at the timeout or once closed", async () => {
    const recorded = new RecorderEvents(WATCH);
    recorded.receive({ type: "document", doc: "a", at: 1, url: "http://shop/" });
    const shown = recorded.until(() => recorded.visibleOf([".done"]) !== null, 1000);
    recorded.receive({ type: "markers", doc: "a", at: 2, visible: [2] });
    expect(await shown).toBe(true);
    expect(await recorded.until(() => recorded.invitationVisible, 20)).toBe(false);
    const pending = recorded.until(() => recorded.invitationVisible, 10_000);
    recorded.close();
    expect(await pending).toBe(false);
    expect(await recorded.until(() => false, 10_000)).toBe(false);
  });

  it("invitationVisible follows the current document's invitation and resets on a new document", () => {
    const recorded = new RecorderEvents(WATCH);
    recorded.receive({ type: "document", doc: "a", at: 1, url: "http://shop/" });
    recorded.receive({ type: "invitationShown", doc: "a", at: 2 });
    expect(recorded.invitationVisible).toBe(true);
    recorded.receive({ type: "document", doc: "b", at: 3, url: "http://shop/cart" });
    expect(recorded.invitationVisible).toBe(false);
  });
});
