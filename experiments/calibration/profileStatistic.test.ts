import { describe, expect, it } from "vitest";
import { factorInterval, scoreStatistic } from "./factorInterval.ts";
import { type ProfileTarget, profileStatistic } from "./profileStatistic.ts";

const Z95 = 1.959963984540054;

/** Wilson's score interval (Wilson 1927; Agresti & Coull 1998, eq. 2), written out independently of the code under test. */
function wilson(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [centre - half, centre + half];
}

/** Exact model shares (no simulation noise) against observed counts, as targets. */
function targets(observed: readonly { count: number; trials: number }[], shares: readonly number[]): ProfileTarget[] {
  return shares.map((share, j) => {
    const counts = { observedCount: observed[j].count, observedTrials: observed[j].trials, simulatedCount: share, simulatedTrials: Number.POSITIVE_INFINITY };
    return { observed: observed[j].count / observed[j].trials, simulated: share, statistic: scoreStatistic(counts) };
  });
}

describe("profileStatistic", () => {
  it("with no free factor, the profile interval of a one-step funnel share is Wilson's score interval", async () => {
    const [x, n, p0] = [60, 200, 0.25];
    const profile = profileStatistic(async ([a]) => targets([{ count: x, trials: n }], [p0 * Math.exp(a)]), [Math.log(x / n / p0)], 0, [], { elasticity: [1] });
    const interval = await factorInterval(profile.statisticAt, Math.log(x / n / p0), { bisections: 30 });
    const [low, high] = wilson(x, n, Z95);
    expect(interval.lower! * p0).toBeCloseTo(low, 6);
    expect(interval.upper! * p0).toBeCloseTo(high, 6);
    expect(profile.evaluations()).toBe(interval.evaluations);
  });

  // Two factors that trade off, as acceptance and help requests do in the chat requests: a's target is
  // the share a·b·0.1, b's is a^0.5·b·0.2 (both raise it). Holding b at its fit, a's share moves
  // with a; refitting b to its own target (b ∝ a^−0.5) leaves a's share moving with a^0.5 only, so the
  // profile interval of log a is twice as wide as the conditional one (for small moves). Truth a = b = 1.
  const observed = [
    { count: 1000, trials: 10_000 },
    { count: 2000, trials: 10_000 },
  ];
  const model = async ([logA, logB]: readonly number[]) => targets(observed, [0.1 * Math.exp(logA + logB), 0.2 * Math.exp(0.5 * logA + logB)]);

  it("where two factors trade off, the profile interval holds the conditional one, covers the truth, and is about twice as wide in log", async () => {
    const conditional = await factorInterval(profileStatistic(model, [0, 0], 0, [], { elasticity: [1, 1] }).statisticAt, 0, { bisections: 12 });
    const profile = profileStatistic(model, [0, 0], 0, [1], { elasticity: [1, 1] });
    const profiled = await factorInterval(profile.statisticAt, 0, { bisections: 12 });
    expect(profiled.lower!).toBeLessThanOrEqual(conditional.lower!);
    expect(profiled.upper!).toBeGreaterThanOrEqual(conditional.upper!);
    expect(profiled.lower!).toBeLessThan(1);
    expect(profiled.upper!).toBeGreaterThan(1);
    // Wilson on 1000 of 10,000 in the share a^(1 or 0.5) × 0.1: log-widths in ratio 2.
    const [low, high] = wilson(1000, 10_000, Z95);
    expect(Math.log(conditional.upper!)).toBeCloseTo(Math.log(high / 0.1), 3);
    expect(Math.log(profiled.upper!)).toBeCloseTo(2 * Math.log(high / 0.1), 3);
    expect(Math.log(profiled.lower!)).toBeCloseTo(2 * Math.log(low / 0.1), 3);
    // One refit round per point: two evaluations each.
    expect(profile.evaluations()).toBe(2 * profiled.evaluations);
  });
});
