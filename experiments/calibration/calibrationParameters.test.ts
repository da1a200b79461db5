import { describe, expect, it } from "vitest";
import type { StoreScenario } from "../scenario/index.ts";
import { planParameters } from "./calibrationParameters.ts";
import { emptyChatCounts } from "./observedChat.ts";
import type { ObservedFunnel, ObservedStep } from "./observedFunnel.ts";
import { fastBaselineData, loadData } from "./testFunnel.ts";

const scenario = loadData(fastBaselineData()).scenario as StoreScenario;
const step = (index: number, name: string, reasons: ObservedStep["reasons"] = null): ObservedStep => ({
  step: name,
  index,
  reached: 100,
  continued: 80,
  reasons,
});

describe("planParameters", () => {
  it("planParameters(baseline, totals per step) fits add-to-cart and one factor per step, keeping the shared parameters", () => {
    const observed: ObservedFunnel = {
      steps: ["browse", "cart", "account", "shipping", "payment", "review"].map((name, index) => step(index, name)),
      notes: [],
      chat: emptyChatCounts(),
    };
    const plan = planParameters(scenario, observed);
    expect(plan.parameters.map((parameter) => [parameter.name, parameter.values.length, parameter.targets])).toEqual([
      ["add to cart", 3, [{ index: 0, cell: "continued" }]],
      ["cart hazards", 1, [{ index: 1, cell: "abandoned" }]],
      ["account hazards", 1, [{ index: 2, cell: "abandoned" }]],
      ["shipping hazards", 2, [{ index: 3, cell: "abandoned" }]],
      ["payment hazards", 4, [{ index: 4, cell: "abandoned" }]],
      ["review hazards", 3, [{ index: 5, cell: "abandoned" }]],
    ]);
    expect(plan.parameters[3].values.map((value) => value.path)).toEqual([
      ["funnel", "steps", 1, "hazards", "deliveryTooSlow"],
      ["funnel", "steps", 1, "hazards", "returnsPolicy"],
    ]);
    expect(plan.fixed.map((entry) => entry.path)).toEqual([
      "funnel.stickerShock.sensitivity",
      "funnel.stickerShock.hiddenTotalHazardPerStep",
      "funnel.friction.hazardPerError",
    ]);
    expect(plan.fixed[0].why).toMatch(/^needs "extraCostsTooHigh" abandonment counts at shipping, the step that reveals the total/);
  });

  it("planParameters(baseline, reasons at shipping and payment) gives listed reasons their own factor and fits sticker shock and friction where they act alone", () => {
    const observed: ObservedFunnel = {
      steps: [
        step(3, "shipping", { extraCostsTooHigh: 9, deliveryTooSlow: 4, checkoutTooLongOrComplicated: 1 }),
        step(4, "payment", { didNotTrustCardDetails: 5, checkoutTooLongOrComplicated: 1 }),
      ],
      notes: [],
      chat: emptyChatCounts(),
    };
    const plan = planParameters(scenario, observed);
    expect(plan.parameters.map((parameter) => parameter.name)).toEqual([
      "shipping × deliveryTooSlow",
      "payment × didNotTrustCardDetails",
      "sticker shock sensitivity",
      "friction hazard per error",
    ]);
    expect(plan.parameters[3].targets).toEqual([
      { index: 3, cell: "checkoutTooLongOrComplicated" },
      { index: 4, cell: "checkoutTooLongOrComplicated" },
    ]);
    expect(plan.fixed.map((entry) => entry.path)).toEqual([
      "segments[*].addToCartProbability",
      "funnel.cart.hazards.justBrowsing",
      "funnel.steps[0].hazards.accountRequired",
      "funnel.steps[1].hazards.returnsPolicy",
      "funnel.steps[2].hazards.websiteErrors",
      "funnel.steps[2].hazards.tooFewPaymentMethods",
      "funnel.steps[2].hazards.cardDeclined",
      "funnel.steps[3].hazards.checkoutTooLongOrComplicated",
      "funnel.steps[3].hazards.returnsPolicy",
      "funnel.steps[3].hazards.websiteErrors",
      "funnel.stickerShock.hiddenTotalHazardPerStep",
    ]);
  });
});
