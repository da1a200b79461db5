import { describe, expect, it } from "vitest";
import { momentCheck } from "./distributions/momentCheck.ts";
import { PiecewisePoissonArrivals } from "./piecewisePoissonArrivals.ts";
import { RandomStream } from "./streams/randomStream.ts";

const DAY_SECONDS = 86_400;
const INTERVAL_SECONDS = 900; // 96 quarter-hours per day
const DAYS = 200;

// Shop-like daily profile (arrivals per second): closed 00:00-06:00, a daytime hump, a lull at 13:00.
const DAILY_RATES = Array.from({ length: 96 }, (_, j) => {
  if (j < 24) return 0;
  if (j === 52) return 0;
  return 0.005 + 0.03 * Math.sin((Math.PI * (j - 24)) / 72) ** 2;
});

function simulateDays(): { counts: Float64Array[]; steppedBack: number } {
  const arrivals = new PiecewisePoissonArrivals(new RandomStream(14, "arrivals"), DAILY_RATES, INTERVAL_SECONDS, {
    repeat: true,
  });
  const counts = Array.from({ length: 96 }, () => new Float64Array(DAYS));
  let previous = 0;
  let steppedBack = 0;
  for (let t = arrivals.next(); t < DAYS * DAY_SECONDS; t = arrivals.next()) {
    if (t < previous) steppedBack++;
    previous = t;
    counts[Math.floor((t % DAY_SECONDS) / INTERVAL_SECONDS)][Math.floor(t / DAY_SECONDS)]++;
  }
  return { counts, steppedBack };
}

describe("PiecewisePoissonArrivals", () => {
  const { counts, steppedBack } = simulateDays();

  it("next() returns non-decreasing absolute times", () => {
    expect(steppedBack).toBe(0);
  });

  it("next() over a repeated 96-interval daily profile gives rate x interval arrivals per interval (200 days, 5 SE)", () => {
    for (let j = 0; j < 96; j++) {
      // The 200-day total of interval j is Poisson(200 rate_j dt): SE = sqrt(expected).
      const expected = DAYS * DAILY_RATES[j] * INTERVAL_SECONDS;
      const total = counts[j].reduce((sum, c) => sum + c, 0);
      expect(Math.abs(total - expected)).toBeLessThanOrEqual(5 * Math.sqrt(expected));
    }
  });

  it("next() never puts arrivals in zero-rate intervals", () => {
    for (let j = 0; j < 96; j++) {
      if (DAILY_RATES[j] === 0) expect(counts[j].reduce((sum, c) => sum + c, 0)).toBe(0);
    }
  });

  it("per-day counts in each interval have variance = mean (Poisson), averaged over intervals (5 SE)", () => {
    // For each open interval, s^2 / mu over 200 days; Var(s^2) = mu4/n - mu^2 (n-3)/(n(n-1)) with the
    // Poisson mu4 = mu (1 + 3 mu). The mean of the ratios has SE sqrt(sum Var(s^2)/mu^2) / J.
    let ratioSum = 0;
    let varianceSum = 0;
    let open = 0;
    for (let j = 0; j < 96; j++) {
      const mu = DAILY_RATES[j] * INTERVAL_SECONDS;
      if (mu === 0) continue;
      const days = counts[j];
      const mean = days.reduce((sum, c) => sum + c, 0) / DAYS;
      const sampleVariance = days.reduce((sum, c) => sum + (c - mean) ** 2, 0) / (DAYS - 1);
      ratioSum += sampleVariance / mu;
      varianceSum += (mu * (1 + 3 * mu)) / DAYS / mu ** 2 - (DAYS - 3) / (DAYS * (DAYS - 1));
      open++;
    }
    expect(Math.abs(ratioSum / open - 1)).toBeLessThan((5 * Math.sqrt(varianceSum)) / open);
  });

  it("next() is exact inside a profile: P(no arrival) = exp(-Lambda) and P(T <= t) = 1 - exp(-Lambda(t))", () => {
    // Profile [0, 0.5, 2] per second, 1 s intervals, no repeat: Lambda(1.5) = 0.25, Lambda(3) = 2.5.
    const stream = new RandomStream(14, "exact");
    const trials = 100_000;
    let none = 0;
    let byOneAndAHalf = 0;
    let tooEarly = 0;
    for (let i = 0; i < trials; i++) {
      const first = new PiecewisePoissonArrivals(stream, [0, 0.5, 2], 1).next();
      if (first === Infinity) none++;
      if (first <= 1.5) byOneAndAHalf++;
      if (first < 1) tooEarly++;
    }
    for (const [count, p] of [
      [none, Math.exp(-2.5)],
      [byOneAndAHalf, 1 - Math.exp(-0.25)],
    ]) {
      expect(Math.abs(count / trials - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / trials));
    }
    expect(tooEarly).toBe(0);
  });

  it("next() with one repeated interval is a homogeneous Poisson process: exponential gaps (5 SE)", () => {
    const rate = 0.2;
    const arrivals = new PiecewisePoissonArrivals(new RandomStream(14, "homogeneous"), [rate], 60, { repeat: true });
    let previous = 0;
    const gaps = {
      mean: 1 / rate,
      variance: 1 / rate ** 2,
      sample() {
        const time = arrivals.next();
        const gap = time - previous;
        previous = time;
        return gap;
      },
    };
    // Textbook exponential(rate): mean 1/rate, variance 1/rate^2, fourth central moment 9/rate^4.
    const exact = { mean: 1 / rate, variance: 1 / rate ** 2, fourthCentralMoment: 9 / rate ** 4 };
    const check = momentCheck(gaps, exact, 200_000);
    expect(Math.abs(check.sampleMean - exact.mean)).toBeLessThan(check.meanTolerance);
    expect(Math.abs(check.sampleVariance - exact.variance)).toBeLessThan(check.varianceTolerance);
  });

  it("next() skips whole cycles in O(1) when the profile's intensity per cycle is tiny", () => {
    // Intensity per 200 s cycle: 1e-6/s x 100 s = 1e-4, so arrivals are ~2e6 s (1e4 cycles) apart;
    // walking interval by interval would take 4e8 steps for 2e4 arrivals.
    const arrivals = new PiecewisePoissonArrivals(new RandomStream(14, "sparse"), [0, 1e-6], 100, {
      repeat: true,
      startSeconds: 50,
    });
    const count = 20_000;
    let last = 0;
    let inClosedInterval = 0;
    for (let i = 0; i < count; i++) {
      last = arrivals.next();
      if ((last - 50) % 200 < 100) inClosedInterval++;
    }
    expect(inClosedInterval).toBe(0);
    // The count-th arrival time is ~Gamma(count, mean gap 2e6): relative SE 1/sqrt(count).
    const meanGap = (last - 50) / count;
    expect(Math.abs(meanGap / 2e6 - 1)).toBeLessThan(5 / Math.sqrt(count));
  });

  it("next() returns Infinity once a non-repeating profile is exhausted, and after startSeconds only", () => {
    const arrivals = new PiecewisePoissonArrivals(new RandomStream(14, "finite"), [1, 0, 2], 10, { startSeconds: 1000 });
    const times: number[] = [];
    for (let t = arrivals.next(); t !== Infinity; t = arrivals.next()) times.push(t);
    expect(times.length).toBeGreaterThan(0);
    expect(times.every((t) => t >= 1000 && t < 1030 && !(t >= 1010 && t < 1020))).toBe(true);
    expect(arrivals.next()).toBe(Infinity);
    expect(arrivals.next()).toBe(Infinity);
  });

  it("next() on an all-zero repeating profile returns Infinity", () => {
    expect(new PiecewisePoissonArrivals(new RandomStream(14, "closed"), [0, 0], 60, { repeat: true }).next()).toBe(Infinity);
  });

  it("the constructor rejects empty or negative rates and a non-positive interval", () => {
    const stream = new RandomStream(14, "bad");
    expect(() => new PiecewisePoissonArrivals(stream, [], 60)).toThrow(/^invalid arrivals ratesPerSecond: \[\] \(must have at least 1 interval\)$/);
    expect(() => new PiecewisePoissonArrivals(stream, [1, -0.5], 60)).toThrow(/^invalid arrivals ratesPerSecond\[1\]: -0\.5 \(must be a finite number >= 0\)$/);
    expect(() => new PiecewisePoissonArrivals(stream, [1], 0)).toThrow(/^invalid arrivals intervalSeconds: 0 \(must be a finite number > 0\)$/);
    expect(() => new PiecewisePoissonArrivals(stream, [1], 60, { startSeconds: NaN })).toThrow(
      /^invalid arrivals startSeconds: NaN \(must be a finite number\)$/,
    );
  });
});
