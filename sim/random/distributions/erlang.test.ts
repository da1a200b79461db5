import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { erlang } from "./erlang.ts";
import { fourthCentralFromRaw, isRelativelyClose, momentCheck } from "./momentCheck.ts";

describe("erlang", () => {
  // k = 1 and 3 use the product of uniforms, 40 the gamma method.
  for (const k of [1, 3, 40]) {
    it(`erlang(stream, {k: ${k}, mean}) has mean \`mean\` and variance mean^2/k within 5 SE`, () => {
      const mean = 60;
      // Textbook: sum of k exponentials of mean theta = mean/k; E[X^n] = theta^n k (k+1) ... (k+n-1).
      const theta = mean / k;
      const raw = (n: number) => {
        let product = 1;
        for (let i = 0; i < n; i++) product *= (k + i) * theta;
        return product;
      };
      const exact = {
        mean,
        variance: (mean * mean) / k,
        fourthCentralMoment: fourthCentralFromRaw(raw(1), raw(2), raw(3), raw(4)),
      };
      const sampler = erlang(new RandomStream(8, `erlang-${k}`), { k, mean });
      expect(sampler.mean).toBe(mean);
      expect(isRelativelyClose(sampler.variance, exact.variance)).toBe(true);
      const check = momentCheck(sampler, exact, 200_000);
      expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
      expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
    });
  }

  it("erlang rejects a non-integer or zero k and a non-positive mean", () => {
    const stream = new RandomStream(8, "bad");
    expect(() => erlang(stream, { k: 2.5, mean: 1 })).toThrow(/^invalid erlang k: 2\.5 \(must be an integer >= 1\)$/);
    expect(() => erlang(stream, { k: 0, mean: 1 })).toThrow(/^invalid erlang k: 0 \(must be an integer >= 1\)$/);
    expect(() => erlang(stream, { k: 2, mean: 0 })).toThrow(/^invalid erlang mean: 0 \(must be a finite number > 0\)$/);
  });
  it("erlang(stream, {k: 16}) still draws by the product of uniforms: x = -(mean/k) ln(U_1 ... U_16), 16 uniforms a draw", () => {
    // 16 uniforms of 1/2 multiply to 2^-16 exactly, so with mean 16 a draw is -ln(2^-16) = 16 ln 2.
    let calls = 0;
    const halves = {
      next: () => {
        calls++;
        return 0.5;
      },
    };
    const sampler = erlang(halves, { k: 16, mean: 16 });
    expect(isRelativelyClose(sampler.sample(), 16 * Math.LN2, 1e-15)).toBe(true);
    expect(calls).toBe(16);
  });
});
