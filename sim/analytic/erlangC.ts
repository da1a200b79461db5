import { requireInteger, requireNonNegative } from "../errors/index.ts";
import { erlangB } from "./erlangB.ts";

/**
 * Erlang C: the probability that an arrival has to wait in an M/M/c queue with offered load
 * A = lambda / mu Erlangs, C(c, A) = c B(c, A) / (c - A (1 - B(c, A))) for A < c, and 1 when
 * A >= c (the queue is unstable and, in the limit, everyone waits).
 * The identity with Erlang B is in Gross & Harris, "Fundamentals of Queueing Theory", 4th ed.,
 * sec. 2.3; both terms of the denominator are positive, so there is no cancellation.
 *
 * @example
 * erlangC(14, 10); // 0.1741319335950498  (pyworkforce README: 100 calls / 30 min, AHT 180 s)
 */
export function erlangC(servers: number, offeredLoadErlangs: number): number {
  requireInteger("servers", servers, 1);
  requireNonNegative("offeredLoadErlangs", offeredLoadErlangs);
  if (offeredLoadErlangs >= servers) return 1;
  const blocking = erlangB(servers, offeredLoadErlangs);
  return (servers * blocking) / (servers - offeredLoadErlangs * (1 - blocking));
}
