// measureLoads on hand-made evaluations, in milliseconds: the store branch's generous-staffing rounds,
// the measured rates, the pooled handle time, the invitation share and the chat-weighted patience, each
// worked out by hand (measureLoads.test.ts runs the real store simulation).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG, type SimulationResults, type StoreModelConfig } from "../../sim/model/index.ts";
import { parseScenario, readDataFile } from "../scenario/index.ts";
import type { ScheduleEvaluation } from "./evaluateSchedule.ts";
import { chatWeightedPatienceSeconds, measureLoads } from "./measureLoads.ts";

const baselinePath = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));
/** The baseline store: 48 half-hour intervals, 1 or 2 agents scheduled, 30% shrinkage, the reactive-only policy. */
function store(edit: (data: Record<string, any>) => void = () => {}): StoreModelConfig {
  const data = readDataFile(baselinePath, "scenario file") as Record<string, any>;
  edit(data);
  return parseScenario(data, { path: baselinePath }).config as StoreModelConfig;
}
const baseline = store();
const INTERVALS = 48;

interface HandRun {
  kind?: "store" | "chatOnly";
  probabilityOfWait: number | null;
  /** Requests in every interval. */
  requestsPerInterval?: number;
  served?: number;
  meanHandleSeconds?: number | null;
  accepted?: number;
}

function run(hand: HandRun): SimulationResults {
  const requestsPerInterval = hand.requestsPerInterval ?? 0;
  return {
    kind: hand.kind ?? "store",
    chat: {
      probabilityOfWait: hand.probabilityOfWait,
      served: hand.served ?? 0,
      meanHandleSeconds: hand.meanHandleSeconds ?? null,
      requests: requestsPerInterval * INTERVALS,
    },
    intervals: { chatRequests: new Array(INTERVALS).fill(requestsPerInterval) },
    invitations: { accepted: hand.accepted ?? 0 },
  } as unknown as SimulationResults;
}

/** An evaluate that records each schedule asked for and answers with `runsFor(scheduled agents)`. */
function handEvaluate(runsFor: (agents: number) => SimulationResults[], asked: number[] = []) {
  return async (scheduled: number[]): Promise<ScheduleEvaluation> => {
    asked.push(scheduled[0]);
    expect(new Set(scheduled)).toEqual(new Set([scheduled[0]]));
    expect(scheduled).toHaveLength(INTERVALS);
    const runs = runsFor(scheduled[0]);
    return { schedule: scheduled, runs, replicationNumbers: runs.map((_, r) => r), intervals: [], errored: [], cancelled: 0 };
  };
}

describe("measureLoads on hand-made evaluations", () => {
  it("doubles the generous online staffing until at most 2% of chats wait: 4, 8, 16 online = 6, 12, 23 scheduled at 30% shrinkage", async () => {
    // The baseline's 2 scheduled agents are ⌊1.4⌋ = 1 online: start at max(4, 2 × 1) = 4 online. The fewest scheduled for
    // n online at 30% shrinkage: 4 → 6 (⌊4.2⌋; 5 gives ⌊3.5⌋), 8 → 12 (⌊8.4⌋; 11 gives 7), 16 → 23 (⌊16.1⌋; 22 gives 15).
    // P(wait) 0.3 at 6 and 0.1 at 12 are too high; 0.02 at 23 is at the bound and stops the doubling.
    const waits: Record<number, number> = { 6: 0.3, 12: 0.1, 23: 0.02 };
    const asked: number[] = [];
    const loads = await measureLoads(
      baseline,
      handEvaluate(
        (agents) => [
          // Replication 0: 10 requests an interval, 100 served at 200 s; replication 1: 20 an interval, 300 served at 300 s.
          run({ probabilityOfWait: waits[agents] - 0.01, requestsPerInterval: 10, served: 100, meanHandleSeconds: 200, accepted: 10 }),
          run({ probabilityOfWait: waits[agents] + 0.01, requestsPerInterval: 20, served: 300, meanHandleSeconds: 300, accepted: 38 }),
        ],
        asked,
      ),
    );
    expect(asked).toEqual([6, 12, 23]);
    expect(loads.rounds.map((round) => round.schedule[0])).toEqual([6, 12, 23]);
    expect(loads.evaluation!.schedule[0]).toBe(23);
    // Mean requests (10 + 20) ÷ 2 = 15 per half hour = 15 ÷ 1800 per second in every interval.
    for (const rate of loads.arrivalRatesPerSecond) expect(rate).toBeCloseTo(15 / 1800, 15);
    expect(loads.arrivalRatesPerSecond).toHaveLength(INTERVALS);
    expect(loads.summary).toMatchObject({ source: "simulated", generousAgentsScheduled: 23, replications: 2 });
    // Pooled handle: (100 × 200 + 300 × 300) ÷ 400 = 275 s. Invitations: (10 + 38) accepted ÷ (480 + 960) requests = 1/30.
    expect(loads.summary.meanHandleSeconds).toBeCloseTo(275, 12);
    expect(loads.summary.invitationShare).toBeCloseTo(48 / 1440, 15);
    expect(loads.summary.meanPatienceSeconds).toBe(chatWeightedPatienceSeconds(baseline));
  });

  it("stops after four doublings, or at once without a P(wait), without runs or when interrupted", async () => {
    const asked: number[] = [];
    // Never generous enough: the fourth round (32 online = 46 scheduled, ⌊32.2⌋; 45 gives 31) is kept.
    const crowded = await measureLoads(
      baseline,
      handEvaluate(() => [run({ probabilityOfWait: 0.5, requestsPerInterval: 1, served: 5, meanHandleSeconds: 100 })], asked),
    );
    expect(asked).toEqual([6, 12, 23, 46]);
    expect(crowded.summary.generousAgentsScheduled).toBe(46);
    expect(crowded.summary.invitationShare).toBe(0);

    // No chat at all: P(wait) undefined in every run, nothing to relieve; the rates are 0 and the handle time is the
    // scenario's distribution mean (no chat answered); the patience does not depend on the runs.
    const silent: number[] = [];
    const quiet = await measureLoads(
      baseline,
      handEvaluate(() => [run({ probabilityOfWait: null }), run({ probabilityOfWait: null })], silent),
    );
    expect(silent).toEqual([6]);
    expect(quiet.arrivalRatesPerSecond).toEqual(new Array(INTERVALS).fill(0));
    expect(quiet.summary.meanHandleSeconds).toBe(640);
    expect(quiet.summary.invitationShare).toBeNull();

    // Every replication failed: no runs, rates 0 (not NaN), no replication counted.
    const failed: number[] = [];
    const none = await measureLoads(
      baseline,
      handEvaluate(() => [], failed),
    );
    expect(failed).toEqual([6]);
    expect(none.arrivalRatesPerSecond).toEqual(new Array(INTERVALS).fill(0));
    expect(none.summary).toMatchObject({ replications: 0, generousAgentsScheduled: 6, invitationShare: null, meanHandleSeconds: 640 });

    // Interrupted: the round under way is the last.
    const controller = new AbortController();
    controller.abort();
    const stopped: number[] = [];
    await measureLoads(
      baseline,
      handEvaluate(() => [run({ probabilityOfWait: 0.5 })], stopped),
      controller.signal,
    );
    expect(stopped).toEqual([6]);
  });

  it("a generous start of twice the busiest interval's online agents; a chat-only run in the mix has no invitation share", async () => {
    // 10 scheduled at 30% shrinkage are ⌊7⌋ = 7 online: start at 14 online = 20 scheduled (⌊14⌋; 19 gives ⌊13.3⌋).
    const busy = store((data) => {
      data.agents.schedule = [{ from: "00:00", to: "24:00", agents: 10 }];
    });
    const asked: number[] = [];
    const loads = await measureLoads(
      busy,
      handEvaluate(() => [run({ probabilityOfWait: 0, requestsPerInterval: 2, accepted: 1 }), run({ kind: "chatOnly", probabilityOfWait: 0 })], asked),
    );
    expect(asked).toEqual([20]);
    expect(loads.summary.invitationShare).toBeNull();
    // Runs without an answered chat's handle time leave the pooled mean undefined: the scenario's 640 s.
    expect(loads.summary.meanHandleSeconds).toBe(640);
  });

  it("chatWeightedPatienceSeconds weighs each segment by share × add-to-cart × (help + openness when inviting)", () => {
    // Two segments, patience 100 s and 400 s. Reactive only: 0.25 × 0.4 × 0.1 = 0.01 and 0.75 × 0.2 × 0.05 = 0.0075,
    // so (0.01 × 100 + 0.0075 × 400) ÷ 0.0175 = 228.571…; with proactive rules openness 0.3 and 0.2 joins help:
    // 0.25 × 0.4 × 0.4 = 0.04 and 0.75 × 0.2 × 0.25 = 0.0375, (4 + 15) ÷ 0.0775 = 245.161…
    const [first, second] = baseline.segments;
    const segments = [
      { ...first, weight: 0.25, addToCartProbability: 0.4, helpProbability: 0.1, chatOpenness: 0.3, patienceSeconds: { kind: "exponential", mean: 100 } },
      { ...second, weight: 0.75, addToCartProbability: 0.2, helpProbability: 0.05, chatOpenness: 0.2, patienceSeconds: { kind: "exponential", mean: 400 } },
    ] as StoreModelConfig["segments"];
    const reactive = { ...baseline, segments };
    expect(chatWeightedPatienceSeconds(reactive)).toBeCloseTo(4 / 0.0175, 9);
    const proactive = { ...reactive, chat: { ...baseline.chat, policy: { ...baseline.chat.policy, rules: [{}] } } } as unknown as StoreModelConfig; // only the count of rules is read
    expect(chatWeightedPatienceSeconds(proactive)).toBeCloseTo(19 / 0.0775, 9);
    // Nobody would ever chat (no help button use, no invitations): the plain session shares, 0.25 × 100 + 0.75 × 400.
    const mute = { ...reactive, segments: segments.map((segment) => ({ ...segment, helpProbability: 0 })) };
    expect(chatWeightedPatienceSeconds(mute)).toBeCloseTo(325, 9);
  });

  it("chat-only: the forecast less the share taking video, and the patience distribution's mean", async () => {
    const config: ChatOnlyModelConfig = {
      kind: "chatOnly",
      name: "forecast desk",
      horizon: { days: 1, intervalSeconds: 43_200 },
      chatRatesPerSecond: [0.01, 0.02],
      handleSeconds: { kind: "exponential", mean: 300 },
      patienceSeconds: { kind: "uniform", min: 60, max: 180 },
      slowdownPerExtraChat: 0,
      serviceLevelSeconds: 20,
      agents: { scheduled: [1, 1], shrinkage: 0, concurrency: 1, costPerHour: 20 },
      desk: {
        ...DEFAULT_DESK_CONFIG,
        video: { acceptanceProbability: 0.25, scheduled: [1, 1], handleSeconds: { kind: "exponential", mean: 600 }, rescueMultiplier: 1 },
      },
    };
    const loads = await measureLoads(config, () => Promise.reject(new Error("must not simulate")));
    expect(loads.arrivalRatesPerSecond[0]).toBeCloseTo(0.0075, 15);
    expect(loads.arrivalRatesPerSecond[1]).toBeCloseTo(0.015, 15);
    expect(loads).toMatchObject({ evaluation: null, rounds: [] });
    expect(loads.summary).toEqual({
      source: "forecast",
      meanHandleSeconds: 300,
      meanPatienceSeconds: 120,
      generousAgentsScheduled: null,
      replications: 0,
      invitationShare: null,
    });
  });
});
