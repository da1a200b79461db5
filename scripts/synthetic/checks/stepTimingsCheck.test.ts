import { describe, expect, it } from "vitest";
import { observationsOf } from "../testing/observations.ts";
import { stepTimingsCheck } from "./stepTimingsCheck.ts";

describe("stepTimingsCheck", () => {
  it("stepTimingsCheck fails on the slowest page over the budget and passes otherwise", () => {
    const observations = observationsOf([
      { step: "cart", readyAt: 0, endAt: 1 },
      { step: "payment", readyAt: 2, endAt: 3 },
    ]);
    observations.visits[0].loadSeconds = 0.4;
    observations.visits[1].loadSeconds = 5.25;
    expect(stepTimingsCheck(observations, 5)).toMatchObject({
      status: "failed",
      reason: "payment took 5.25 s to load (budget 5 s)",
      evidence: ["cart: 0.400 s", "payment: 5.250 s"],
    });
    expect(stepTimingsCheck(observations, 6)).toMatchObject({ status: "passed", reason: "2 page loads within 6 s (slowest payment, 5.25 s)" });
    expect(stepTimingsCheck(observations, 0.3)).toMatchObject({ status: "failed", reason: "payment took 5.25 s to load (budget 0.3 s) (+1 more over budget)" });
  });
});
