/** A quasi-binomial dispersion estimate and the degrees of freedom behind it. */
export interface Dispersion {
  /** Between-replication variance of a share ÷ its binomial variance; 1 when there is nothing to estimate it from. */
  dispersion: number;
  degreesOfFreedom: number;
}

/**
 * Pearson's dispersion estimate, pooled over groups of replications: each group is one set of
 * replications run at the same parameters (its runs' `count` of `trials`), and contributes
 * Σ (c − t p̄)² ÷ (t p̄ (1 − p̄)) on (runs − 1) degrees of freedom, p̄ the group's pooled share; the
 * estimate is the sum over groups ÷ the summed degrees of freedom (McCullagh & Nelder, Generalized
 * Linear Models, 2nd ed., §4.5.2). Chats in one queue are not independent trials: a busy hour makes
 * every waiting shopper likelier to give up, so a day's abandonment share varies several times more
 * than a binomial's, and a binomial standard error would be too small by the square root of that.
 *
 * @example
 * pearsonDispersion([[{ count: 10, trials: 100 }, { count: 30, trials: 100 }]]) // { dispersion: 12.5, degreesOfFreedom: 1 }
 */
export function pearsonDispersion(groups: readonly (readonly { count: number; trials: number }[])[]): Dispersion {
  let sum = 0;
  let degreesOfFreedom = 0;
  for (const runs of groups) {
    const used = runs.filter((run) => run.trials > 0);
    const trials = used.reduce((total, run) => total + run.trials, 0);
    const share = used.reduce((total, run) => total + run.count, 0) / trials;
    if (used.length < 2 || !(share > 0 && share < 1)) continue;
    for (const run of used) sum += (run.count - run.trials * share) ** 2 / (run.trials * share * (1 - share));
    degreesOfFreedom += used.length - 1;
  }
  return { dispersion: degreesOfFreedom > 0 ? sum / degreesOfFreedom : 1, degreesOfFreedom };
}
