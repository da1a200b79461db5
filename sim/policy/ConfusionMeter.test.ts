import { describe, expect, it } from "vitest";
import { type ConfusionMemory, ConfusionMeter, newConfusionMemory } from "./ConfusionMeter.ts";
import { CONFUSION_THRESHOLDS, type ConfusionCause } from "./confusionThresholds.ts";

const STEPS = ["account", "shipping", "payment", "review"];

function meter(memory: ConfusionMemory = newConfusionMemory()): { meter: ConfusionMeter; causes: ConfusionCause[] } {
  const causes: ConfusionCause[] = [];
  return { meter: new ConfusionMeter(memory, (cause) => causes.push(cause)), causes };
}

/** Loads the pages of `steps` in order, carrying the memory from page to page as the widget does. */
function walk(steps: readonly string[]): { memory: ConfusionMemory; causes: ConfusionCause[] } {
  let memory = newConfusionMemory();
  const causes: ConfusionCause[] = [];
  for (const step of steps) {
    const page = new ConfusionMeter(memory, (cause) => causes.push(cause));
    page.arrive(step, STEPS);
    memory = page.memory;
  }
  return { memory, causes };
}

describe("ConfusionMeter", () => {
  it(`focus(field) confuses at the ${CONFUSION_THRESHOLDS.fieldFocusCount}rd focus of one field, not at focuses spread over fields`, () => {
    const { meter: page, causes } = meter();
    for (const field of ["cardNumber", "expiry", "cvc", "cardNumber", "expiry"]) page.focus(field);
    expect(page.confused).toBe(false);
    page.focus("cardNumber");
    expect(page.confused).toBe(true);
    expect(causes).toEqual(["refocus"]);
  });

  it("edit(field) confuses at the third committed change of one field and reports once", () => {
    const { meter: page, causes } = meter();
    page.edit("postalCode");
    page.edit("postalCode");
    expect(page.confused).toBe(false);
    page.edit("postalCode");
    expect(page.confused).toBe(true);
    page.edit("postalCode");
    page.focus("x");
    page.focus("x");
    page.focus("x");
    expect(causes).toEqual(["reedit"]);
    expect(page.memory).toMatchObject({ confused: true, cause: "reedit" });
  });

  it("click: three clicks within 1 s and 30 px of the first confuse; slower or scattered clicks do not", () => {
    const slow = meter();
    for (const atMs of [0, 600, 1200, 1800]) slow.meter.click(100, 100, atMs);
    expect(slow.meter.confused).toBe(false);
    const scattered = meter();
    for (const [x, atMs] of [
      [100, 0],
      [140, 100],
      [180, 200],
    ])
      scattered.meter.click(x, 100, atMs);
    expect(scattered.meter.confused).toBe(false);
    const rapid = meter();
    for (const [x, atMs] of [
      [100, 0],
      [110, 300],
      [95, 1000],
    ])
      rapid.meter.click(x, 100, atMs);
    expect(rapid.causes).toEqual(["rapidClicks"]);
  });

  it("click: a burst that starts late on the clock is timed from its own first click", () => {
    // Clicks at 5.0 s, 5.3 s and 6.0 s: the third is exactly 1 s after the first, inside the window.
    const late = meter();
    for (const atMs of [5000, 5300, 6000]) late.meter.click(100, 100, atMs);
    expect(late.causes).toEqual(["rapidClicks"]);
  });

  it("click: a click exactly 30 px from the first of the burst still counts (within the radius)", () => {
    // (118, 124) and (124, 118) are both 30 px from (100, 100): hypot(18, 24) = 30, a 3-4-5 triangle.
    const edge = meter();
    edge.meter.click(100, 100, 0);
    edge.meter.click(118, 124, 100);
    edge.meter.click(124, 118, 200);
    expect(edge.causes).toEqual(["rapidClicks"]);
  });

  it("arrive: two returns to an earlier checkout step confuse; one does not, nor a reload or the cart", () => {
    expect(walk(["cart", "account", "shipping", "payment", "shipping", "payment", "payment", "cart"]).causes).toEqual([]);
    const twice = walk(["account", "shipping", "payment", "shipping", "payment", "account"]);
    expect(twice.causes).toEqual(["backAndForth"]);
    expect(twice.memory).toMatchObject({ confused: true, backSteps: 2, furthestStepIndex: 2, lastStep: "account" });
    // A re-rendered step (a form with errors) is not a return.
    expect(walk(["account", "shipping", "account", "account", "account"]).memory.backSteps).toBe(1);
  });

  it("a visit already confused stays confused on the next page and reports nothing again", () => {
    const { meter: page, causes } = meter({ ...newConfusionMemory(), confused: true, cause: "refocus" });
    expect(page.confused).toBe(true);
    for (let i = 0; i < 5; i++) page.focus("email");
    expect(causes).toEqual([]);
  });
});
