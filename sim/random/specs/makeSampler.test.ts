import { describe, expect, it } from "vitest";
import { isRelativelyClose } from "../distributions/momentCheck.ts";
import { RandomStream } from "../streams/randomStream.ts";
import type { DistributionSpec } from "./distributionSpec.ts";
import { makeSampler } from "./makeSampler.ts";

// Each spec with its textbook mean and variance (Law, "Simulation Modeling and Analysis", table 6.3).
const CASES: [DistributionSpec, number, number][] = [
  [{ kind: "constant", value: 4 }, 4, 0],
  [{ kind: "exponential", mean: 30 }, 30, 900],
  [{ kind: "uniform", min: 10, max: 40 }, 25, 75],
  [{ kind: "normal", mean: 50, sd: 5 }, 50, 25],
  [{ kind: "normal", mean: 50, sd: 5, min: 50 }, 50 + 5 * Math.sqrt(2 / Math.PI), 25 * (1 - 2 / Math.PI)],
  [{ kind: "lognormal", mean: 90, sd: 45 }, 90, 2025],
  [{ kind: "lognormal", mu: 1, sigma: 0.5 }, Math.exp(1.125), Math.expm1(0.25) * Math.exp(2.25)],
  [{ kind: "gamma", shape: 2, scale: 60 }, 120, 7200],
  [{ kind: "erlang", k: 4, mean: 60 }, 60, 900],
  [{ kind: "weibull", shape: 2, scale: 30 }, (30 * Math.sqrt(Math.PI)) / 2, 900 * (1 - Math.PI / 4)],
  [{ kind: "triangular", min: 0, mode: 3, max: 6 }, 3, 1.5],
  [{ kind: "empirical", samples: [1, 2, 6] }, 3, 14 / 3],
  [{ kind: "empirical", samples: [6, 1, 2], interpolate: true }, 2.75, 109 / 48],
];

describe("makeSampler", () => {
  for (const [spec, mean, variance] of CASES) {
    it(`makeSampler(${JSON.stringify(spec)}) has mean ${mean.toPrecision(6)} and variance ${variance.toPrecision(6)}`, () => {
      const sampler = makeSampler(spec, new RandomStream(15, spec.kind));
      expect(isRelativelyClose(sampler.mean, mean, 1e-12)).toBe(true);
      expect(isRelativelyClose(sampler.variance, variance, 1e-10)).toBe(true);
      let total = 0;
      for (let i = 0; i < 50_000; i++) total += sampler.sample();
      // Loose smoke check only (the distribution tests do the real statistics): within 6 SE.
      expect(Math.abs(total / 50_000 - mean)).toBeLessThanOrEqual(6 * Math.sqrt(variance / 50_000));
    });
  }

  it("makeSampler(normal with min) never draws below min", () => {
    const sampler = makeSampler({ kind: "normal", mean: 5, sd: 10, min: 0 }, new RandomStream(15, "floor"));
    let below = 0;
    for (let i = 0; i < 10_000; i++) if (sampler.sample() < 0) below++;
    expect(below).toBe(0);
  });

  it("makeSampler rejects bad parameters and unknown kinds with house-format messages", () => {
    const stream = new RandomStream(15, "bad");
    expect(() => makeSampler({ kind: "exponential", mean: -1 }, stream)).toThrow(/^invalid exponential mean: -1 \(must be a finite number > 0\)$/);
    expect(() => makeSampler({ kind: "beta" } as unknown as DistributionSpec, stream)).toThrow(
      /^invalid distribution kind: "beta" \(must be one of constant, exponential, .*empirical\)$/,
    );
    expect(() => makeSampler({ kind: "lognormal", mean: 1, sd: 1, mu: 0, sigma: 1 } as DistributionSpec, stream)).toThrow(/^invalid lognormal: /);
  });
});
