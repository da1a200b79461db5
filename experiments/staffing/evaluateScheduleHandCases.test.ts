// evaluateSchedule and summariseIntervals on hand-made runs, in milliseconds (evaluateSchedule.test.ts
// simulates real desks): every per-interval figure below is worked out by hand.
import { describe, expect, it } from "vitest";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG, type SimulationResults } from "../../sim/model/index.ts";
import type { SimulationTask, TaskBackend, TaskOutcome } from "../parallel/index.ts";
import { evaluateSchedule, summariseIntervals } from "./evaluateSchedule.ts";

interface HandInterval {
  requests: number;
  served: number;
  abandoned: number;
  serviceLevel: number | null;
  occupancy: number | null;
  online: number;
  concurrency: number | null;
}

/** A run with only the per-interval series summariseIntervals reads, half-hour intervals. */
function run(intervals: HandInterval[]): SimulationResults {
  const series = <K extends keyof HandInterval>(key: K) => intervals.map((interval) => interval[key]);
  return {
    intervals: {
      intervalSeconds: 1800,
      chatRequests: series("requests"),
      chatsServed: series("served"),
      chatsAbandoned: series("abandoned"),
      serviceLevel: series("serviceLevel"),
      occupancy: series("occupancy"),
      agentsOnline: series("online"),
      meanConcurrency: series("concurrency"),
    },
  } as unknown as SimulationResults;
}

const idle = { requests: 1, served: 1, abandoned: 0, serviceLevel: 1, occupancy: 0, online: 1, concurrency: null };
const runs = [
  run([
    { requests: 4, served: 3, abandoned: 1, serviceLevel: 0.5, occupancy: 0.5, online: 2, concurrency: 1.5 },
    { requests: 2, served: 0, abandoned: 2, serviceLevel: null, occupancy: null, online: 0, concurrency: null },
    idle,
  ]),
  run([
    { requests: 0, served: 0, abandoned: 0, serviceLevel: null, occupancy: 0.25, online: 2, concurrency: null },
    { requests: 2, served: 2, abandoned: 0, serviceLevel: 1, occupancy: 0.1, online: 1, concurrency: 1 },
    idle,
  ]),
];

describe("summariseIntervals on hand-made runs", () => {
  it("interval 0: ratios only from the run with requests, occupancy from both, handle time by Little's law", () => {
    // Busy agent-seconds: 0.5 × 2 × 1800 = 1800 and 0.25 × 2 × 1800 = 900; chat-seconds 1.5 × 1800 = 2700 (the second
    // run's busy time has no concurrency figure: 0 chat-seconds). Handle 2700 ÷ 3 answered = 900 s; concurrency 2700 ÷ 2700.
    const [first] = summariseIntervals(runs, 3, 0.95);
    expect(first.meanChats).toBe(2);
    expect(first.missingServiceLevels).toBe(0);
    expect(first.serviceLevel).toMatchObject({ mean: 0.5, n: 1, lower: null, upper: null });
    expect(first.queueAbandonment).toMatchObject({ mean: 0.25, n: 1 });
    // Occupancy 0.5 and 0.25: 0.375 ± 12.706 × 0.125, cut to the [0, 1] a share lives in.
    expect(first.occupancy).toMatchObject({ mean: 0.375, n: 2, lower: 0, upper: 1 });
    expect(first.meanHandleSeconds).toBe(900);
    expect(first.meanConcurrency).toBe(1);
  });

  it("interval 1: a run whose requests all gave up has no service level (missing, not 0) but an abandonment of 1", () => {
    const second = summariseIntervals(runs, 3, 0.95)[1];
    expect(second.meanChats).toBe(2);
    expect(second.missingServiceLevels).toBe(1);
    expect(second.serviceLevel).toMatchObject({ mean: 1, n: 1 });
    expect(second.queueAbandonment).toMatchObject({ mean: 0.5, n: 2, lower: 0, upper: 1 });
    expect(second.occupancy).toMatchObject({ mean: 0.1, n: 1 });
    // 0.1 × 1 × 1800 = 180 busy seconds at concurrency 1, two chats answered: 90 s each.
    expect(second.meanHandleSeconds).toBe(90);
    expect(second.meanConcurrency).toBe(1);
  });

  it("interval 2: answered chats but no busy time leave handle time and concurrency undefined (null), not 0", () => {
    const third = summariseIntervals(runs, 3, 0.95)[2];
    expect(third).toMatchObject({ meanChats: 1, missingServiceLevels: 0, meanHandleSeconds: null, meanConcurrency: null });
    expect(third.occupancy).toMatchObject({ mean: 0, lower: 0, upper: 0 });
  });
});

describe("evaluateSchedule on a backend", () => {
  it("runs the schedule for replications 0..R−1 with their seeds and keeps completed runs with their replication numbers", async () => {
    const config: ChatOnlyModelConfig = {
      kind: "chatOnly",
      name: "hand desk",
      horizon: { days: 1, intervalSeconds: 43_200 },
      chatRatesPerSecond: [0.01, 0.01],
      handleSeconds: { kind: "exponential", mean: 300 },
      patienceSeconds: null,
      slowdownPerExtraChat: 0,
      serviceLevelSeconds: 20,
      agents: { scheduled: [1, 1], shrinkage: 0, concurrency: 1, costPerHour: 20 },
      desk: DEFAULT_DESK_CONFIG,
    };
    const seen: SimulationTask[] = [];
    const backend: TaskBackend = {
      async run(tasks) {
        seen.push(...tasks);
        return tasks.map((_task, index): TaskOutcome => {
          if (index === 1) return { state: "errored", index, error: "broken" };
          if (index === 3) return { state: "cancelled", index };
          return { state: "completed", index, results: run([idle, idle]) };
        });
      },
    };
    const schedule = [3, 5];
    const evaluation = await evaluateSchedule(config, schedule, { replications: 4, seed: "s", level: 0.9, backend });
    expect(seen.map((task) => task.seed)).toEqual(["s:r0", "s:r1", "s:r2", "s:r3"]);
    expect(seen.every((task) => task.config.agents.scheduled.join() === "3,5")).toBe(true);
    expect(evaluation.schedule).toEqual([3, 5]);
    expect(evaluation.schedule).not.toBe(schedule);
    expect(evaluation.runs).toHaveLength(2);
    expect(evaluation.replicationNumbers).toEqual([0, 2]);
    expect(evaluation.errored).toEqual([{ replication: 1, error: "broken" }]);
    expect(evaluation.cancelled).toBe(1);
    expect(evaluation.intervals).toHaveLength(2);
    expect(evaluation.intervals[0].meanChats).toBe(1);
  });
});
