import { describe, expect, it } from "vitest";
import { ENVIRONMENT_LAG_SECONDS, failureCause } from "./failureCause.ts";

describe("failureCause", () => {
  it("failureCause suspects the environment only for timing failures while the harness lagged", () => {
    const lagged = ENVIRONMENT_LAG_SECONDS + 0.5;
    expect(failureCause("funnel", "payment: page slow: it took 9.1 s to show (limit 4 s)", lagged)).toBe("environment suspected");
    expect(failureCause("funnel", "cart: #go is not on the page within 2 s (at /cart)", lagged)).toBe("environment suspected");
    expect(failureCause("stepTimings", "cart loaded in 6.2 s", lagged)).toBe("environment suspected");
    // Waits for a change after a click, or for an overlay to go, ran out: timing failures as well.
    expect(failureCause("funnel", "login: #signup-btn could be clicked but did not respond (at /#/signup)", lagged)).toBe("environment suspected");
    expect(failureCause("funnel", "login: the cookie consent (#consent) did not close on #accept-cookies (at /#/signup)", lagged)).toBe(
      "environment suspected",
    );
    expect(failureCause("funnel", "login: the cookie consent (#consent) did not close on #accept-cookies (at /#/signup)", 0.1)).toBe("store");
    expect(failureCause("funnel", "payment: page slow: it took 9.1 s to show (limit 4 s)", 0.1)).toBe("store");
    expect(failureCause("money", "cart: total shows $10.00, expected 12.00 (10.00 + 2.00)", lagged)).toBe("store");
    expect(failureCause("funnel", 'login refused: the store says "Wrong password"', lagged)).toBe("store");
    expect(failureCause("funnel", "confirmation: store error: POST /api/order answered 500 (at /pay)", lagged)).toBe("store");
  });
});
