import { describe, expect, it } from "vitest";
import type { InvitationWindow } from "../results/checkResults.ts";
import { policyConformance } from "./policyConformance.ts";

const window = (step: string, predicted: number | null, observed: number | null, agree = true, trigger: "idle" | "exitIntent" = "idle"): InvitationWindow => ({
  persona: "persona0",
  step,
  trigger,
  startSeconds: 0,
  lengthSeconds: 40,
  predictedSeconds: predicted,
  predictedRule: predicted === null ? null : "idle-payment",
  earliestSeconds: predicted,
  blockedBy: null,
  observedSeconds: observed,
  observedRule: observed === null ? null : "idle-payment",
  timingErrorSeconds: predicted !== null && observed !== null ? observed - predicted : null,
  agree,
  problem: agree ? null : "x",
});

describe("policyConformance", () => {
  it("policyConformance counts windows, fires and fire rates per step and trigger, with timing errors of matched fires", () => {
    const rows = policyConformance([
      window("payment", 30, 30.02),
      window("payment", 30, 29.99),
      window("payment", null, null),
      window("payment", null, 5, false),
      window("cart", 0, 0.05, true, "exitIntent"),
    ]);
    expect(rows).toEqual([
      {
        step: "payment",
        trigger: "idle",
        rules: ["idle-payment"],
        windows: 4,
        predictedFires: 2,
        observedFires: 3,
        predictedFireRate: 0.5,
        observedFireRate: 0.75,
        meanTimingErrorSeconds: 0.005,
        maxTimingErrorSeconds: 0.02,
        agree: false,
      },
      {
        step: "cart",
        trigger: "exitIntent",
        rules: ["idle-payment"],
        windows: 1,
        predictedFires: 1,
        observedFires: 1,
        predictedFireRate: 1,
        observedFireRate: 1,
        meanTimingErrorSeconds: 0.05,
        maxTimingErrorSeconds: 0.05,
        agree: true,
      },
    ]);
  });
});
