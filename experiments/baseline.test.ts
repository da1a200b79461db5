import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CHECKOUT_REASONS, type StoreResults, simulate } from "../sim/model/index.ts";
import { publishedFigure } from "./evidence/index.ts";
import { DEFAULT_THRESHOLD_PADDING, loadScenario } from "./scenario/index.ts";

// Published reference figures live in the repository (experiments/evidence), each with its source.
const figure = (id: string) => publishedFigure(id).value as number;
const baselinePath = fileURLToPath(new URL("./scenarios/baseline.yaml", import.meta.url));

// A week of traffic (~280k sessions, ~20k carts) keeps sampling noise well inside the tolerances:
// the standard error of the cart abandonment rate is about sqrt(0.7·0.3/20000) ≈ 0.003.
const results = simulate(loadScenario(baselinePath, { days: 7 }).config, { seed: 7 }) as StoreResults;

describe("baseline scenario reproduces published figures", () => {
  it("cart abandonment is Baymard's 70.19% within ±3 points", () => {
    expect(Math.abs(results.funnel.cartAbandonmentRate! - figure("cartAbandonment.average"))).toBeLessThanOrEqual(0.03);
  });

  it("conversion lies in Littledata's 1.4–3.2% band", () => {
    expect(results.funnel.conversionRate!).toBeGreaterThanOrEqual((publishedFigure("funnel.shopifyConversion").value as { average: number }).average);
    expect(results.funnel.conversionRate!).toBeLessThanOrEqual((publishedFigure("funnel.shopifyConversion").value as { top20pct: number }).top20pct);
  });

  it("add-to-cart rate is Dynamic Yield's 7.16% within ±1 point", () => {
    expect(Math.abs(results.funnel.addToCartRate! - figure("funnel.addToCartRate"))).toBeLessThanOrEqual(0.01);
  });

  it("average order value is $130 within ±10%", () => {
    expect(Math.abs(results.revenue.averageOrderValue! / figure("funnel.averageOrderValue") - 1)).toBeLessThanOrEqual(0.1);
  });

  it("checkout-reason mix matches Baymard's survey proportions within ±2 points each", () => {
    // The survey is multi-select; its proportions, normalised to sum to 1, are the target mix of
    // primary reasons among checkout abandonments (just browsing excluded, as in the survey).
    const survey = publishedFigure("checkoutReasons").value as Record<string, number>;
    const total = Object.values(survey).reduce((sum, share) => sum + share, 0);
    for (const reason of CHECKOUT_REASONS) {
      const expected = survey[reason] / total;
      const simulated = results.abandonment.checkoutReasonShares[reason]!;
      expect(Math.abs(simulated - expected), `${reason}: simulated ${simulated.toFixed(4)} vs survey ${expected.toFixed(4)}`).toBeLessThanOrEqual(0.02);
    }
    const top = CHECKOUT_REASONS.reduce((best, reason) =>
      results.abandonment.checkoutReasonShares[reason]! > results.abandonment.checkoutReasonShares[best]! ? reason : best,
    );
    expect(top).toBe("extraCostsTooHigh");
  });

  it("chat waits and durations are in the range of Comm100's live chat benchmark", () => {
    // Benchmark: average queue wait 35–46 s (2020/2019), average chat 715 s. The baseline is a lean
    // team; its answered-chat wait must land in 15–60 s and its mean handle time within ±15% of 715 s.
    expect(results.chat.meanWaitOfServedSeconds!).toBeGreaterThanOrEqual(15);
    expect(results.chat.meanWaitOfServedSeconds!).toBeLessThanOrEqual(60);
    expect(Math.abs(results.chat.meanHandleSeconds! / figure("liveChat.averageChatDurationSeconds") - 1)).toBeLessThanOrEqual(0.15);
  });

  it("free-shipping padding: the padded share of below-threshold orders lies in Hemmati et al.'s 12.4–28.4%", () => {
    const [low, high] = publishedFigure("freeShipping.orderPadding").value as [number, number];
    expect(results.freeShipping.paddedOrderShare!).toBeGreaterThanOrEqual(low);
    expect(results.freeShipping.paddedOrderShare!).toBeLessThanOrEqual(high);
  });

  it("free-shipping padding: carts topped up ÷ carts within reach is the padding probability within a 99% binomial interval", () => {
    const { cartsWithinReach, paddedCarts } = results.freeShipping;
    const p = DEFAULT_THRESHOLD_PADDING.probability;
    expect(cartsWithinReach).toBeGreaterThan(1000);
    expect(Math.abs(paddedCarts / cartsWithinReach - p)).toBeLessThanOrEqual(2.576 * Math.sqrt((p * (1 - p)) / cartsWithinReach));
  });

  it("cart abandonment by device shows Barilliance's gaps over desktop (mobile +12.6, tablet +7.7 points) within ±3 points", () => {
    // Barilliance's levels (73–86%) sit above Baymard's 70%: the baseline matches the gaps, not the
    // levels, while the overall rate stays at Baymard's (first test).
    const published = publishedFigure("cartAbandonment.byDevice").value as Record<"desktop" | "mobile" | "tablet", number>;
    const byDevice = results.funnel.byDevice;
    for (const device of ["mobile", "tablet"] as const) {
      const gap = byDevice[device].cartAbandonmentRate! - byDevice.desktop.cartAbandonmentRate!;
      const publishedGap = published[device] - published.desktop;
      expect(Math.abs(gap - publishedGap), `${device}: simulated gap ${gap.toFixed(4)} vs published ${publishedGap.toFixed(4)}`).toBeLessThanOrEqual(0.03);
    }
    const carts = byDevice.desktop.carts + byDevice.mobile.carts + byDevice.tablet.carts;
    expect(carts).toBe(results.funnel.carts);
  });

  it("returning visitors add to cart 15 ÷ 8 times as often as new ones (Monetate) within ±10%, and the premium carries through to conversion", () => {
    const monetate = publishedFigure("visitors.returningVsNew").value as { addToCartReturning: number; addToCartNew: number };
    const publishedRatio = monetate.addToCartReturning / monetate.addToCartNew;
    const { new: first, returning } = results.funnel.byVisitor;
    expect(first.sessions + returning.sessions).toBe(results.funnel.sessions);
    expect(Math.abs(returning.addToCartRate! / first.addToCartRate! / publishedRatio - 1)).toBeLessThanOrEqual(0.1);
    // Checkout treats both alike (an assumption), so the conversion premium is about the add-to-cart one.
    expect(Math.abs(returning.conversionRate! / first.conversionRate! / publishedRatio - 1)).toBeLessThanOrEqual(0.15);
  });
});
