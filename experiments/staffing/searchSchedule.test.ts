import { describe, expect, it } from "vitest";
import type { Estimate } from "../stats/index.ts";
import type { IntervalEvaluation, ScheduleEvaluation } from "./evaluateSchedule.ts";
import { judgeInterval, searchSchedule } from "./searchSchedule.ts";
import type { ResolvedStaffingTarget } from "./staffingTypes.ts";

const target: ResolvedStaffingTarget = { serviceLevel: 0.8, serviceLevelSeconds: 20, maxQueueAbandonment: null, maxOccupancy: null };
const estimate = (mean: number, halfWidth: number): Estimate => ({
  mean,
  lower: mean - halfWidth,
  upper: mean + halfWidth,
  halfWidth,
  standardDeviation: halfWidth,
  n: 10,
});
const stats = (serviceLevel: Estimate | null, meanChats: number | null = 50, abandonment: Estimate | null = estimate(0.02, 0.01)): IntervalEvaluation => ({
  meanChats,
  missingServiceLevels: 0,
  serviceLevel,
  queueAbandonment: abandonment,
  occupancy: estimate(0.8, 0.05),
  meanHandleSeconds: 180,
  meanConcurrency: 1,
});

/** A deterministic stand-in for the simulation: service level 0.85 ± 0.02 at or above each interval's need, 0.6 below. */
function fakeDesk(need: readonly number[]) {
  const seen: number[][] = [];
  const evaluate = async (scheduled: number[]): Promise<ScheduleEvaluation> => {
    seen.push(scheduled);
    return {
      schedule: scheduled,
      runs: [],
      replicationNumbers: [],
      intervals: scheduled.map((agents, i) => stats(agents >= need[i] ? estimate(0.85, 0.02) : estimate(0.6, 0.05))),
      errored: [],
      cancelled: 0,
    };
  };
  return { evaluate, seen };
}

describe("judgeInterval", () => {
  it("judgeInterval(...) fails on the mean, needs the whole interval on the right side for a margin", () => {
    expect(judgeInterval(stats(estimate(0.79, 0.05)), target, 5)).toBe("fails");
    expect(judgeInterval(stats(estimate(0.82, 0.05)), target, 5)).toBe("meets");
    expect(judgeInterval(stats(estimate(0.86, 0.05)), target, 5)).toBe("meetsWithMargin");
  });

  it("judgeInterval(...) is undecided with fewer chats than the minimum, a missing chat count or no estimate", () => {
    expect(judgeInterval(stats(estimate(0.5, 0.05), 4.9), target, 5)).toBe("undecided");
    expect(judgeInterval(stats(null), target, 5)).toBe("undecided");
    expect(judgeInterval(stats(estimate(0.9, 0.01), null), target, 5)).toBe("undecided");
  });

  it("judgeInterval(...) checks every target given: abandonment and occupancy maxima", () => {
    const strict = { ...target, maxQueueAbandonment: 0.01, maxOccupancy: 0.9 };
    expect(judgeInterval(stats(estimate(0.9, 0.01)), strict, 5)).toBe("fails");
    expect(judgeInterval(stats(estimate(0.9, 0.01), 50, estimate(0.008, 0.004)), strict, 5)).toBe("meets");
    expect(judgeInterval(stats(estimate(0.9, 0.01), 50, estimate(0.005, 0.001)), strict, 5)).toBe("meetsWithMargin");
    expect(judgeInterval(stats(null, 50, estimate(0.008, 0.004)), { ...strict, serviceLevel: null }, 5)).toBe("meets");
  });
});

describe("searchSchedule", () => {
  it("searchSchedule(...) from above lowers each interval until one fewer fails, then settles on the smallest meeting level", async () => {
    const need = [3, 5, 8, 5];
    const desk = fakeDesk(need);
    const result = await searchSchedule({
      startOnline: [5, 6, 8, 9],
      shrinkage: 0,
      intervalSeconds: 1800,
      target,
      maxIterations: 10,
      minChatsForDecision: 5,
      evaluate: desk.evaluate,
    });
    expect(result.online).toEqual(need);
    expect(result.converged).toBe(true);
    expect(result.stoppedBy).toBe("converged");
    expect(result.judgements.every((judgement) => judgement !== "fails")).toBe(true);
    // The last round simulated exactly the answer.
    expect(desk.seen[desk.seen.length - 1]).toEqual(need);
  });

  it("searchSchedule(...) from below adds one online agent per round to failing intervals", async () => {
    const desk = fakeDesk([4, 6]);
    const result = await searchSchedule({
      startOnline: [2, 6],
      shrinkage: 0,
      intervalSeconds: 1800,
      target,
      maxIterations: 10,
      minChatsForDecision: 5,
      evaluate: desk.evaluate,
    });
    expect(desk.seen.slice(0, 3)).toEqual([
      [2, 6],
      [3, 5],
      [4, 6],
    ]);
    expect(result.online).toEqual([4, 6]);
    expect(result.rounds.map((round) => round.failing)).toEqual([1, 2, 0]);
    expect(result.rounds.map((round) => round.agentHours)).toEqual([4, 4, 5]);
  });

  it("searchSchedule(...) moves in online agents: with 30% shrinkage it schedules the fewest agents for each online count", async () => {
    const desk = fakeDesk([3, 3]);
    await searchSchedule({
      startOnline: [2, 3],
      shrinkage: 0.3,
      intervalSeconds: 1800,
      target,
      maxIterations: 10,
      minChatsForDecision: 5,
      evaluate: desk.evaluate,
    });
    expect(desk.seen[0]).toEqual([3, 5]);
  });

  it("searchSchedule(...) that runs out of rounds reports the last simulated schedule, not an untested one", async () => {
    const desk = fakeDesk([9]);
    const result = await searchSchedule({
      startOnline: [2],
      shrinkage: 0,
      intervalSeconds: 1800,
      target,
      maxIterations: 3,
      minChatsForDecision: 5,
      evaluate: desk.evaluate,
    });
    expect(result.converged).toBe(false);
    expect(result.stoppedBy).toBe("maxIterations");
    expect(result.online).toEqual([4]);
    expect(result.evaluation?.schedule).toEqual([4]);
    expect(result.judgements).toEqual(["fails"]);
  });

  it("searchSchedule(...) leaves intervals with too few chats at their starting level", async () => {
    const evaluate = async (scheduled: number[]): Promise<ScheduleEvaluation> => ({
      schedule: scheduled,
      runs: [],
      replicationNumbers: [],
      intervals: scheduled.map(() => stats(estimate(0.3, 0.1), 2)),
      errored: [],
      cancelled: 0,
    });
    const result = await searchSchedule({
      startOnline: [2, 3],
      shrinkage: 0,
      intervalSeconds: 1800,
      target,
      maxIterations: 5,
      minChatsForDecision: 5,
      evaluate,
    });
    expect(result.online).toEqual([2, 3]);
    expect(result.rounds).toHaveLength(1);
  });
});
