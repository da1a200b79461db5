import { describe, expect, it } from "vitest";
import type { PersonaSpec } from "../persona/PersonaSpec.ts";
import { ACTION_SECONDS, visitPlan } from "./visitPlan.ts";

const PRODUCTS = [
  { id: "a", price: 10 },
  { id: "b", price: 30 },
  { id: "c", price: 50 },
  { id: "d", price: 100 },
];
const STEPS = ["account", "shipping", "payment", "review"];
const SPEC: PersonaSpec = {
  id: "persona1",
  index: 1,
  seed: "7:persona1",
  segment: "s",
  device: "desktop",
  reference: false,
  browsePicks: [0.9],
  items: [
    { pick: 0.3, quantity: 2 },
    { pick: 0.6, quantity: 1 },
    { pick: 0.0, quantity: 1 },
  ],
  targetCartValue: 70,
  pauses: [
    { step: "product", seconds: 40 },
    { step: "cart", seconds: 20 },
    { step: "payment", seconds: 90 },
  ],
  formErrors: [{ step: "shipping", field: "phone", value: "12" }],
  leave: null,
  invitationResponse: "dismiss",
  reactionSeconds: 2,
  values: {},
};

describe("visitPlan", () => {
  it("visitPlan(spec) walks as the browser persona: browse, products and back, each item's product page and cart until the target value, the steps, the confirmation", () => {
    const pages = visitPlan(SPEC, PRODUCTS, STEPS);
    expect(pages.map((page) => [page.step, page.path, page.idleSeconds])).toEqual([
      ["browse", "/", ACTION_SECONDS],
      ["product", "/products/d", 40], // the product pause on the first product page
      ["browse", "/", ACTION_SECONDS],
      ["product", "/products/b", ACTION_SECONDS], // 2 × 30 = 60 < 70: another item
      ["cart", "/cart", ACTION_SECONDS],
      ["browse", "/", ACTION_SECONDS],
      ["product", "/products/c", ACTION_SECONDS], // 60 + 50 ≥ 70: the last item
      ["cart", "/cart", 20], // the cart's pause once the last item is in
      ["account", "/checkout/account", ACTION_SECONDS],
      ["shipping", "/checkout/shipping", ACTION_SECONDS],
      ["payment", "/checkout/payment", 90],
      ["review", "/checkout/review", ACTION_SECONDS],
      ["confirmation", "/orders/", ACTION_SECONDS],
    ]);
    expect(pages.filter((page) => page.add !== null).map((page) => page.add)).toEqual([
      { productId: "b", unitPrice: 30, quantity: 2 },
      { productId: "c", unitPrice: 50, quantity: 1 },
    ]);
    expect(pages.find((page) => page.step === "shipping")!.formErrors).toEqual([{ step: "shipping", field: "phone", value: "12" }]);
  });

  it("visitPlan(spec) stops at the leave step after its linger, with exit intent", () => {
    const pages = visitPlan({ ...SPEC, leave: { step: "shipping", lingerSeconds: 55, exitIntent: true } }, PRODUCTS, STEPS);
    expect(pages.at(-1)).toMatchObject({ step: "shipping", leaves: true, idleSeconds: 55, exitIntent: true, formErrors: [] });
    expect(pages.filter((page) => page.leaves)).toHaveLength(1);
  });
});
