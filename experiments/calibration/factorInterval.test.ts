import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { factorInterval, scoreStatistic, type TargetCounts } from "./factorInterval.ts";

/** A one-step funnel: the model's share is the scenario's probability p0 times the factor, exactly (no simulation noise). */
function oneStep(observedCount: number, observedTrials: number, p0: number): (logFactor: number) => Promise<number> {
  return score((logFactor) => ({ observedCount, observedTrials, simulatedCount: p0 * Math.exp(logFactor), simulatedTrials: Number.POSITIVE_INFINITY }));
}

/** The score statistic of a share's counts at each factor. */
function score(countsAt: (logFactor: number) => TargetCounts): (logFactor: number) => Promise<number> {
  return async (logFactor) => scoreStatistic(countsAt(logFactor));
}

/** Wilson's score interval (Wilson 1927; Agresti & Coull 1998, eq. 2), written out independently of the code under test. */
function wilson(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [centre - half, centre + half];
}

const Z95 = 1.959963984540054;

describe("factorInterval", () => {
  it("scoreStatistic(...) is (x/n − p) ÷ √(p(1 − p)(1/n + 1/m))", () => {
    expect(scoreStatistic({ observedCount: 30, observedTrials: 100, simulatedCount: 0.2, simulatedTrials: Number.POSITIVE_INFINITY })).toBeCloseTo(2.5, 12);
    expect(scoreStatistic({ observedCount: 30, observedTrials: 100, simulatedCount: 40, simulatedTrials: 200 })).toBeCloseTo(
      0.1 / Math.sqrt(0.16 * (1 / 100 + 1 / 200)),
      12,
    );
  });

  it("factorInterval(one-step funnel share) is Wilson's score interval, and close to the exact Clopper–Pearson interval", async () => {
    const [x, n, p0] = [60, 200, 0.25];
    const interval = await factorInterval(oneStep(x, n, p0), Math.log(x / n / p0), { bisections: 30 });
    const [low, high] = wilson(x, n, Z95);
    expect(interval.identified).toBe(true);
    expect(interval.lower! * p0).toBeCloseTo(low, 6);
    expect(interval.upper! * p0).toBeCloseTo(high, 6);
    // Clopper–Pearson (exact): Beta(α/2; x, n − x + 1) and Beta(1 − α/2; x + 1, n − x). Wilson sits
    // inside it by a fraction of a point at 60 of 200.
    const exactLow = betaQuantile(0.025, x, n - x + 1);
    const exactHigh = betaQuantile(0.975, x + 1, n - x);
    expect(Math.abs(interval.lower! * p0 - exactLow)).toBeLessThan(0.005);
    expect(Math.abs(interval.upper! * p0 - exactHigh)).toBeLessThan(0.005);
  });

  it("factorInterval(...) with the default 3 bisections covers a known probability in about 95% of 2,000 binomial samples", async () => {
    const [p, n, p0] = [0.3, 200, 0.2];
    const random = seedrandom("factor-interval-coverage");
    let covered = 0;
    const samples = 2000;
    for (let s = 0; s < samples; s++) {
      let x = 0;
      for (let i = 0; i < n; i++) if (random() < p) x++;
      const interval = await factorInterval(oneStep(x, n, p0), Math.log(x / n / p0));
      if (interval.lower! * p0 <= p && p <= interval.upper! * p0) covered++;
    }
    // Wilson's coverage at n = 200, p = 0.3 is 94.6-95.4%; the bisection's outer bound errs wide. The
    // band is ±2.2 binomial standard errors of a 95% rate over 2,000 samples.
    expect(covered / samples).toBeGreaterThanOrEqual(0.93);
    expect(covered / samples).toBeLessThanOrEqual(0.975);
  });

  it("factorInterval(a share that hardly moves with the factor) is not identified, with the missing bound null", async () => {
    // A saturated queue: the share barely changes over ×25 of the factor.
    const flat = (logFactor: number): TargetCounts => ({
      observedCount: 300,
      observedTrials: 1000,
      simulatedCount: 0.3 + 0.005 * logFactor,
      simulatedTrials: Number.POSITIVE_INFINITY,
    });
    const interval = await factorInterval(score(flat), 0);
    expect(interval).toMatchObject({ lower: null, upper: null, identified: false });
    // Each side steps 0.1, 0.2, 0.4, 0.8, 1.6 and ln 5.
    expect(interval.evaluations).toBe(12);
    const oneSided = (logFactor: number): TargetCounts => ({ ...flat(logFactor), simulatedCount: 0.3 + 0.1 * Math.max(0, logFactor) });
    const half = await factorInterval(score(oneSided), 0);
    expect(half.lower).toBeNull();
    expect(half.upper).not.toBeNull();
    expect(half.identified).toBe(false);
  });

  it("factorInterval(...) counts the simulation's own noise: fewer simulated trials give a wider interval", async () => {
    const withSimulated = (m: number) =>
      score((logFactor) => ({ observedCount: 60, observedTrials: 200, simulatedCount: 0.3 * Math.exp(logFactor) * m, simulatedTrials: m }));
    const exact = await factorInterval(oneStep(60, 200, 0.3), 0, { bisections: 20 });
    const noisy = await factorInterval(withSimulated(400), 0, { bisections: 20 });
    // 1/200 + 1/400 is 1.5 times 1/200: the half-widths in log grow by about √1.5.
    expect(Math.log(noisy.upper! / noisy.lower!) / Math.log(exact.upper! / exact.lower!)).toBeCloseTo(Math.sqrt(1.5), 1);
  });
});
