import { describe, expect, it } from "vitest";
import type { StoreResults } from "../../sim/model/index.ts";
import type { ScheduleEvaluation } from "./evaluateSchedule.ts";
import { chooseMostProfitable, MAX_SWEEP_LEVELS, sweepLevel, sweepLevels } from "./staffingSweep.ts";

/** An evaluation whose runs carry only what the sweep reads. */
function fakeEvaluation(agents: number, profits: number[], replicationNumbers = profits.map((_, r) => r)): ScheduleEvaluation {
  const runs = profits.map((contributionProfit, r) => ({
    kind: "store",
    seed: `1:r${r}`,
    funnel: { conversionRate: 0.02 },
    profit: { contributionProfit },
    chat: { serviceLevel: 0.8, queueAbandonmentRate: 0.05, occupancy: 0.7, agentCost: agents * 24 * 28 },
  })) as unknown as StoreResults[];
  return { schedule: new Array(48).fill(agents), runs, replicationNumbers, intervals: [], errored: [], cancelled: 0 };
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
    // Online 2 to 31 in 7 equal steps of 29 ÷ 7 = 4.14, rounded: 2, 6, 10, 14, 19, 23, 27, 31.
    expect(levels).toEqual([2, 6, 10, 14, 19, 23, 27, 31]);
    // Eight levels exactly (online 1..8) are all kept; 0 online is the floor.
    expect(sweepLevels([2, 5], 0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(sweepLevels([0, 0], 0)).toEqual([0, 1, 2, 3]);
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

  it("sweepLevel: shares cut to [0, 1], money with the plain t interval, missing KPIs null, an empty evaluation 0 agents and cost", () => {
    // Service level 0.9 and 1.0: 0.95 ± 12.706 × 0.05 = [0.315, 1.585], cut at 1. Profit 10 and 20: 15 ± 63.5, negative lower bound kept.
    const evaluation = fakeEvaluation(4, [10, 20]);
    evaluation.runs.forEach((run, r) => {
      (run.chat as { serviceLevel: number }).serviceLevel = 0.9 + 0.1 * r;
    });
    const point = sweepLevel(evaluation, 4, 0.95);
    expect(point.serviceLevel).toMatchObject({ mean: 0.95, upper: 1 });
    expect(point.serviceLevel!.lower).toBeCloseTo(0.95 - 12.706205 * 0.05, 5);
    expect(point.contributionProfit!.mean).toBe(15);
    expect(point.contributionProfit!.lower).toBeCloseTo(15 - 12.706205 * 5, 4);
    expect(point.contributionProfit!.upper).toBeCloseTo(15 + 12.706205 * 5, 4);
    // Chat-only runs have no conversion or profit: null, never 0.
    const chatOnly = {
      ...evaluation,
      runs: evaluation.runs.map((run) => ({ ...run, kind: "chatOnly", funnel: undefined, profit: undefined })),
    } as ScheduleEvaluation;
    expect(sweepLevel(chatOnly, 4, 0.95)).toMatchObject({ conversionRate: null, contributionProfit: null });
    expect(chooseMostProfitable([sweepLevel(chatOnly, 4, 0.95)], [chatOnly], 0.95)).toBeNull();
    const empty: ScheduleEvaluation = { schedule: [], runs: [], replicationNumbers: [], intervals: [], errored: [], cancelled: 0 };
    expect(sweepLevel(empty, 0, 0.95)).toEqual({
      agentsScheduled: 0,
      agentsOnline: 0,
      serviceLevel: null,
      queueAbandonment: null,
      occupancy: null,
      conversionRate: null,
      contributionProfit: null,
      agentCost: 0,
    });
  });

  it("chooseMostProfitable pairs by replication number, needs two pairs for a test, and with one level names no runner-up", () => {
    // 2 agents: replications 0-3; 3 agents lost replication 0. Pairs 70/55, 80/65, 91/75: differences 15, 15, 16.
    const two = fakeEvaluation(2, [60, 70, 80, 91]);
    const three = fakeEvaluation(3, [55, 65, 75], [1, 2, 3]);
    const sweep = [sweepLevel(three, 3, 0.95), sweepLevel(two, 2, 0.95)];
    const choice = chooseMostProfitable(sweep, [three, two], 0.95)!;
    expect(choice).toMatchObject({ agentsScheduled: 2, runnerUpAgentsScheduled: 3, distinguishable: true });
    expect(choice.contributionProfit.mean).toBe(75.25);
    expect(choice.difference!.mean).toBeCloseTo(46 / 3, 12);
    expect(choice.difference!.n).toBe(3);
    // A non-store run is no pair; one pair left is too few for a test.
    const lonely = fakeEvaluation(3, [55, 65], [1, 9]);
    (lonely.runs[0] as { kind: string }).kind = "chatOnly";
    (lonely.runs[1] as { kind: string }).kind = "store";
    const few = chooseMostProfitable(
      [sweepLevel(two, 2, 0.95), sweepLevel(fakeEvaluation(3, [55, 65], [1, 2]), 3, 0.95)],
      [two, fakeEvaluation(3, [55], [1])],
      0.95,
    )!;
    expect(few).toMatchObject({ agentsScheduled: 2, runnerUpAgentsScheduled: 3, difference: null, pValue: null, distinguishable: false });
    expect(chooseMostProfitable([sweepLevel(two, 2, 0.95), sweepLevel(lonely, 3, 0.95)], [two, lonely], 0.95)).toMatchObject({ difference: null });
    const alone = chooseMostProfitable([sweepLevel(two, 2, 0.95)], [two], 0.95)!;
    expect(alone).toEqual({
      agentsScheduled: 2,
      contributionProfit: sweepLevel(two, 2, 0.95).contributionProfit,
      runnerUpAgentsScheduled: null,
      difference: null,
      pValue: null,
      distinguishable: false,
    });
    // Differences 5 and −5 and 1: mean 1/3, far from significant.
    const noisy = chooseMostProfitable(
      [sweepLevel(fakeEvaluation(1, [15, 5, 11]), 1, 0.95), sweepLevel(fakeEvaluation(2, [10, 10, 10]), 2, 0.95)],
      [fakeEvaluation(1, [15, 5, 11]), fakeEvaluation(2, [10, 10, 10])],
      0.95,
    )!;
    expect(noisy).toMatchObject({ agentsScheduled: 1, runnerUpAgentsScheduled: 2, distinguishable: false });
    expect(noisy.pValue!).toBeGreaterThan(0.5);
  });
});
