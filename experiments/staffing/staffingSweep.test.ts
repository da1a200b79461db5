import { describe, expect, it } from "vitest";
import type { StoreResults } from "../../sim/model/index.ts";
import type { ScheduleEvaluation } from "./evaluateSchedule.ts";
import { chooseMostProfitable, MAX_SWEEP_LEVELS, sweepLevel, sweepLevels } from "./staffingSweep.ts";

/** An evaluation whose runs carry only what the sweep reads. */
function fakeEvaluation(agents: number, profits: number[]): ScheduleEvaluation {
  const runs = profits.map((contributionProfit, r) => ({
    kind: "store",
    seed: `1:r${r}`,
    funnel: { conversionRate: 0.02 },
    profit: { contributionProfit },
    chat: { serviceLevel: 0.8, queueAbandonmentRate: 0.05, occupancy: 0.7, agentCost: agents * 24 * 28 },
  })) as unknown as StoreResults[];
  return { schedule: new Array(48).fill(agents), runs, replicationNumbers: profits.map((_, r) => r), intervals: [], errored: [], cancelled: 0 };
}

describe("staffingSweep", () => {
  it("sweepLevels(analytic online, shrinkage) spans the analytic minimum − 1 to the peak + 3 in scheduled agents", () => {
    expect(sweepLevels([2, 3, 3], 0.3)).toEqual([2, 3, 5, 6, 8, 9]);
    expect(sweepLevels([1, 1], 0)).toEqual([0, 1, 2, 3, 4]);
  });

  it("sweepLevels(...) thins a wide range evenly to at most MAX_SWEEP_LEVELS, keeping both ends", () => {
    const levels = sweepLevels([3, 28], 0);
    expect(levels).toHaveLength(MAX_SWEEP_LEVELS);
    expect(levels[0]).toBe(2);
    expect(levels[levels.length - 1]).toBe(31);
  });

  it("chooseMostProfitable(...) picks the best mean and tests it against the runner-up, paired by replication", () => {
    const evaluations = [fakeEvaluation(1, [10, 20, 30, 40]), fakeEvaluation(2, [60, 70, 80, 91]), fakeEvaluation(3, [50, 60, 70, 80])];
    const sweep = evaluations.map((evaluation, i) => sweepLevel(evaluation, i + 1, 0.95));
    const choice = chooseMostProfitable(sweep, evaluations, 0.95)!;
    expect(choice.agentsScheduled).toBe(2);
    expect(choice.runnerUpAgentsScheduled).toBe(3);
    expect(choice.difference!.mean).toBeCloseTo(10.25, 12);
    expect(choice.distinguishable).toBe(true);
    expect(sweep[1]).toMatchObject({ agentsScheduled: 2, agentsOnline: 2, agentCost: 2 * 24 * 28 });
    expect(sweep[1].conversionRate!.mean).toBe(0.02);
  });
});
