import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** A target share's counts at one factor: the observed count of its trials, and the simulated one. */
export interface TargetCounts {
  observedCount: number;
  observedTrials: number;
  simulatedCount: number;
  /** Simulated trials; Infinity for an exact model share (simulatedCount is then the share). */
  simulatedTrials: number;
}

/** A factor's interval: the factors whose simulated share the observed share does not reject. */
export interface FactorInterval {
  /** Bounds on the factor (multiplying the scenario's values); null where the scan found none within the limit. */
  lower: number | null;
  upper: number | null;
  /** False when a bound is missing: the data cannot tell the factor from one `limit` times larger or smaller. */
  identified: boolean;
  /** Evaluations the scan took. */
  evaluations: number;
}

export interface FactorIntervalOptions {
  /** Confidence level (default 0.95). */
  level?: number;
  /** Widest factor ratio scanned on each side (default 5: a factor not bounded within ×5 and ÷5 of the fit is not identified). */
  limit?: number;
  /** First step out from the fit, in log-factor (default 0.1); steps double until the share is rejected. */
  initialStep?: number;
  /** Bisections between the last accepted and the first rejected step (default 3). */
  bisections?: number;
}

/** Default widest ratio scanned each side of a fitted factor. */
export const DEFAULT_INTERVAL_LIMIT = 5;

/**
 * Score statistic of an observed share x ÷ n against a simulated share p from m trials:
 * z = (x ÷ n − p) ÷ √(p (1 − p) (1 ÷ n + 1 ÷ m)). With an exact model share (m = ∞) its inversion
 * is Wilson's score interval (Wilson 1927, JASA 22(158)); the 1 ÷ m term adds the simulation's own
 * binomial noise. A share of 0 or 1 the data contradicts gives ±∞.
 *
 * @example
 * scoreStatistic({ observedCount: 30, observedTrials: 100, simulatedCount: 0.2, simulatedTrials: Infinity }) // 2.5
 */
export function scoreStatistic(counts: TargetCounts): number {
  const observed = counts.observedCount / counts.observedTrials;
  const simulated = Number.isFinite(counts.simulatedTrials) ? counts.simulatedCount / counts.simulatedTrials : counts.simulatedCount;
  const variance = simulated * (1 - simulated) * (1 / counts.observedTrials + (Number.isFinite(counts.simulatedTrials) ? 1 / counts.simulatedTrials : 0));
  if (variance <= 0) return observed === simulated ? 0 : Math.sign(observed - simulated) * Number.POSITIVE_INFINITY;
  return (observed - simulated) / Math.sqrt(variance);
}

/**
 * The interval of a fitted factor by test inversion: every factor f (others held at their fit) whose
 * simulated target the observed one does not reject at the level (|z statistic| ≤ z of the level;
 * for a share, `scoreStatistic`),
 * found by stepping out from the fit on each side in doubling log steps until the share is rejected,
 * then bisecting. The reported bound is the outer end of the last bracket (the first rejected factor
 * after bisection), so it errs wide. A side still accepted at `limit` times the fit has no bound: the
 * target share hardly moves with the factor there, and the factor is reported not identified rather
 * than with a number the data cannot back. Conditional on the other factors: where factors share
 * cells, a full profile (refitting the others at each point) would be at least as wide.
 *
 * `statisticAt(logFactor)` is the target's z statistic at the factor exp(logFactor) (observed against
 * simulated; the fit is at `fittedLogFactor`, assumed accepted: proportional fitting brings every
 * target within a quarter of its standard error).
 */
export async function factorInterval(
  statisticAt: (logFactor: number) => Promise<number>,
  fittedLogFactor: number,
  options: FactorIntervalOptions = {},
): Promise<FactorInterval> {
  const level = options.level ?? 0.95;
  const maxDistance = Math.log(options.limit ?? DEFAULT_INTERVAL_LIMIT);
  const initialStep = Math.min(options.initialStep ?? 0.1, maxDistance);
  const bisections = options.bisections ?? 3;
  const critical = normalQuantile(0.5 + level / 2, 0, 1);
  let evaluations = 0;
  const rejected = async (distance: number, side: number): Promise<boolean> => {
    evaluations++;
    return Math.abs(await statisticAt(fittedLogFactor + side * distance)) > critical;
  };
  const bound = async (side: number): Promise<number | null> => {
    let accepted = 0;
    let step = initialStep;
    for (;;) {
      if (await rejected(step, side)) break;
      accepted = step;
      if (step >= maxDistance) return null;
      step = Math.min(2 * step, maxDistance);
    }
    let outer = step;
    for (let i = 0; i < bisections; i++) {
      const middle = (accepted + outer) / 2;
      if (await rejected(middle, side)) outer = middle;
      else accepted = middle;
    }
    return Math.exp(fittedLogFactor + side * outer);
  };
  const lower = await bound(-1);
  const upper = await bound(1);
  return { lower, upper, identified: lower !== null && upper !== null, evaluations };
}
