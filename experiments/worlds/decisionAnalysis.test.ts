import { describe, expect, it } from "vitest";
import type { UncertainParameter } from "../scenario/index.ts";
import { decisionAnalysis } from "./decisionAnalysis.ts";
import { sampleWorlds } from "./sampleWorlds.ts";

const uniformTheta: UncertainParameter = { path: "theta", keys: ["theta"], spec: { kind: "uniform", low: 0, high: 1 } };

describe("decisionAnalysis", () => {
  it("decisionAnalysis of a textbook payoff table gives its expected values, expected losses and EVPI of 3.2", () => {
    // Anderson, Sweeney & Williams, "An Introduction to Management Science" (PDC condominium case):
    // payoffs ($M) strong/weak demand with P = 0.8/0.2 — small 8/7, medium 14/5, large 20/−9.
    // EV: small 7.8, medium 12.2, large 14.2; EV with perfect information 0.8·20 + 0.2·7 = 17.4;
    // EVPI = 17.4 − 14.2 = 3.2. Five equally likely worlds, four strong and one weak, carry P = 0.8/0.2.
    const strong = [true, true, true, true, false];
    const payoff = (ifStrong: number, ifWeak: number) => strong.map((s) => (s ? ifStrong : ifWeak));
    const analysis = decisionAnalysis({
      variants: ["small", "medium", "large"],
      worldValues: [payoff(8, 7), payoff(14, 5), payoff(20, -9)],
      parameters: [],
      higherIsBetter: true,
    });
    expect(analysis.variants.map((v) => v.expected.mean)).toEqual([7.8, 12.2, 14.2].map((value) => expect.closeTo(value, 12)));
    expect(analysis.choice).toBe("large");
    expect(analysis.runnerUp).toBe("medium");
    expect(analysis.evpi).toBeCloseTo(3.2, 12);
    // Expected opportunity loss: small 0.8·12 + 0.2·0 = 9.6, medium 0.8·6 + 0.2·2 = 5.2, large = EVPI.
    expect(analysis.variants.map((v) => v.expectedLoss)).toEqual([9.6, 5.2, 3.2].map((value) => expect.closeTo(value, 12)));
    expect(analysis.variants.map((v) => v.probabilityBest)).toEqual([0.2, 0, 0.8]);
  });

  it("decisionAnalysis with lower-is-better flips losses: minimising costs −payoffs gives the same EVPI", () => {
    const strong = [true, true, true, true, false];
    const cost = (ifStrong: number, ifWeak: number) => strong.map((s) => -(s ? ifStrong : ifWeak));
    const analysis = decisionAnalysis({
      variants: ["small", "medium", "large"],
      worldValues: [cost(8, 7), cost(14, 5), cost(20, -9)],
      parameters: [],
      higherIsBetter: false,
    });
    expect(analysis.choice).toBe("large");
    expect(analysis.evpi).toBeCloseTo(3.2, 12);
  });

  it("decisionAnalysis over Latin-hypercube worlds of θ ~ U(0, 1), A = θ vs B = 0.3, gives the closed forms", () => {
    // A wins iff θ > 0.3: P(A best) = 0.7. Loss of A = E[(0.3 − θ)+] = 0.3²/2 = 0.045, of B =
    // E[(θ − 0.3)+] = 0.7²/2 = 0.245; EVPI = min = 0.045. The A − B margin is θ − 0.3: ρ = 1 exactly.
    const noise: UncertainParameter = { path: "zeta", keys: ["zeta"], spec: { kind: "uniform", low: 5, high: 6 } };
    const worlds = sampleWorlds([uniformTheta, noise], 1000, 17);
    const theta = worlds.map((world) => world.values.theta);
    const analysis = decisionAnalysis({
      variants: ["A", "B"],
      worldValues: [theta, theta.map(() => 0.3)],
      parameters: [
        { path: "theta", values: theta },
        { path: "zeta", values: worlds.map((world) => world.values.zeta) },
      ],
      higherIsBetter: true,
    });
    // 0.3 is a stratum boundary of 1000 strata: exactly 700 worlds lie above it.
    expect(analysis.variants[0].probabilityBest).toBe(0.7);
    expect(analysis.variants[0].expectedLoss).toBeCloseTo(0.045, 4);
    expect(analysis.variants[1].expectedLoss).toBeCloseTo(0.245, 4);
    expect(analysis.evpi).toBeCloseTo(0.045, 4);
    expect(analysis.variants[0].expected.mean).toBeCloseTo(0.5, 4);
    expect(analysis.sensitivity[0].parameter).toBe("theta");
    expect(analysis.sensitivity[0].rankCorrelation).toBeCloseTo(1, 12);
    expect(analysis.sensitivity[0].meanWhenLow).toBeCloseTo(0.25 - 0.3, 3);
    expect(analysis.sensitivity[0].meanWhenHigh).toBeCloseTo(0.75 - 0.3, 3);
    // zeta plays no part: its ρ stays within the noise bound.
    expect(Math.abs(analysis.sensitivity[1].rankCorrelation!)).toBeLessThan(analysis.noiseThreshold!);
  });

  it("decisionAnalysis over Beta(2, 5) worlds gives P(θ > 0.25) = P(Bin(6, 0.25) <= 1) = 0.5339", () => {
    // Beta(a, b) with integer a, b: F(x) = P(Bin(a + b − 1, x) >= a), so P(θ > 0.25) =
    // 0.75^6 + 6 · 0.25 · 0.75^5 = 0.533936. A Latin hypercube of n worlds gets it within 1/n.
    const beta: UncertainParameter = { path: "p", keys: ["p"], spec: { kind: "beta", a: 2, b: 5 } };
    const values = sampleWorlds([beta], 2000, 3).map((world) => world.values.p);
    const analysis = decisionAnalysis({ variants: ["A", "B"], worldValues: [values, values.map(() => 0.25)], parameters: [], higherIsBetter: true });
    expect(Math.abs(analysis.variants[0].probabilityBest - (0.75 ** 6 + 6 * 0.25 * 0.75 ** 5))).toBeLessThanOrEqual(1 / 2000);
    expect(analysis.variants[0].expected.mean).toBeCloseTo(2 / 7, 3);
  });

  it("decisionAnalysis of one variant reports its spread and the parameters that move it", () => {
    const worlds = sampleWorlds([uniformTheta], 40, 1);
    const theta = worlds.map((world) => world.values.theta);
    const analysis = decisionAnalysis({
      variants: ["only"],
      worldValues: [theta.map((value) => 10 - value)],
      parameters: [{ path: "theta", values: theta }],
      higherIsBetter: true,
    });
    expect(analysis).toMatchObject({ choice: "only", runnerUp: null, evpi: 0, sensitivityOf: "only" });
    expect(analysis.sensitivity[0].rankCorrelation).toBeCloseTo(-1, 12);
    expect(analysis.variants[0].probabilityBest).toBe(1);
    // Worlds' 5th–95th percentiles of 10 − θ, θ ~ U(0, 1): 9.05 to 9.95 within a stratum (1/40).
    expect(analysis.variants[0].worldRange.p05).toBeCloseTo(9.05, 1);
    expect(analysis.variants[0].worldRange.p95).toBeCloseTo(9.95, 1);
  });
});
