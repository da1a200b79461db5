// The load-dependent slowdown against an exact Markov chain (sim/analytic/chatPoolChain.ts): 3 agents × 3 chat
// slots, each open chat worked at 1 ÷ (1 + 0.2 (n − 1)) of its base speed while its agent holds n
// chats, least-loaded routing, first-come first-served, exponential times. At three loads (one with
// exponential patience) the simulated P(wait), P(abandon), mean wait, mean chats per agent and mean
// handle time must put the exact value inside their 99% t-interval over REPLICATIONS independent
// replications (seeds 1..REPLICATIONS; none was picked for passing). The chain itself is checked
// against Erlang A and Erlang C in its own test file.
//
// The old semantics (slowdown fixed by the load when a chat starts) is a different queue: with a
// stronger slowdown (0.5) at 4 Erlangs and patience 120 s the exact P(abandon) (0.084) and handle time
// (295 s) must fall outside its intervals (it gives about 6% fewer abandons and 3.5% longer chats).

import { describe, expect, it } from "vitest";
import { type ChatPool, chatPoolFigures } from "../analytic/index.ts";
import { type ConfidenceInterval, confidenceInterval99, expectInside } from "../engine/testConfidenceInterval.ts";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG, type SlowdownMode } from "./config.ts";
import type { ChatQueueResults, Ratio } from "./results.ts";
import { simulateChatOnly } from "./simulateChatOnly.ts";

const DAYS = 3;
/** The empty start is left out (20 mean handle times), so shorter runs carry no start-up bias. */
const WARMUP_SECONDS = 3600;
const INTERVAL_SECONDS = 3600;
const REPLICATIONS = 20;
const MEAN_HANDLE_SECONDS = 180;
const SLOWDOWN = 0.2;

function poolAt(loadErlangs: number, meanPatienceSeconds: number | null, slowdownPerExtraChat = SLOWDOWN): ChatPool {
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
  const intervals = (DAYS * 86400) / INTERVAL_SECONDS;
  return {
    kind: "chatOnly",
    name: "chat pool",
    horizon: { days: DAYS, intervalSeconds: INTERVAL_SECONDS },
    chatRatesPerSecond: new Array(intervals).fill(pool.arrivalRatePerSecond),
    handleSeconds: { kind: "exponential", mean: pool.meanHandleSeconds },
    patienceSeconds: pool.meanPatienceSeconds === null ? null : { kind: "exponential", mean: pool.meanPatienceSeconds },
    slowdownPerExtraChat: pool.slowdownPerExtraChat,
    serviceLevelSeconds: 20,
    agents: { scheduled: new Array(intervals).fill(pool.agents), shrinkage: 0, concurrency: pool.slots, costPerHour: 20 },
    desk: { ...DEFAULT_DESK_CONFIG, slowdownMode, warmupSeconds: WARMUP_SECONDS },
  };
}

function replicate(config: ChatOnlyModelConfig): ChatQueueResults[] {
  return Array.from({ length: REPLICATIONS }, (_, replication) => simulateChatOnly(config, { seed: replication + 1 }).chat);
}

function interval(runs: readonly ChatQueueResults[], measure: (chat: ChatQueueResults) => Ratio): ConfidenceInterval {
  return confidenceInterval99(runs.map((chat) => measure(chat) ?? Number.NaN));
}

describe("simulateChatOnly with load-dependent slowdown against the exact chain (3 agents × 3 slots, s = 0.2)", () => {
  const cases = [
    { name: "light load 3.5 Erlangs, no patience", pool: poolAt(3.5, null) },
    { name: "heavy load 5.5 Erlangs (86% of capacity), no patience", pool: poolAt(5.5, null) },
    { name: "overload 7 Erlangs, exponential patience 120 s", pool: poolAt(7, 120) },
  ];
  for (const { name, pool } of cases) {
    it(`${name}: P(wait), P(abandon), mean wait, chats per agent and handle time inside the 99% CI`, () => {
      const exact = chatPoolFigures(pool);
      const runs = replicate(poolConfig(pool, "loadDependent"));
      expectInside(
        interval(runs, (chat) => chat.probabilityOfWait),
        exact.probabilityOfWait,
        "P(wait)",
      );
      if (pool.meanPatienceSeconds === null) expect(runs.every((chat) => chat.abandoned === 0)).toBe(true);
      else
        expectInside(
          interval(runs, (chat) => chat.queueAbandonmentRate),
          exact.probabilityOfAbandon,
          "P(abandon)",
        );
      expectInside(
        interval(runs, (chat) => chat.meanWaitSeconds),
        exact.meanWaitSeconds,
        "mean wait",
      );
      expectInside(
        interval(runs, (chat) => chat.meanChatsPerAgent),
        exact.meanChatsPerAgent,
        "chats per agent",
      );
      expectInside(
        interval(runs, (chat) => chat.meanHandleSeconds),
        exact.meanHandleSeconds,
        "handle time",
      );
    });
  }

  it("fixedAtStart (slowdown drawn once) misses the exact P(abandon) and handle time at slowdown 0.5", () => {
    const pool = poolAt(4, 120, 0.5);
    const exact = chatPoolFigures(pool);
    const runs = replicate(poolConfig(pool, "fixedAtStart"));
    expect(interval(runs, (chat) => chat.queueAbandonmentRate).high).toBeLessThan(exact.probabilityOfAbandon);
    expect(interval(runs, (chat) => chat.meanHandleSeconds).low).toBeGreaterThan(exact.meanHandleSeconds);
  });
});
