// The exact continuous-time Markov chain of a desk with trunk reservation, computed independently of
// the simulator: the reference desk.reservation is validated against (sim/model/trunkReservationChain.test.ts,
// `npm run validate`).
//
// S slots, each chat served at rate μ whatever else runs (slowdown 0, so S = agents × concurrency
// independent slots). High-value chats arrive at λ₁ and take any free slot; standard chats at λ₂ and
// take one only while more than r slots are free. Chats that cannot start wait (each gives up at
// rate θ) unless the queue holds `queueCap` chats already; then they are blocked. State (n, q₁, q₂):
// n chats in service, q₁ high-value and q₂ standard chats waiting. With r ≥ 1 the state is Markov:
// high-value chats wait only when n = S, and a slot freed then goes to a waiting high-value chat
// (one free slot is reserved), else to a waiting standard chat once more than r slots are free.

import { requireInteger, requireNonNegative, requirePositive } from "../errors/index.ts";
import { stationaryDistribution } from "./stationaryDistribution.ts";

/** A desk with trunk reservation: slots, reserved slots, two Poisson classes, exponential times. Seconds; rates per second. */
export interface TrunkReservationDesk {
  readonly slots: number;
  readonly reservedSlots: number;
  readonly highRatePerSecond: number;
  readonly standardRatePerSecond: number;
  readonly meanHandleSeconds: number;
  /** Mean patience (exponential); Infinity with queueCap 0 gives the loss system. */
  readonly meanPatienceSeconds: number;
  readonly queueCap: number;
}

/** Exact per-class figures (PASTA for what arrivals see; Little's law and rate balance for waits and abandons). */
export interface ReservationClassFigures {
  readonly probabilityOfWait: number;
  readonly probabilityOfBlock: number;
  readonly probabilityOfAbandon: number;
  /** Mean wait of the chats that queued or started (served: until answered; abandoned: until giving up). */
  readonly meanWaitSeconds: number;
}

/**
 * Solves the chain: per class P(wait), P(block), P(abandon) and mean wait. States O(slots × queueCap²),
 * solved densely: meant for small desks (6 slots and a queue cap of 6: a few dozen states).
 *
 * @example
 * trunkReservationFigures({ slots: 6, reservedSlots: 2, highRatePerSecond: 2 / 180, standardRatePerSecond: 3 / 180, meanHandleSeconds: 180, meanPatienceSeconds: Infinity, queueCap: 0 });
 * // highValue.probabilityOfBlock 0.04380585246188878, standard.probabilityOfBlock 0.5037673033117223
 */
export function trunkReservationFigures(desk: TrunkReservationDesk): { highValue: ReservationClassFigures; standard: ReservationClassFigures } {
  const slots = requireInteger("slots", desk.slots, 2);
  // r >= 1 keeps (n, q₁, q₂) Markov (see above); r < slots leaves standard chats a slot to take.
  const r = requireInteger("reservedSlots", desk.reservedSlots, 1);
  if (r >= slots) throw new RangeError(`invalid reservedSlots: ${r} (must be below slots, ${slots})`);
  const queueCap = requireInteger("queueCap", desk.queueCap, 0);
  requirePositive("highRatePerSecond", desk.highRatePerSecond);
  requireNonNegative("standardRatePerSecond", desk.standardRatePerSecond);
  const mu = 1 / requirePositive("meanHandleSeconds", desk.meanHandleSeconds);
  const theta = desk.meanPatienceSeconds === Infinity ? 0 : 1 / requirePositive("meanPatienceSeconds", desk.meanPatienceSeconds);
  const states: [number, number, number][] = [];
  const index = new Map<string, number>();
  const add = (n: number, q1: number, q2: number) => {
    index.set(`${n},${q1},${q2}`, states.length);
    states.push([n, q1, q2]);
  };
  for (let n = 0; n <= slots; n++) {
    const standardWaits = slots - n <= r;
    for (let q1 = 0; q1 <= (n === slots ? queueCap : 0); q1++) {
      for (let q2 = 0; q1 + q2 <= (standardWaits ? queueCap : q1); q2++) add(n, q1, q2);
    }
  }
  const size = states.length;
  const q = Array.from({ length: size }, () => new Float64Array(size));
  const rate = (from: number, n: number, q1: number, q2: number, value: number) => {
    if (value <= 0) return;
    const to = index.get(`${n},${q1},${q2}`);
    if (to === undefined) throw new Error(`state ${n},${q1},${q2} missing`);
    q[from][to] += value;
    q[from][from] -= value;
  };
  states.forEach(([n, q1, q2], from) => {
    const queued = q1 + q2;
    if (n < slots) rate(from, n + 1, q1, q2, desk.highRatePerSecond);
    else if (queued < queueCap) rate(from, n, q1 + 1, q2, desk.highRatePerSecond);
    if (slots - n > r) rate(from, n + 1, q1, q2, desk.standardRatePerSecond);
    else if (queued < queueCap) rate(from, n, q1, q2 + 1, desk.standardRatePerSecond);
    // A completion frees a slot: a waiting high-value chat takes it, else a standard one if more than r are then free.
    if (n > 0) {
      if (q1 > 0) rate(from, n, q1 - 1, q2, n * mu);
      else if (q2 > 0 && slots - (n - 1) > r) rate(from, n, q1, q2 - 1, n * mu);
      else rate(from, n - 1, q1, q2, n * mu);
    }
    rate(from, n, q1 - 1, q2, q1 * theta);
    rate(from, n, q1, q2 - 1, q2 * theta);
  });
  const pi = stationaryDistribution(q);
  const sum = (pick: (n: number, q1: number, q2: number) => number) => states.reduce((total, [n, q1, q2], i) => total + pi[i] * pick(n, q1, q2), 0);
  const figures = (arrivalRate: number, waits: (n: number) => boolean, queueOf: (q1: number, q2: number) => number): ReservationClassFigures => {
    const probabilityOfBlock = sum((n, q1, q2) => (waits(n) && q1 + q2 >= queueCap ? 1 : 0));
    const meanQueue = sum((_, q1, q2) => queueOf(q1, q2));
    return {
      probabilityOfWait: sum((n, q1, q2) => (waits(n) && q1 + q2 < queueCap ? 1 : 0)),
      probabilityOfBlock,
      probabilityOfAbandon: (theta * meanQueue) / arrivalRate,
      meanWaitSeconds: meanQueue / (arrivalRate * (1 - probabilityOfBlock)),
    };
  };
  return {
    highValue: figures(
      desk.highRatePerSecond,
      (n) => n === slots,
      (q1) => q1,
    ),
    standard: figures(
      desk.standardRatePerSecond,
      (n) => slots - n <= r,
      (_, q2) => q2,
    ),
  };
}
