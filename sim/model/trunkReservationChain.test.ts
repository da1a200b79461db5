// Value-based reservation (trunk reservation, desk.reservation) against an exact Markov chain
// (sim/analytic/trunkReservationChain.ts). Chats come from two segments by weight (a thinned Poisson stream is
// two independent Poisson streams): "vip" holds the reservation, "regular" does not. With exponential
// times and no slowdown the desk is that two-class chain; per class the simulated
// P(wait), P(block), P(abandon) and mean wait must put the exact value inside their 99% t-interval
// over REPLICATIONS independent replications (seeds 1..REPLICATIONS; none was picked for passing).
// The chain itself is checked against the loss system's product form and M/M/c/K in its own test file.

import { describe, expect, it } from "vitest";
import { type ReservationClassFigures, type TrunkReservationDesk, trunkReservationFigures } from "../analytic/index.ts";
import { type ConfidenceInterval, confidenceInterval99, expectInside } from "../engine/testConfidenceInterval.ts";
import type { ChatClassResults } from "./chatClassResults.ts";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG } from "./config.ts";
import type { Ratio } from "./results.ts";
import { simulateChatOnly } from "./simulateChatOnly.ts";

const DAYS = 3;
const WARMUP_SECONDS = 3600;
const INTERVAL_SECONDS = 3600;
const REPLICATIONS = 20;

function reservationConfig(desk: TrunkReservationDesk, agents: number, concurrency: number): ChatOnlyModelConfig {
  const intervals = (DAYS * 86400) / INTERVAL_SECONDS;
  const totalRate = desk.highRatePerSecond + desk.standardRatePerSecond;
  return {
    kind: "chatOnly",
    name: "reserved desk",
    horizon: { days: DAYS, intervalSeconds: INTERVAL_SECONDS },
    chatRatesPerSecond: new Array(intervals).fill(totalRate),
    handleSeconds: { kind: "exponential", mean: desk.meanHandleSeconds },
    patienceSeconds: Number.isFinite(desk.meanPatienceSeconds) ? { kind: "exponential", mean: desk.meanPatienceSeconds } : null,
    slowdownPerExtraChat: 0,
    serviceLevelSeconds: 20,
    agents: { scheduled: new Array(intervals).fill(agents), shrinkage: 0, concurrency, costPerHour: 20 },
    desk: {
      ...DEFAULT_DESK_CONFIG,
      warmupSeconds: WARMUP_SECONDS,
      maxQueueLength: desk.queueCap,
      reservation: { slots: desk.reservedSlots, minCartValue: null, segments: ["vip"] },
    },
    segments: [
      { name: "vip", weight: desk.highRatePerSecond / totalRate, cartValue: { kind: "constant", value: 0 } },
      { name: "regular", weight: desk.standardRatePerSecond / totalRate, cartValue: { kind: "constant", value: 0 } },
    ],
  };
}

function replicateClasses(config: ChatOnlyModelConfig): { highValue: ChatClassResults; standard: ChatClassResults }[] {
  return Array.from({ length: REPLICATIONS }, (_, replication) => {
    const byClass = simulateChatOnly(config, { seed: replication + 1 }).chat.byClass;
    if (byClass === undefined) throw new Error("a run under a reservation reported no classes");
    return byClass;
  });
}

function interval(runs: readonly ChatClassResults[], measure: (figures: ChatClassResults) => Ratio): ConfidenceInterval {
  return confidenceInterval99(runs.map((figures) => measure(figures) ?? Number.NaN));
}

function expectClass(runs: readonly ChatClassResults[], exact: ReservationClassFigures, name: string, queueing: boolean): void {
  expectInside(
    interval(runs, (figures) => figures.blockingRate),
    exact.probabilityOfBlock,
    `${name} P(block)`,
  );
  if (!queueing) return;
  expectInside(
    interval(runs, (figures) => figures.probabilityOfWait),
    exact.probabilityOfWait,
    `${name} P(wait)`,
  );
  expectInside(
    interval(runs, (figures) => figures.queueAbandonmentRate),
    exact.probabilityOfAbandon,
    `${name} P(abandon)`,
  );
  expectInside(
    interval(runs, (figures) => figures.meanWaitSeconds),
    exact.meanWaitSeconds,
    `${name} mean wait`,
  );
}

describe("simulateChatOnly with desk.reservation against the exact chain", () => {
  it("loss desk: 6 agents × 1 slot, 2 reserved, no queue, 2 + 3 Erlangs: per-class P(block) inside the 99% CI", () => {
    const desk = {
      slots: 6,
      reservedSlots: 2,
      highRatePerSecond: 2 / 180,
      standardRatePerSecond: 3 / 180,
      meanHandleSeconds: 180,
      meanPatienceSeconds: Infinity,
      queueCap: 0,
    };
    const exact = trunkReservationFigures(desk);
    const runs = replicateClasses(reservationConfig(desk, 6, 1));
    expectClass(
      runs.map((run) => run.highValue),
      exact.highValue,
      "high-value",
      false,
    );
    expectClass(
      runs.map((run) => run.standard),
      exact.standard,
      "standard",
      false,
    );
    // Reservation does what it is for: standard chats are blocked several times as often.
    expect(exact.standard.probabilityOfBlock).toBeGreaterThan(3 * exact.highValue.probabilityOfBlock);
  });

  it("queueing desk: 2 agents × 3 slots, 2 reserved, queue cap 6, patience 120 s, 1.5 + 3.5 Erlangs: per-class P(wait), P(block), P(abandon), mean wait inside the 99% CI", () => {
    const desk = {
      slots: 6,
      reservedSlots: 2,
      highRatePerSecond: 1.5 / 180,
      standardRatePerSecond: 3.5 / 180,
      meanHandleSeconds: 180,
      meanPatienceSeconds: 120,
      queueCap: 6,
    };
    const exact = trunkReservationFigures(desk);
    const runs = replicateClasses(reservationConfig(desk, 2, 3));
    expectClass(
      runs.map((run) => run.highValue),
      exact.highValue,
      "high-value",
      true,
    );
    expectClass(
      runs.map((run) => run.standard),
      exact.standard,
      "standard",
      true,
    );
  });
});
