import { describe, expect, it } from "vitest";
import { isRelativelyClose } from "../distributions/momentCheck.ts";
import { distributionMean } from "./distributionMean.ts";

describe("distributionMean", () => {
  it("distributionMean(spec) returns the textbook mean of every kind", () => {
    expect(distributionMean({ kind: "constant", value: 7 })).toBe(7);
    expect(distributionMean({ kind: "exponential", mean: 30 })).toBe(30);
    expect(distributionMean({ kind: "uniform", min: 10, max: 20 })).toBe(15);
    expect(distributionMean({ kind: "normal", mean: 50, sd: 5 })).toBe(50);
    expect(distributionMean({ kind: "lognormal", mean: 90, sd: 45 })).toBe(90);
    expect(isRelativelyClose(distributionMean({ kind: "lognormal", mu: 2, sigma: 1 }), Math.exp(2.5))).toBe(true);
    expect(distributionMean({ kind: "gamma", shape: 3, scale: 40 })).toBe(120);
    expect(distributionMean({ kind: "erlang", k: 3, mean: 45 })).toBe(45);
    expect(isRelativelyClose(distributionMean({ kind: "weibull", shape: 0.5, scale: 4 }), 8, 1e-13)).toBe(true); // 4 Gamma(3)
    expect(distributionMean({ kind: "triangular", min: 1, mode: 2, max: 6 })).toBe(3);
    expect(distributionMean({ kind: "empirical", samples: [1, 2, 6] })).toBe(3);
    expect(distributionMean({ kind: "empirical", samples: [1, 2, 6], interpolate: true })).toBe(2.75);
  });

  it("distributionMean(normal with min) is the truncated mean, not spec.mean", () => {
    // Half-normal: min = mean gives mean + sd sqrt(2/pi).
    const mean = distributionMean({ kind: "normal", mean: 100, sd: 15, min: 100 });
    expect(isRelativelyClose(mean, 100 + 15 * Math.sqrt(2 / Math.PI))).toBe(true);
  });

  it("distributionMean validates the spec like makeSampler", () => {
    expect(() => distributionMean({ kind: "erlang", k: 0, mean: 1 })).toThrow(/^invalid erlang k: 0 \(must be an integer >= 1\)$/);
  });
});
