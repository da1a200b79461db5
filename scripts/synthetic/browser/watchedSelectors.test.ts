import { describe, expect, it } from "vitest";
import { testScenario } from "../../store/testing/testStore.ts";
import { loadProfile } from "../profiles/loadProfile.ts";
import { watchedSelectors } from "./watchedSelectors.ts";

describe("watchedSelectors", () => {
  it("watchedSelectors(demo) lists every marker, form error and the agent's message once, in profile order", () => {
    const profile = loadProfile("demo", { scenario: testScenario() });
    const watched = watchedSelectors(profile);
    expect(watched.slice(0, 4)).toEqual([
      '[data-test="product-card"]',
      '[data-test="product-detail"]',
      '[data-test="cart-line"]',
      '[data-test="checkout-form"][data-step="account"]',
    ]);
    expect(watched).toContain('[data-test="form-errors"]');
    expect(watched).toContain('[data-test="field-error-postalCode"]');
    expect(watched).toContain('[data-test="order-confirmation"]');
    expect(watched.at(-1)).toBe('[data-test="chat-message"][data-from="agent"]');
    expect(new Set(watched).size).toBe(watched.length);
  });
});
