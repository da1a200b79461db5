/**
 * The seed of replication r of a run seeded `seed`. Every variant in a comparison uses the same
 * replication seeds, so replication r of each variant sees the same shoppers (common random numbers).
 *
 * @example
 * replicationSeed(42, 3) // "42:r3"
 */
export function replicationSeed(seed: string | number, replication: number): string {
  return `${seed}:r${replication}`;
}
