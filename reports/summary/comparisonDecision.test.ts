import { describe, expect, it } from "vitest";
import { comparisonFixture, estimate, withAbTestPlan } from "../testing/index.ts";
import { comparisonDecision, DEFAULT_MINIMUM_RELATIVE_EFFECT, MAX_FEASIBLE_TEST_DAYS } from "./comparisonDecision.ts";

describe("comparisonDecision", () => {
  it("comparisonDecision launches a variant that beats the control by more than the minimum effect, naming its guardrail harms", () => {
    const decision = comparisonDecision(comparisonFixture());
    expect(decision.verdict).toBe("launch");
    expect(decision.choice).toBe("idle-on-payment");
    expect(decision.primary?.metric).toBe("conversionRate");
    expect(DEFAULT_MINIMUM_RELATIVE_EFFECT).toBe(0.01);
    // The fixture's idle-on-payment lowers service level and raises queue abandonment and mean wait, all significantly.
    expect(decision.harms.map((harm) => harm.metric)).toEqual(["serviceLevel", "queueAbandonmentRate", "meanWaitSeconds"]);
  });

  it("comparisonDecision calls a significant change below the minimum effect 'too small to matter' and keeps the control", () => {
    // +0.41 pp on 2.137% is a 19% relative lift: below a 25% minimum it does not matter.
    const decision = comparisonDecision(comparisonFixture(), 0.25);
    expect(decision.verdict).toBe("too small to matter");
    expect(decision.choice).toBe("reactive-only");
    expect(decision.challenger).toBe("idle-on-payment");
  });

  it("comparisonDecision reads an interval covering 0 as 'no detectable difference'", () => {
    const fixture = comparisonFixture();
    const differences = fixture.differences.map((difference) =>
      difference.metric === "conversionRate" ? { ...difference, significant: false, difference: estimate(0.0002, 0.0009) } : difference,
    );
    expect(comparisonDecision({ ...fixture, differences }).verdict).toBe("no detectable difference");
  });

  it("comparisonDecision takes the live test from the A/B plan: the closed-form sample size per arm and whether it fits in 8 weeks", () => {
    const decision = comparisonDecision(withAbTestPlan(comparisonFixture(), 40_000));
    // n = (z.975 + z.80)² (p0(1−p0) + p1(1−p1)) / (p1 − p0)², p0 = 0.02137, p1 = 0.02547 (Chow, Shao & Wang §3.2).
    const [p0, p1] = [0.02137, 0.02547];
    const z = 1.959963985 + 0.841621234;
    const expected = Math.ceil((z * z * (p0 * (1 - p0) + p1 * (1 - p1))) / (p1 - p0) ** 2);
    expect(decision.abTest?.visitorsPerArm).toBe(expected);
    expect(decision.abTest?.testDays).toBe(Math.ceil((2 * expected) / 40_000));
    expect(decision.abTest?.feasible).toBe(true);
    const slow = comparisonDecision(withAbTestPlan(comparisonFixture(), 100));
    expect(slow.abTest!.testDays!).toBeGreaterThan(MAX_FEASIBLE_TEST_DAYS);
    expect(slow.abTest?.feasible).toBe(false);
  });

  it("comparisonDecision shows profit when the results carry a profit metric", () => {
    const fixture = comparisonFixture();
    const profit = comparisonDecision(fixture).profit;
    expect([profit?.variant, profit?.metric, profit?.label]).toEqual(["idle-on-payment", "contributionProfit", "Contribution profit"]);
    const withoutProfit = { ...fixture, differences: fixture.differences.filter((difference) => difference.metric !== "contributionProfit") };
    expect(comparisonDecision(withoutProfit).profit).toBeNull();
  });
});
