import { describe, expect, it } from "vitest";
import { erlangA, requiredAgents } from "../../sim/analytic/index.ts";
import { analyticSchedule } from "./analyticSchedule.ts";
import type { ResolvedStaffingTarget } from "./staffingTypes.ts";

const target: ResolvedStaffingTarget = { serviceLevel: 0.8, serviceLevelSeconds: 20, maxQueueAbandonment: null, maxOccupancy: null };

describe("analyticSchedule", () => {
  it("analyticSchedule(...) is requiredAgents per interval, Erlang A with patience, plus Erlang C's answer", () => {
    const rates = [10 / 3600, 100 / 3600, 400 / 3600];
    const schedule = analyticSchedule({
      arrivalRatesPerSecond: rates,
      meanHandleSeconds: 180,
      meanPatienceSeconds: 120,
      target,
      shrinkage: 0.25,
      concurrency: 1,
    });
    rates.forEach((rate, i) => {
      const expected = requiredAgents({
        arrivalRatePerSecond: rate,
        meanServiceSeconds: 180,
        meanPatienceSeconds: 120,
        shrinkage: 0.25,
        target: { serviceLevel: 0.8, targetSeconds: 20 },
      });
      expect(schedule[i].agentsOnline).toBe(expected.agentsOnline);
      expect(schedule[i].agentsScheduled).toBe(expected.agentsScheduled);
      expect(schedule[i].serviceLevel).toBeCloseTo(
        erlangA({ arrivalRatePerSecond: rate, meanServiceSeconds: 180, meanPatienceSeconds: 120, servers: expected.agentsOnline, targetSeconds: 20 })
          .serviceLevel,
        12,
      );
      expect(schedule[i].erlangCAgentsScheduled!).toBeGreaterThanOrEqual(schedule[i].agentsScheduled);
    });
  });

  it("analyticSchedule(...) without patience is Erlang C and drops an abandonment target (nobody abandons)", () => {
    const schedule = analyticSchedule({
      arrivalRatesPerSecond: [100 / 3600],
      meanHandleSeconds: 180,
      meanPatienceSeconds: null,
      target: { ...target, maxQueueAbandonment: 0.01 },
      shrinkage: 0,
      concurrency: 2,
    });
    const expected = requiredAgents({
      arrivalRatePerSecond: 100 / 3600,
      meanServiceSeconds: 180,
      concurrency: 2,
      target: { serviceLevel: 0.8, targetSeconds: 20 },
    });
    expect(schedule[0]).toMatchObject({ agentsOnline: expected.agentsOnline, erlangCAgentsScheduled: null });
  });

  it("analyticSchedule(...) beside Erlang A: Erlang C's own answer by hand, by occupancy alone, and none for an abandonment target alone", () => {
    // 4 and 3 Erlangs (600 s handle time), 80% within 20 s. Erlang C by hand, SL(c) = 1 − C(c, A) · e^(−(c − A) · 20 ÷ 600):
    // A = 4: c = 6 gives 73.36%, 7 gives 87.77%; A = 3: c = 5 gives 77.91%, 6 gives 91.03%. At 30% shrinkage: ⌈7 ÷ 0.7⌉ = 10, ⌈6 ÷ 0.7⌉ = 9.
    const input = { arrivalRatesPerSecond: [4 / 600, 3 / 600], meanHandleSeconds: 600, meanPatienceSeconds: 300, shrinkage: 0.3, concurrency: 1 };
    expect(analyticSchedule({ ...input, target }).map((answer) => answer.erlangCAgentsScheduled)).toEqual([10, 9]);
    // Occupancy at most 50%: c ≥ A ÷ 0.5 = 8 and 6 online, ⌈8 ÷ 0.7⌉ = 12 and ⌈6 ÷ 0.7⌉ = 9 scheduled.
    const occupancy = analyticSchedule({ ...input, target: { ...target, serviceLevel: null, maxOccupancy: 0.5 } });
    expect(occupancy.map((answer) => answer.erlangCAgentsScheduled)).toEqual([12, 9]);
    // Only an abandonment target: Erlang C (nobody abandons) has nothing to meet. Erlang A's answer is the fewest agents
    // whose probability of abandoning is at most 5%.
    const abandonment = analyticSchedule({ ...input, target: { ...target, serviceLevel: null, maxQueueAbandonment: 0.05 } });
    expect(abandonment.map((answer) => answer.erlangCAgentsScheduled)).toEqual([null, null]);
    input.arrivalRatesPerSecond.forEach((rate, i) => {
      const abandons = (servers: number) =>
        erlangA({ arrivalRatePerSecond: rate, meanServiceSeconds: 600, meanPatienceSeconds: 300, servers, targetSeconds: 20 }).probabilityOfAbandon;
      const online = abandonment[i].agentsOnline;
      expect(abandons(online)).toBeLessThanOrEqual(0.05);
      expect(abandons(online - 1)).toBeGreaterThan(0.05);
    });
  });
});
