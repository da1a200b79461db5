import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { checkLevel, DEFAULT_CONFIDENCE_LEVEL } from "./estimate.ts";

/** A share with its confidence interval. */
export interface ShareEstimate {
  successes: number;
  trials: number;
  /** successes ÷ trials (null with no trials). */
  share: number | null;
  lower: number;
  upper: number;
}

/**
 * The Wilson score interval for a binomial share (Wilson 1927, JASA 22:209): the set of p whose
 * score test does not reject, (p̂ + z²/2n ± z √(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z the normal
 * quantile at 1 − (1 − level)/2. Unlike the Wald interval it stays inside [0, 1] and keeps its
 * coverage near 0 and 1 and for small n (Newcombe 1998, Stat. Med. 17:857, method 3; Brown, Cai &
 * DasGupta 2001). With no trials the interval is all of [0, 1].
 *
 * @example
 * wilsonInterval(81, 263) // { share: 0.308, lower: 0.2553…, upper: 0.3662… } (Newcombe 1998, Table I)
 */
export function wilsonInterval(successes: number, trials: number, level = DEFAULT_CONFIDENCE_LEVEL): ShareEstimate {
  checkLevel(level);
  if (!Number.isInteger(trials) || trials < 0) throw new RangeError(`invalid trials: ${trials} (must be an integer >= 0)`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new RangeError(`invalid successes: ${successes} (must be an integer from 0 to trials, ${trials})`);
  if (trials === 0) return { successes, trials, share: null, lower: 0, upper: 1 };
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const share = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (share + z2n / 2) / (1 + z2n);
  const halfWidth = (z / (1 + z2n)) * Math.sqrt((share * (1 - share)) / trials + z2n / (4 * trials));
  // At 0 or n successes one bound is exactly 0 or 1; rounding must not move it off.
  return {
    successes,
    trials,
    share,
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === trials ? 1 : Math.min(1, centre + halfWidth),
  };
}
