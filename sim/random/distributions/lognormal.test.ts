import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { lognormal } from "./lognormal.ts";
import { fourthCentralFromRaw, isRelativelyClose, momentCheck } from "./momentCheck.ts";

// Textbook: E[X^n] = exp(n mu + n^2 sigma^2 / 2) for X = exp(N(mu, sigma^2)).
function lognormalMoments(mu: number, sigma: number) {
  const raw = (n: number) => Math.exp(n * mu + (n * n * sigma * sigma) / 2);
  return {
    mean: raw(1),
    variance: raw(2) - raw(1) ** 2,
    fourthCentralMoment: fourthCentralFromRaw(raw(1), raw(2), raw(3), raw(4)),
  };
}

describe("lognormal", () => {
  it("lognormal(stream, {mu, sigma}) has mean exp(mu + sigma^2/2) and the textbook variance within 5 SE", () => {
    const exact = lognormalMoments(3, 0.5);
    const sampler = lognormal(new RandomStream(6, "byLog"), { mu: 3, sigma: 0.5 });
    expect(isRelativelyClose(sampler.mean, exact.mean)).toBe(true);
    expect(isRelativelyClose(sampler.variance, exact.variance, 1e-10)).toBe(true);
    const check = momentCheck(sampler, exact, 200_000);
    expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
  });

  it("lognormal(stream, {mean, sd}) reproduces that mean and sd within 5 SE", () => {
    const [mean, sd] = [90, 45];
    // Textbook inversion: sigma^2 = ln(1 + sd^2/mean^2), mu = ln(mean) - sigma^2/2.
    const sigmaSquared = Math.log(1 + (sd / mean) ** 2);
    const exact = lognormalMoments(Math.log(mean) - sigmaSquared / 2, Math.sqrt(sigmaSquared));
    expect(isRelativelyClose(exact.mean, mean)).toBe(true);
    expect(isRelativelyClose(exact.variance, sd * sd, 1e-10)).toBe(true);
    const sampler = lognormal(new RandomStream(6, "byValue"), { mean, sd });
    expect(sampler.mean).toBe(mean);
    expect(sampler.variance).toBe(sd * sd);
    const check = momentCheck(sampler, exact, 200_000);
    expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
  });

  it("lognormal rejects bad parameters and a mix of both forms", () => {
    const stream = new RandomStream(6, "bad");
    expect(() => lognormal(stream, { mean: 0, sd: 1 })).toThrow(/^invalid lognormal mean: 0 \(must be a finite number > 0\)$/);
    expect(() => lognormal(stream, { mean: 1, sd: -2 })).toThrow(/^invalid lognormal sd: -2 \(must be a finite number > 0\)$/);
    expect(() => lognormal(stream, { mu: 0, sigma: 0 })).toThrow(/^invalid lognormal sigma: 0 \(must be a finite number > 0\)$/);
    expect(() => lognormal(stream, { mu: 0, sigma: 1, mean: 2, sd: 1 } as never)).toThrow(
      /^invalid lognormal: .*\(give either \{mean, sd\} or \{mu, sigma\}, not both\)$/,
    );
  });

  it("lognormal rejects parameters whose moments overflow a double, in either form", () => {
    const stream = new RandomStream(6, "overflow");
    // exp(800 + 1/2) and 1 + (1e200)^2 overflow: no finite mean or variance exists in double precision.
    expect(() => lognormal(stream, { mu: 800, sigma: 1 })).toThrow(
      /^invalid lognormal: .* \(has no finite mean and variance in double precision: keep 2 mu \+ sigma\^2 below 709\)$/,
    );
    expect(() => lognormal(stream, { mean: 1, sd: 1e200 })).toThrow(
      /^invalid lognormal: .* \(is beyond double precision: keep sd and sd \/ mean below 1e154\)$/,
    );
    expect(() => lognormal(stream, { mu: Infinity, sigma: 1 })).toThrow(/^invalid lognormal mu: Infinity \(must be a finite number\)$/);
  });
  it("lognormal rejects parameters where only the log-scale or only the variance leaves double range", () => {
    const stream = new RandomStream(6, "edge");
    // mean 1e-200, sd 1: sd^2 / mean^2 = 1e400 overflows, so sigma and mu are infinite while the mean
    // and the variance (sd^2 = 1) are finite: the message names sd / mean, not the moments.
    expect(() => lognormal(stream, { mean: 1e-200, sd: 1 })).toThrow(
      /^invalid lognormal: .* \(is beyond double precision: keep sd and sd \/ mean below 1e154\)$/,
    );
    // mu 355, sigma 1: the mean exp(355.5) ~ 1e154 is finite, the variance (e - 1) exp(711) is not.
    expect(() => lognormal(stream, { mu: 355, sigma: 1 })).toThrow(/\(has no finite mean and variance in double precision: keep 2 mu \+ sigma\^2 below 709\)$/);
    // Just inside both bounds: sd / mean = 1e153 and 2 mu + sigma^2 = 708.
    expect(Number.isFinite(lognormal(stream, { mean: 1, sd: 1e153 }).variance)).toBe(true);
    expect(Number.isFinite(lognormal(stream, { mu: 353.5, sigma: 1 }).variance)).toBe(true);
  });

  it("lognormal with only one of mu and sigma reports the missing log-scale parameter", () => {
    const stream = new RandomStream(6, "half");
    expect(() => lognormal(stream, { sigma: 1 } as never)).toThrow(/^invalid lognormal mu: undefined \(must be a finite number\)$/);
    expect(() => lognormal(stream, { mu: 1 } as never)).toThrow(/^invalid lognormal sigma: undefined \(must be a finite number > 0\)$/);
  });
});
