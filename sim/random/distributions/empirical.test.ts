import { describe, expect, it } from "vitest";
import { RandomStream } from "../streams/randomStream.ts";
import { empirical } from "./empirical.ts";
import { fourthCentralFromRaw, isRelativelyClose, momentCheck } from "./momentCheck.ts";

// Observed chat durations (s), unsorted on purpose.
const DATA = [310, 45, 122, 88, 610, 95, 240, 150, 71, 180, 133, 402, 59, 205, 99, 121, 87, 360, 140, 66];

describe("empirical", () => {
  it("empirical(stream, data) reproduces the sample mean and population variance within 5 SE", () => {
    // Resampling is the discrete uniform on the data: raw moments are plain averages of x^n.
    const raw = (n: number) => DATA.reduce((sum, x) => sum + x ** n, 0) / DATA.length;
    const exact = {
      mean: raw(1),
      variance: raw(2) - raw(1) ** 2,
      fourthCentralMoment: fourthCentralFromRaw(raw(1), raw(2), raw(3), raw(4)),
    };
    const sampler = empirical(new RandomStream(13, "resample"), DATA);
    expect(isRelativelyClose(sampler.mean, exact.mean)).toBe(true);
    expect(isRelativelyClose(sampler.variance, exact.variance, 1e-10)).toBe(true);
    const check = momentCheck(sampler, exact, 200_000);
    expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
  });

  it("empirical(stream, data) only returns observed values", () => {
    const sampler = empirical(new RandomStream(13, "values"), DATA);
    const observed = new Set(DATA);
    for (let i = 0; i < 1000; i++) expect(observed.has(sampler.sample())).toBe(true);
  });

  it("empirical(stream, data, {interpolate: true}) matches the piecewise-linear ECDF's moments within 5 SE", () => {
    // Law's interpolated ECDF: uniform on each [x_(i), x_(i+1)] with probability 1/(n-1), so
    // E[X^n] = mean over segments of (b^(n+1) - a^(n+1)) / ((n + 1)(b - a)).
    const sorted = [...DATA].sort((a, b) => a - b);
    const raw = (n: number) => {
      let sum = 0;
      for (let i = 0; i + 1 < sorted.length; i++) {
        const [a, b] = [sorted[i], sorted[i + 1]];
        sum += a === b ? a ** n : (b ** (n + 1) - a ** (n + 1)) / ((n + 1) * (b - a));
      }
      return sum / (sorted.length - 1);
    };
    const exact = {
      mean: raw(1),
      variance: raw(2) - raw(1) ** 2,
      fourthCentralMoment: fourthCentralFromRaw(raw(1), raw(2), raw(3), raw(4)),
    };
    const sampler = empirical(new RandomStream(13, "interpolate"), DATA, { interpolate: true });
    expect(isRelativelyClose(sampler.mean, exact.mean)).toBe(true);
    expect(isRelativelyClose(sampler.variance, exact.variance, 1e-9)).toBe(true);
    const check = momentCheck(sampler, exact, 200_000);
    expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = sampler.sample();
      if (x < sorted[0] || x > sorted[sorted.length - 1]) outside++;
    }
    expect(outside).toBe(0);
  });

  it("empirical(stream, data, {interpolate: true}) follows the linear ECDF: P(X <= x) at mid-segment points (5 SE)", () => {
    // Data [0, 10, 30]: F rises linearly 0 -> 1/2 over [0, 10] and 1/2 -> 1 over [10, 30].
    const sampler = empirical(new RandomStream(13, "ecdf"), [30, 0, 10], { interpolate: true });
    const draws = 200_000;
    const points: [number, number][] = [
      [5, 0.25],
      [10, 0.5],
      [20, 0.75],
      [29, 0.975],
    ];
    const below = points.map(() => 0);
    for (let i = 0; i < draws; i++) {
      const x = sampler.sample();
      for (let j = 0; j < points.length; j++) if (x <= points[j][0]) below[j]++;
    }
    points.forEach(([, p], j) => {
      expect(Math.abs(below[j] / draws - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / draws));
    });
  });

  it("empirical copies its data and handles a single observation", () => {
    const data = [1, 2, 6];
    const sampler = empirical(new RandomStream(13, "copy"), data);
    data[0] = 1000;
    expect(sampler.mean).toBe(3);
    expect(empirical(new RandomStream(13, "example"), [1, 2, 6], { interpolate: true }).mean).toBe(2.75);
    const single = empirical(new RandomStream(13, "single"), [42], { interpolate: true });
    expect(single.sample()).toBe(42);
    expect(single.variance).toBe(0);
  });

  it("empirical rejects empty data and non-finite values", () => {
    const stream = new RandomStream(13, "bad");
    expect(() => empirical(stream, [])).toThrow(/^invalid empirical samples: \[\] \(must have at least 1 value\)$/);
    expect(() => empirical(stream, [1, Infinity])).toThrow(/^invalid empirical samples\[1\]: Infinity \(must be a finite number\)$/);
  });
});
