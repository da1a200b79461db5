import { describe, expect, it } from "vitest";
import * as analytic from "./index.ts";

describe("sim/analytic index", () => {
  it("re-exports exactly the public functions and constants", () => {
    expect(Object.keys(analytic).sort()).toEqual([
      "DEFAULT_TARGET_SECONDS",
      "chatPoolFigures",
      "erlangA",
      "erlangB",
      "erlangC",
      "erlangCMetrics",
      "mmck",
      "requiredAgents",
      "stationaryDistribution",
      "trunkReservationFigures",
    ]);
    expect(analytic.DEFAULT_TARGET_SECONDS).toBe(20);
  });
});
