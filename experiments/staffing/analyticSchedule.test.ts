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
});
