import { requireInteger, requireNonNegative } from "../errors/index.ts";

/**
 * Erlang B (Erlang's loss formula): the probability that an arrival finds all `servers` busy in
 * an M/M/c/c system with offered load A = lambda / mu Erlangs,
 * B(c, A) = (A^c / c!) / sum_{k=0..c} A^k / k!.
 *
 * Computed by the standard recursion B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1))
 * (Jagerman, "Some properties of the Erlang loss function", Bell System Technical Journal 53, 1974):
 * every step is a ratio of positive numbers, so it is stable, never overflows, and costs O(c);
 * for c = 2000 it agrees with a 60-digit Decimal sum to ~1e-15 relative.
 * Tiny results underflow gracefully to 0 (e.g. B(2000, 500) < 1e-308).
 *
 * @example
 * erlangB(10, 5); // 0.018384570336648132  (Erlang B tables: 0.018384)
 */
export function erlangB(servers: number, offeredLoadErlangs: number): number {
  requireInteger("servers", servers, 1);
  requireNonNegative("offeredLoadErlangs", offeredLoadErlangs);
  let blocking = 1;
  for (let n = 1; n <= servers; n++) {
    const carried = offeredLoadErlangs * blocking;
    blocking = carried / (n + carried);
  }
  return blocking;
}
