/** One factor's target at a point: observed and simulated shares and the z statistic between them. */
export interface ProfileTarget {
  observed: number;
  simulated: number;
  statistic: number;
}

export interface ProfileOptions {
  /** Refitting rounds of the free factors at each point (default 1: one evaluation more per point). */
  rounds?: number;
  /** d log share ÷ d log factor of each factor's own target (the fit's estimates), to step the free factors. */
  elasticity: readonly number[];
  /** Largest change of a free factor in one round, in log-factor (default log 3, as the fit's). */
  maxLogStep?: number;
}

/**
 * The profile of factor `k`'s target statistic: at each log-factor the scan asks for, the free
 * factors are refitted to their own targets (proportional steps, log observed − log simulated ÷
 * elasticity, from the point the previous call ended at: a scan moves in small steps, so the warm
 * start leaves one round near the profile) and the statistic of k's target is read there. Inverting it
 * gives the profile interval (Venzon & Moolgavkar 1988, Applied Statistics 37(1), for the likelihood
 * version): where the free factors can make up for a moved k in k's own target, it is wider than the
 * conditional interval that holds them at the fit; with no free factor it is the conditional one.
 *
 * `targetsAt(logFactors)` evaluates the model at the factors and returns every factor's target.
 * Returns the statistic function for `factorInterval` and a counter of evaluations.
 */
export function profileStatistic(
  targetsAt: (logFactors: readonly number[]) => Promise<readonly ProfileTarget[]>,
  fittedLogFactors: readonly number[],
  k: number,
  free: readonly number[],
  options: ProfileOptions,
): { statisticAt: (logFactor: number) => Promise<number>; evaluations: () => number } {
  const rounds = free.length === 0 ? 0 : (options.rounds ?? 1);
  const maxStep = options.maxLogStep ?? Math.log(3);
  let evaluations = 0;
  // Warm start per side of the fit: the free factors where the last point on that side ended.
  const warm = new Map<number, number[]>();
  const statisticAt = async (logFactor: number): Promise<number> => {
    const side = Math.sign(logFactor - fittedLogFactors[k]);
    const x = [...(warm.get(side) ?? fittedLogFactors)];
    x[k] = logFactor;
    for (let round = 0; ; round++) {
      const targets = await targetsAt(x);
      evaluations++;
      if (round >= rounds) {
        warm.set(side, x);
        return targets[k].statistic;
      }
      for (const j of free) {
        const { observed, simulated } = targets[j];
        const gap = observed <= 0 ? -maxStep : simulated <= 0 ? maxStep : Math.log(observed / simulated);
        x[j] += Math.min(maxStep, Math.max(-maxStep, gap / options.elasticity[j]));
      }
    }
  };
  return { statisticAt, evaluations: () => evaluations };
}
