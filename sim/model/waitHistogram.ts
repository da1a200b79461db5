/** Upper bounds (inclusive) of the answered-wait histogram buckets, seconds; the last is open. */
export const WAIT_HISTOGRAM_BOUNDS_SECONDS = [0, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, Infinity] as const;

/**
 * Index of the bucket of WAIT_HISTOGRAM_BOUNDS_SECONDS that holds `waitSeconds`.
 *
 * waitBucket(0) // → 0
 * waitBucket(7) // → 2 (5 < 7 ≤ 10)
 */
export function waitBucket(waitSeconds: number): number {
  let bucket = 0;
  while (waitSeconds > WAIT_HISTOGRAM_BOUNDS_SECONDS[bucket]) bucket++;
  return bucket;
}
