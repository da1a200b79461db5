import { describe, expect, it } from "vitest";
import type { Estimate } from "../stats/index.ts";
import { coefficientOfVariation, type ExplanationInput, explainStaffing } from "./explainStaffing.ts";
import type { StaffingInterval } from "./staffingTypes.ts";

const estimate = (mean: number, halfWidth: number): Estimate => ({
  mean,
  lower: mean - halfWidth,
  upper: mean + halfWidth,
  halfWidth,
  standardDeviation: halfWidth,
  n: 10,
});

function interval(index: number, erlang: number, recommended: number, extra: Partial<StaffingInterval> = {}): StaffingInterval {
  return {
    index,
    startSeconds: index * 1800,
    chatsPerHour: 100,
    erlangAgentsScheduled: erlang,
    erlangAgentsOnline: erlang,
    erlangServiceLevel: 0.82,
    erlangSimulatedServiceLevel: estimate(0.7, 0.02),
    erlangCAgentsScheduled: erlang + 1,
    recommendedAgentsScheduled: recommended,
    recommendedAgentsOnline: recommended,
    unsmoothedAgentsScheduled: recommended,
    meanChats: 50,
    serviceLevel: estimate(0.85, 0.02),
    queueAbandonment: estimate(0.02, 0.01),
    occupancy: estimate(0.8, 0.02),
    meanHandleSeconds: 180,
    meanConcurrency: 1,
    meetsTarget: true,
    shiftAgentsScheduled: null,
    ...extra,
  };
}

function input(intervals: StaffingInterval[], extra: Partial<ExplanationInput> = {}): ExplanationInput {
  const hours = (key: "recommendedAgentsScheduled" | "erlangAgentsScheduled") => intervals.reduce((sum, entry) => sum + entry[key], 0) / 2;
  return {
    objective: "target",
    analyticModel: "erlangA",
    target: { serviceLevel: 0.8, serviceLevelSeconds: 20, maxQueueAbandonment: null, maxOccupancy: null },
    intervalSeconds: 1800,
    intervals,
    loads: { source: "forecast", meanHandleSeconds: 180, meanPatienceSeconds: 120, generousAgentsScheduled: null, replications: 0, invitationShare: null },
    arrivalRatesPerSecond: intervals.map((entry) => entry.chatsPerHour / 3600),
    handleSeconds: { kind: "exponential", mean: 180 },
    concurrency: 1,
    slowdownPerExtraChat: 0,
    totals: {
      recommendedAgentHours: hours("recommendedAgentsScheduled"),
      recommendedCost: 20 * hours("recommendedAgentsScheduled"),
      erlangAgentHours: hours("erlangAgentsScheduled"),
      erlangCost: 20 * hours("erlangAgentsScheduled"),
      erlangCAgentHours: hours("erlangAgentsScheduled") + intervals.length / 2,
      shiftAgentHours: null,
      shiftCost: null,
    },
    minChatsForDecision: 5,
    search: { iterations: 3, converged: true, stoppedBy: "converged" },
    sweep: [],
    profitChoice: null,
    shifts: null,
    currency: "USD",
    ...extra,
  };
}

describe("explainStaffing", () => {
  it("explainStaffing(...) groups consecutive intervals with the same difference and cause into one line", () => {
    const slow = { meanHandleSeconds: 230, meanConcurrency: 2.4 };
    const lines = explainStaffing(
      input([interval(0, 5, 5), interval(1, 5, 6, slow), interval(2, 5, 6, slow), interval(3, 5, 5)], { concurrency: 3, slowdownPerExtraChat: 0.3 }),
    );
    expect(lines[0]).toBe("recommended: 11 agent-hours ($220) vs Erlang A: 10 ($200), +10.0%");
    expect(lines).toContain("simulation needs +1 agent at 00:30–01:30 vs Erlang A: handle time grows 27.8% with 2.4 concurrent chats (slowdown)");
    expect(
      lines.some((line) =>
        /^slowdown: with up to 3 chats per agent \(\+30\.0% handle time per extra chat\) chats take 205 s at the recommended staffing \(1.7 concurrent on average\), \+13\.9% vs the 180 s Erlang A used$/.test(
          line,
        ),
      ),
    ).toBe(true);
    expect(lines.some((line) => /^patience 120 s: Erlang C \(nobody gives up\) would overstaff by 2 agent-hours/.test(line))).toBe(true);
  });

  it("explainStaffing(...) calls a difference within simulation noise when a service-level interval straddles the target", () => {
    const lines = explainStaffing(input([interval(0, 5, 5), interval(1, 6, 5, { erlangSimulatedServiceLevel: estimate(0.82, 0.03) })]));
    expect(lines).toContain(
      "simulation needs 1 agent fewer at 00:30–01:00 vs Erlang A: its simulated service level [79.0%, 85.0%] straddles the 80.0% target: within simulation noise",
    );
  });

  it("explainStaffing(...) names backlog carried over from a busier interval, and intervals too quiet to judge", () => {
    const lines = explainStaffing(
      input([interval(0, 8, 8, { chatsPerHour: 200 }), interval(1, 5, 6, { chatsPerHour: 100 }), interval(2, 2, 2, { meanChats: 1, meetsTarget: null })]),
    );
    expect(lines).toContain("simulation needs +1 agent at 00:30–01:00 vs Erlang A: backlog carried over from the busier interval before");
    expect(lines).toContain("1 of 3 intervals have fewer than 5 chats per replication: they keep the Erlang A answer (too few chats to judge by simulation)");
  });

  it("explainStaffing(...) says when the search did not settle", () => {
    const lines = explainStaffing(
      input([interval(0, 5, 6, { meetsTarget: false })], { search: { iterations: 8, converged: false, stoppedBy: "maxIterations" } }),
    );
    expect(lines).toContain("search stopped after 8 rounds without settling: 1 intervals still miss the target (raise --max-iterations)");
  });

  it("coefficientOfVariation(spec) has the closed forms of the common distributions", () => {
    expect(coefficientOfVariation({ kind: "exponential", mean: 5 })).toBe(1);
    expect(coefficientOfVariation({ kind: "lognormal", mean: 640, sd: 380 })).toBeCloseTo(0.59375, 12);
    expect(coefficientOfVariation({ kind: "erlang", k: 4, mean: 10 })).toBe(0.5);
    expect(coefficientOfVariation({ kind: "gamma", shape: 4, scale: 2 })).toBe(0.5);
    expect(coefficientOfVariation({ kind: "empirical", samples: [1, 2] })).toBeNull();
  });
});
