import { describe, expect, it } from "vitest";
import { ChildStream } from "../random/index.ts";
import { AUTO_SAVE, CHANNEL, FORM, JOURNEY, PADDING, PATIENCE, SELF_SERVICE, SHOPPER_STREAMS, Shopper } from "./Shopper.ts";
import { tinyStore } from "./testTinyStore.ts";

const KEYS = SHOPPER_STREAMS.map((_, index) => (index + 1) / 16);
const SEGMENT = { ...tinyStore("idleSeconds >= 1", 0).segments[0], device: "tablet" as const };

describe("Shopper", () => {
  it("a new shopper starts browsing with fresh signals, its clock at its arrival, and no chat, rescue or holdout", () => {
    const shopper = new Shopper(7, 0, SEGMENT, 125.5, KEYS, true);
    expect(shopper.id).toBe(7);
    expect(shopper.arrivedAtSeconds).toBe(125.5);
    expect(shopper.clockSeconds).toBe(125.5);
    expect(shopper.signals).toEqual({
      step: "browse",
      idleSeconds: 0,
      timeOnSiteSeconds: 0,
      pageViews: 0,
      cartValue: 0,
      formErrors: 0,
      confusion: false,
      exitIntent: false,
      returningVisitor: true,
      device: "tablet",
    });
    expect([shopper.chatted, shopper.holdout, shopper.rescued, shopper.belowThreshold, shopper.padded, shopper.rescuedHighValue]).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([shopper.autoSaveReturnAtSeconds, shopper.rescuedBy, shopper.backgroundChats, shopper.pendingDwellSeconds]).toEqual([null, -1, 0, 0]);
    expect(shopper.visit.invitationsThisVisit).toBe(0);
    expect(new Shopper(8, 0, SEGMENT, 0, KEYS, false).signals.returningVisitor).toBe(false);
  });

  it("stream(purpose) is child `id` of that purpose's key (as simulateStore documents), one stream per purpose kept across calls", () => {
    const shopper = new Shopper(42, 0, SEGMENT, 0, KEYS, false);
    expect(SHOPPER_STREAMS.length).toBe(12);
    expect([JOURNEY, PATIENCE, PADDING, FORM, SELF_SERVICE, CHANNEL, AUTO_SAVE].map((purpose) => SHOPPER_STREAMS[purpose])).toEqual([
      "journey",
      "patience",
      "padding",
      "form",
      "selfService",
      "channel",
      "autoSave",
    ]);
    for (let purpose = 0; purpose < SHOPPER_STREAMS.length; purpose++) {
      const expected = new ChildStream(KEYS[purpose], 42);
      const first = [expected.next(), expected.next()];
      const stream = shopper.stream(purpose);
      expect(stream.next()).toBe(first[0]);
      // The same stream again, carrying on where it stopped.
      expect(shopper.stream(purpose)).toBe(stream);
      expect(shopper.stream(purpose).next()).toBe(first[1]);
    }
    // Another shopper's streams are other children.
    expect(new Shopper(43, 0, SEGMENT, 0, KEYS, false).stream(JOURNEY).next()).toBe(new ChildStream(KEYS[JOURNEY], 43).next());
    expect(new Shopper(43, 0, SEGMENT, 0, KEYS, false).stream(PATIENCE).next()).not.toBe(new ChildStream(KEYS[PATIENCE], 42).next());
  });
});
