import { describe, expect, it } from "vitest";
import type { SimulationResults } from "../../sim/model/index.ts";
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

describe("judgeInterval at its boundaries", () => {
  it("a mean at the target meets it; a bound at the target is a margin; the minimum chats count is enough", () => {
    expect(judgeInterval(stats(estimate(0.8, 0.05)), target, 5)).toBe("meets");
    expect(judgeInterval(stats({ ...estimate(0.85, 0.05), lower: 0.8 }), target, 5)).toBe("meetsWithMargin");
    expect(judgeInterval(stats(estimate(0.9, 0.01), 5), target, 5)).toBe("meetsWithMargin");
    // One replication: no interval, so the mean decides and a met target is met with margin.
    const single = { mean: 0.85, lower: null, upper: null, halfWidth: null, standardDeviation: null, n: 1 };
    expect(judgeInterval(stats(single), target, 5)).toBe("meetsWithMargin");
    expect(judgeInterval(stats({ ...single, mean: 0.79 }), target, 5)).toBe("fails");
    // No target at all: nothing to judge.
    expect(judgeInterval(stats(estimate(0.9, 0.01)), { ...target, serviceLevel: null }, 5)).toBe("undecided");
  });

  it("maxima are met at the limit and have a margin when the upper bound is at it", () => {
    const capped = { ...target, serviceLevel: null, maxQueueAbandonment: 0.05 };
    expect(judgeInterval(stats(null, 50, estimate(0.05, 0.01)), capped, 5)).toBe("meets");
    expect(judgeInterval(stats(null, 50, estimate(0.06, 0.001)), capped, 5)).toBe("fails");
    expect(judgeInterval(stats(null, 50, { ...estimate(0.03, 0.02), upper: 0.05 }), capped, 5)).toBe("meetsWithMargin");
    // Occupancy 0.78 to 0.85 against caps of 0.85 (the upper bound: a margin), 0.8 (the mean: met) and 0.79.
    const busy = { ...stats(null), occupancy: { ...estimate(0.8, 0.05), lower: 0.78, upper: 0.85 } };
    const occupancy = (maxOccupancy: number) => judgeInterval(busy, { ...target, serviceLevel: null, maxOccupancy }, 5);
    expect([occupancy(0.85), occupancy(0.8), occupancy(0.79)]).toEqual(["meetsWithMargin", "meets", "fails"]);
    // Every criterion given must be estimated.
    expect(judgeInterval(stats(estimate(0.9, 0.01), 50, null), { ...target, maxQueueAbandonment: 0.05 }, 5)).toBe("undecided");
  });
});

describe("searchSchedule when stopped", () => {
  const run = {} as SimulationResults;
  /** A desk needing 3 online agents whose evaluations come with `runs` runs and the given errors; `onRound` sees each round. */
  function stoppingDesk(runs: number, onRound: (round: number) => { errored?: { replication: number; error: string }[]; cancelled?: number } = () => ({})) {
    const seen: number[][] = [];
    const evaluate = async (scheduled: number[]): Promise<ScheduleEvaluation> => {
      seen.push(scheduled);
      const extra = onRound(seen.length);
      return {
        schedule: scheduled,
        runs: new Array(runs).fill(run),
        replicationNumbers: [],
        intervals: scheduled.map((agents) => stats(agents >= 3 ? estimate(0.85, 0.02) : estimate(0.6, 0.05))),
        errored: extra.errored ?? [],
        cancelled: extra.cancelled ?? 0,
      };
    };
    return { evaluate, seen };
  }
  const base = { shrinkage: 0, intervalSeconds: 3600, target, maxIterations: 5, minChatsForDecision: 5 };

  it("interrupted in the first round: that round's schedule and judgements, no round counted", async () => {
    const controller = new AbortController();
    const desk = stoppingDesk(2, () => {
      controller.abort();
      return {};
    });
    const result = await searchSchedule({ ...base, startOnline: [2, 4], evaluate: desk.evaluate, signal: controller.signal });
    expect(result).toMatchObject({ online: [2, 4], judgements: ["fails", "meetsWithMargin"], rounds: [], converged: false, stoppedBy: "interrupted" });
    expect(result.start).toBe(result.evaluation);
    // The same without a completed run: nothing simulated to report, every interval undecided.
    const empty = stoppingDesk(0, () => {
      controller.abort();
      return {};
    });
    const nothing = await searchSchedule({ ...base, startOnline: [2, 4], evaluate: empty.evaluate, signal: controller.signal });
    expect(nothing).toMatchObject({ online: [2, 4], evaluation: null, start: null, judgements: ["undecided", "undecided"], stoppedBy: "interrupted" });
  });

  it("failing fast in the second round keeps the first round's answer and every error and cancellation so far", async () => {
    const desk = stoppingDesk(1, (round) => (round === 1 ? { cancelled: 1 } : { errored: [{ replication: 1, error: "lost" }], cancelled: 2 }));
    const result = await searchSchedule({ ...base, startOnline: [2, 4], evaluate: desk.evaluate, failFast: true });
    expect(desk.seen).toEqual([
      [2, 4],
      [3, 3],
    ]);
    expect(result).toMatchObject({ online: [2, 4], stoppedBy: "failFast", errored: [{ replication: 1, error: "lost" }], cancelled: 3 });
    expect(result.rounds).toEqual([{ iteration: 1, agentHours: 6, failing: 1, raised: 1, lowered: 1 }]);
    // The first round's evaluation is the start, with runs; without failFast the errors are only collected.
    expect(result.start?.schedule).toEqual([2, 4]);
    const patient = await searchSchedule({
      ...base,
      startOnline: [2, 4],
      evaluate: stoppingDesk(1, () => ({ errored: [{ replication: 0, error: "x" }] })).evaluate,
    });
    // [2, 4] → [3, 3] → [3, 2] (interval 1 fails at 2) → [3, 3]: four rounds, one error each.
    expect(patient.stoppedBy).toBe("converged");
    expect(patient.online).toEqual([3, 3]);
    expect(patient.errored).toHaveLength(4);
  });

  it("never goes below one online agent: a start of 0 is 1, and 1 is not lowered", async () => {
    const desk = stoppingDesk(1);
    const result = await searchSchedule({ ...base, target: { ...target, serviceLevel: 0.5 }, startOnline: [0, 1], evaluate: desk.evaluate });
    // Both meet 50% with margin (0.6 ± 0.05 below 3 agents), but one fewer than 1 is nobody.
    expect(desk.seen).toEqual([[1, 1]]);
    expect(result.online).toEqual([1, 1]);
    expect(result.rounds).toEqual([{ iteration: 1, agentHours: 2, failing: 0, raised: 0, lowered: 0 }]);
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
