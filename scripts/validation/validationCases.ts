// The cases `npm run validate` checks: the same desks, exact solutions and figures as the statistical
// tests of sim/model (chatPoolChain, simulateChatOnly, trunkReservationChain .test.ts), so its table is
// the evidence those tests assert. Every exact value comes from a solver in sim/analytic, computed
// when the case is built, never copied from a run.

import {
  type ChatPool,
  chatPoolFigures,
  erlangA,
  erlangCMetrics,
  mmck,
  type ReservationClassFigures,
  type TrunkReservationDesk,
  trunkReservationFigures,
} from "../../sim/analytic/index.ts";
import type { ChatOnlyModelConfig, ChatOnlyResults, ChatQueueResults, Ratio, SlowdownMode } from "../../sim/model/index.ts";
import { stationaryDeskConfig, VALIDATION_SERVICE_LEVEL_SECONDS } from "./stationaryDeskConfig.ts";

/**
 * Where the exact value must lie against the simulation's 99% interval: inside it, or (for a model
 * that is known to be wrong, kept to show the check can fail) wholly above or below it.
 */
export type Expectation = "inside" | "ciAbove" | "ciBelow";

/** One checked figure: its exact value and how to read it from a replication's results. */
export interface ValidationFigure {
  readonly figure: string;
  readonly exact: number;
  readonly measure: (results: ChatOnlyResults) => Ratio;
  readonly expectation: Expectation;
}

/** One desk: its scenario, the exact solution it is checked against and the figures compared. */
export interface ValidationCase {
  readonly name: string;
  /** The exact solution, e.g. "exact CTMC (chatPoolFigures)". */
  readonly exactSolution: string;
  /** The test file that asserts the same figures. */
  readonly test: string;
  readonly config: ChatOnlyModelConfig;
  readonly figures: readonly ValidationFigure[];
}

const MEAN_HANDLE_SECONDS = 180;
/** Per-chat slowdown of the chat-pool cases (sim/model/chatPoolChain.test.ts). */
const POOL_SLOWDOWN = 0.2;

/** Every case, in table order. */
export function validationCases(): ValidationCase[] {
  return [
    chatPoolCase("slowdown pool 3.5 Erlangs, no patience", poolAt(3.5, null)),
    chatPoolCase("slowdown pool 5.5 Erlangs (86% of capacity), no patience", poolAt(5.5, null)),
    chatPoolCase("slowdown pool 7 Erlangs, patience 120 s", poolAt(7, 120)),
    oldSemanticsCase(),
    queueCapCase("queue cap: 6 agents, cap 4 (K = 10), 6 Erlangs", 6, 6, 4),
    queueCapCase("queue cap 0 (Erlang B): 5 agents, 4 Erlangs", 4, 5, 0),
    erlangCCase(),
    erlangACase("Erlang A: 20 agents, 20 Erlangs, patience 120 s", 20, 120, 25, 1, 20),
    erlangACase("Erlang A: 8 agents × 3 slots, 22 Erlangs, patience 90 s", 22, 90, 10, 3, 24),
    reservationCase("trunk reservation, loss desk: 6 × 1 slots, 2 reserved, 2 + 3 Erlangs", lossDesk(), 6, 1),
    reservationCase("trunk reservation, queueing desk: 2 × 3 slots, 2 reserved, cap 6, patience 120 s", queueingReservedDesk(), 2, 3),
  ];
}

function chat(measure: (chat: ChatQueueResults) => Ratio): (results: ChatOnlyResults) => Ratio {
  return (results) => measure(results.chat);
}

function poolAt(loadErlangs: number, meanPatienceSeconds: number | null, slowdownPerExtraChat = POOL_SLOWDOWN): ChatPool {
  return {
    agents: 3,
    slots: 3,
    arrivalRatePerSecond: loadErlangs / MEAN_HANDLE_SECONDS,
    meanHandleSeconds: MEAN_HANDLE_SECONDS,
    slowdownPerExtraChat,
    meanPatienceSeconds,
  };
}

function poolConfig(pool: ChatPool, slowdownMode: SlowdownMode): ChatOnlyModelConfig {
  return stationaryDeskConfig({
    name: "chat pool",
    arrivalRatePerSecond: pool.arrivalRatePerSecond,
    meanHandleSeconds: pool.meanHandleSeconds,
    meanPatienceSeconds: pool.meanPatienceSeconds,
    scheduledAgents: pool.agents,
    shrinkage: 0,
    concurrency: pool.slots,
    slowdownPerExtraChat: pool.slowdownPerExtraChat,
    desk: { slowdownMode },
  });
}

function chatPoolCase(name: string, pool: ChatPool): ValidationCase {
  const exact = chatPoolFigures(pool);
  const inside = (figure: string, exactValue: number, measure: (chat: ChatQueueResults) => Ratio): ValidationFigure => ({
    figure,
    exact: exactValue,
    measure: chat(measure),
    expectation: "inside",
  });
  return {
    name,
    exactSolution: "exact CTMC, 3 agents × 3 slots, slowdown 0.2 (chatPoolFigures)",
    test: "sim/model/chatPoolChain.test.ts",
    config: poolConfig(pool, "loadDependent"),
    figures: [
      inside("P(wait)", exact.probabilityOfWait, (run) => run.probabilityOfWait),
      ...(pool.meanPatienceSeconds === null ? [] : [inside("P(abandon)", exact.probabilityOfAbandon, (run) => run.queueAbandonmentRate)]),
      inside("mean wait (s)", exact.meanWaitSeconds, (run) => run.meanWaitSeconds),
      inside("chats per agent", exact.meanChatsPerAgent, (run) => run.meanChatsPerAgent),
      inside("handle time (s)", exact.meanHandleSeconds, (run) => run.meanHandleSeconds),
    ],
  };
}

/**
 * The old semantics (slowdown fixed by the load when a chat starts) against the chain of the
 * current one, at a slowdown strong enough to tell them apart: it must miss, giving fewer abandons
 * and longer chats than the exact answer.
 */
function oldSemanticsCase(): ValidationCase {
  const pool = poolAt(4, 120, 0.5);
  const exact = chatPoolFigures(pool);
  return {
    name: "OLD semantics fixedAtStart, slowdown 0.5, 4 Erlangs, patience 120 s (expected outside)",
    exactSolution: "exact CTMC of the load-dependent slowdown, 3 agents × 3 slots, slowdown 0.5 (chatPoolFigures)",
    test: "sim/model/chatPoolChain.test.ts",
    config: poolConfig(pool, "fixedAtStart"),
    figures: [
      { figure: "P(abandon)", exact: exact.probabilityOfAbandon, measure: chat((run) => run.queueAbandonmentRate), expectation: "ciBelow" },
      { figure: "handle time (s)", exact: exact.meanHandleSeconds, measure: chat((run) => run.meanHandleSeconds), expectation: "ciAbove" },
    ],
  };
}

/** Single-chat agents with a queue cap: M/M/c/K with K = agents + cap (sim/model/simulateChatOnly.test.ts). */
function queueCapCase(name: string, loadErlangs: number, agents: number, maxQueueLength: number): ValidationCase {
  const arrivalRatePerSecond = loadErlangs / MEAN_HANDLE_SECONDS;
  const exact = mmck({ arrivalRatePerSecond, meanServiceSeconds: MEAN_HANDLE_SECONDS, servers: agents, capacity: agents + maxQueueLength });
  const blocking: ValidationFigure = {
    figure: "P(blocked)",
    exact: exact.probabilityOfBlocking,
    measure: chat((run) => run.blockingRate),
    expectation: "inside",
  };
  return {
    name,
    exactSolution: `M/M/c/K, c = ${agents}, K = ${agents + maxQueueLength} (mmck)`,
    test: "sim/model/simulateChatOnly.test.ts",
    config: stationaryDeskConfig({
      name: "stationary desk",
      arrivalRatePerSecond,
      meanHandleSeconds: MEAN_HANDLE_SECONDS,
      meanPatienceSeconds: null,
      scheduledAgents: agents,
      shrinkage: 0,
      concurrency: 1,
      slowdownPerExtraChat: 0,
      desk: { shrinkageMethod: "floor", maxQueueLength },
    }),
    figures:
      maxQueueLength === 0
        ? [blocking]
        : [
            blocking,
            // Blocked chats never queue: P(wait) over all requests is the admitted ones' P(wait) × (1 − P(blocked)).
            {
              figure: "P(wait)",
              exact: exact.probabilityOfWait * (1 - exact.probabilityOfBlocking),
              measure: chat((run) => run.probabilityOfWait),
              expectation: "inside",
            },
            { figure: "mean wait of admitted (s)", exact: exact.meanWaitSeconds, measure: chat((run) => run.meanWaitSeconds), expectation: "inside" },
            { figure: "occupancy", exact: exact.occupancy, measure: chat((run) => run.occupancy), expectation: "inside" },
          ],
  };
}

/** 25 scheduled agents at 20% shrinkage ("floor") are 20 online, concurrency 1, no slowdown. */
function erlangDesk(loadErlangs: number, meanPatienceSeconds: number | null, scheduledAgents: number, concurrency: number): ChatOnlyModelConfig {
  return stationaryDeskConfig({
    name: "stationary desk",
    arrivalRatePerSecond: loadErlangs / MEAN_HANDLE_SECONDS,
    meanHandleSeconds: MEAN_HANDLE_SECONDS,
    meanPatienceSeconds,
    scheduledAgents,
    shrinkage: 0.2,
    concurrency,
    slowdownPerExtraChat: 0,
    desk: { shrinkageMethod: "floor" },
  });
}

function erlangCCase(): ValidationCase {
  const exact = erlangCMetrics({
    arrivalRatePerSecond: 17 / MEAN_HANDLE_SECONDS,
    meanServiceSeconds: MEAN_HANDLE_SECONDS,
    servers: 20,
    targetSeconds: VALIDATION_SERVICE_LEVEL_SECONDS,
  });
  return {
    name: "Erlang C: 20 agents (25 at 20% shrinkage), 17 Erlangs",
    exactSolution: "Erlang C, 20 servers (erlangCMetrics)",
    test: "sim/model/simulateChatOnly.test.ts",
    config: erlangDesk(17, null, 25, 1),
    figures: [
      { figure: "P(wait)", exact: exact.probabilityOfWait, measure: chat((run) => run.probabilityOfWait), expectation: "inside" },
      { figure: "mean wait (s)", exact: exact.meanWaitSeconds, measure: chat((run) => run.meanWaitSeconds), expectation: "inside" },
      { figure: "service level (20 s)", exact: exact.serviceLevel, measure: chat((run) => run.serviceLevel), expectation: "inside" },
    ],
  };
}

function erlangACase(
  name: string,
  loadErlangs: number,
  meanPatienceSeconds: number,
  scheduledAgents: number,
  concurrency: number,
  servers: number,
): ValidationCase {
  const exact = erlangA({
    arrivalRatePerSecond: loadErlangs / MEAN_HANDLE_SECONDS,
    meanServiceSeconds: MEAN_HANDLE_SECONDS,
    meanPatienceSeconds,
    servers,
    targetSeconds: VALIDATION_SERVICE_LEVEL_SECONDS,
  });
  return {
    name,
    exactSolution: `Erlang A (M/M/${servers}+M) (erlangA)`,
    test: "sim/model/simulateChatOnly.test.ts",
    config: erlangDesk(loadErlangs, meanPatienceSeconds, scheduledAgents, concurrency),
    figures: [
      { figure: "P(wait)", exact: exact.probabilityOfWait, measure: chat((run) => run.probabilityOfWait), expectation: "inside" },
      { figure: "mean wait (s)", exact: exact.meanWaitSeconds, measure: chat((run) => run.meanWaitSeconds), expectation: "inside" },
      { figure: "P(abandon)", exact: exact.probabilityOfAbandon, measure: chat((run) => run.queueAbandonmentRate), expectation: "inside" },
      { figure: "service level (20 s)", exact: exact.serviceLevel, measure: chat((run) => run.serviceLevel), expectation: "inside" },
    ],
  };
}

function lossDesk(): TrunkReservationDesk {
  return {
    slots: 6,
    reservedSlots: 2,
    highRatePerSecond: 2 / MEAN_HANDLE_SECONDS,
    standardRatePerSecond: 3 / MEAN_HANDLE_SECONDS,
    meanHandleSeconds: MEAN_HANDLE_SECONDS,
    meanPatienceSeconds: Infinity,
    queueCap: 0,
  };
}

function queueingReservedDesk(): TrunkReservationDesk {
  return {
    slots: 6,
    reservedSlots: 2,
    highRatePerSecond: 1.5 / MEAN_HANDLE_SECONDS,
    standardRatePerSecond: 3.5 / MEAN_HANDLE_SECONDS,
    meanHandleSeconds: MEAN_HANDLE_SECONDS,
    meanPatienceSeconds: 120,
    queueCap: 6,
  };
}

/** Two segments by weight, "vip" holding the reservation (sim/model/trunkReservationChain.test.ts). */
function reservationCase(name: string, desk: TrunkReservationDesk, agents: number, concurrency: number): ValidationCase {
  const exact = trunkReservationFigures(desk);
  const totalRate = desk.highRatePerSecond + desk.standardRatePerSecond;
  const queueing = desk.queueCap > 0;
  const classFigures = (label: string, figures: ReservationClassFigures, className: "highValue" | "standard"): ValidationFigure[] => {
    const of = (measure: (figures: NonNullable<ChatQueueResults["byClass"]>["standard"]) => Ratio) => (results: ChatOnlyResults) => {
      const byClass = results.chat.byClass;
      if (byClass === undefined) throw new Error("a run under a reservation reported no classes");
      return measure(byClass[className]);
    };
    const blocking: ValidationFigure = {
      figure: `${label} P(blocked)`,
      exact: figures.probabilityOfBlock,
      measure: of((run) => run.blockingRate),
      expectation: "inside",
    };
    if (!queueing) return [blocking];
    return [
      blocking,
      { figure: `${label} P(wait)`, exact: figures.probabilityOfWait, measure: of((run) => run.probabilityOfWait), expectation: "inside" },
      { figure: `${label} P(abandon)`, exact: figures.probabilityOfAbandon, measure: of((run) => run.queueAbandonmentRate), expectation: "inside" },
      { figure: `${label} mean wait (s)`, exact: figures.meanWaitSeconds, measure: of((run) => run.meanWaitSeconds), expectation: "inside" },
    ];
  };
  return {
    name,
    exactSolution: `two-class CTMC, ${desk.slots} slots, ${desk.reservedSlots} reserved (trunkReservationFigures)`,
    test: "sim/model/trunkReservationChain.test.ts",
    config: stationaryDeskConfig({
      name: "reserved desk",
      arrivalRatePerSecond: totalRate,
      meanHandleSeconds: desk.meanHandleSeconds,
      meanPatienceSeconds: Number.isFinite(desk.meanPatienceSeconds) ? desk.meanPatienceSeconds : null,
      scheduledAgents: agents,
      shrinkage: 0,
      concurrency,
      slowdownPerExtraChat: 0,
      desk: { maxQueueLength: desk.queueCap, reservation: { slots: desk.reservedSlots, minCartValue: null, segments: ["vip"] } },
      segments: [
        { name: "vip", weight: desk.highRatePerSecond / totalRate, cartValue: { kind: "constant", value: 0 } },
        { name: "regular", weight: desk.standardRatePerSecond / totalRate, cartValue: { kind: "constant", value: 0 } },
      ],
    }),
    figures: [...classFigures("high-value", exact.highValue, "highValue"), ...classFigures("standard", exact.standard, "standard")],
  };
}
