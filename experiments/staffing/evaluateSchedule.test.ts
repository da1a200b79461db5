import { describe, expect, it } from "vitest";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG } from "../../sim/model/index.ts";
import { evaluateSchedule, summariseIntervals, withSchedule } from "./evaluateSchedule.ts";

const config: ChatOnlyModelConfig = {
  kind: "chatOnly",
  name: "flat desk",
  horizon: { days: 1, intervalSeconds: 3600 },
  chatRatesPerSecond: new Array(24).fill(60 / 3600),
  handleSeconds: { kind: "exponential", mean: 240 },
  patienceSeconds: { kind: "exponential", mean: 120 },
  slowdownPerExtraChat: 0,
  serviceLevelSeconds: 20,
  agents: { scheduled: new Array(24).fill(1), shrinkage: 0, concurrency: 1, costPerHour: 20 },
  desk: DEFAULT_DESK_CONFIG,
};

describe("evaluateSchedule", () => {
  it("evaluateSchedule(config, schedule) summarises each interval over replications with the same seeds every call", async () => {
    const options = { replications: 4, seed: 7, level: 0.95, workers: 1 };
    const first = await evaluateSchedule(config, new Array(24).fill(5), options);
    const again = await evaluateSchedule(config, new Array(24).fill(5), options);
    expect(JSON.stringify(again.intervals)).toBe(JSON.stringify(first.intervals));
    expect(first.runs).toHaveLength(4);
    expect(first.replicationNumbers).toEqual([0, 1, 2, 3]);
    expect(first.runs.map((run) => run.seed)).toEqual(["7:r0", "7:r1", "7:r2", "7:r3"]);
    const i = 10;
    const perRun = first.runs.map((run) => run.intervals.serviceLevel[i]!);
    expect(first.intervals[i].serviceLevel!.mean).toBeCloseTo(perRun.reduce((sum, value) => sum + value, 0) / 4, 12);
    expect(first.intervals[i].meanChats).toBe(first.runs.reduce((sum, run) => sum + run.intervals.chatRequests[i], 0) / 4);
    expect(first.runs[0].intervals.agentsScheduled[i]).toBe(5);
  });

  it("evaluateSchedule(...) measures handle time per interval (Little's law), about the configured mean without slowdown", async () => {
    const evaluation = await evaluateSchedule(config, new Array(24).fill(6), { replications: 4, seed: 1, level: 0.95, workers: 1 });
    const handles = evaluation.intervals.slice(1, 23).map((interval) => interval.meanHandleSeconds!);
    const mean = handles.reduce((sum, value) => sum + value, 0) / handles.length;
    expect(Math.abs(mean / 240 - 1)).toBeLessThan(0.05);
    expect(evaluation.intervals.every((interval) => interval.meanConcurrency === 1)).toBe(true);
  });

  it("an interval with requests but no defined service level (nobody answered, abandons excluded) is missing, never 0", async () => {
    const excluding = { ...config, desk: { ...DEFAULT_DESK_CONFIG, serviceLevel: { abandons: "exclude" as const, ignoreAbandonsUnderSeconds: 0 } } };
    const evaluation = await evaluateSchedule(excluding, new Array(24).fill(0), { replications: 3, seed: 2, level: 0.95, workers: 1 });
    const busy = evaluation.intervals[12];
    expect(busy.meanChats).toBeGreaterThan(0);
    expect(busy.serviceLevel).toBeNull();
    expect(busy.missingServiceLevels).toBe(3);
    // Abandonment is defined (every request gave up): the missing service level did not hide it.
    expect(busy.queueAbandonment!.mean).toBe(1);
  });

  it("summariseIntervals([]) reports missing figures as null, not 0", () => {
    expect(summariseIntervals([], 2, 0.95)).toEqual(
      [0, 1].map(() => ({
        meanChats: null,
        missingServiceLevels: 0,
        serviceLevel: null,
        queueAbandonment: null,
        occupancy: null,
        meanHandleSeconds: null,
        meanConcurrency: null,
      })),
    );
  });

  it("withSchedule(config, scheduled, seconds) replaces the schedule and the service-level threshold only", () => {
    const changed = withSchedule(config, [3, 4], 45);
    expect(changed.agents.scheduled).toEqual([3, 4]);
    expect(changed.kind === "chatOnly" && changed.serviceLevelSeconds).toBe(45);
    expect(config.agents.scheduled[0]).toBe(1);
  });
});
