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

  it("explainStaffing(...) names why the simulation needs fewer agents: an empty start, a quieter interval before, less variable handle times", () => {
    // No straddling interval, no slowdown. Interval 0 starts the horizon; interval 1 has twice interval 0's chats (> 1.1 ×);
    // interval 2 as many as interval 1, so with constant handle times (coefficient of variation 0) the cause is their variability.
    const lines = explainStaffing(
      input([interval(0, 6, 5), interval(1, 7, 5, { chatsPerHour: 200 }), interval(2, 9, 6, { chatsPerHour: 200 })], {
        handleSeconds: { kind: "constant", value: 180 },
      }),
    );
    expect(lines).toContain("simulation needs 1 agent fewer at 00:00–00:30 vs Erlang A: the horizon starts with an empty queue");
    expect(lines).toContain(
      "simulation needs 2 agents fewer at 00:30–01:00 vs Erlang A: the interval starts with the shorter queue of the quieter interval before",
    );
    expect(lines).toContain(
      "simulation needs 3 agents fewer at 01:00–01:30 vs Erlang A: handle times vary less than exponential (coefficient of variation 0), so queues are shorter than Erlang's",
    );
    // A constant handle time is not exponential: the closed form overstates queueing.
    expect(lines).toContain("handle time is constant with coefficient of variation 0; Erlang A assumes exponential (1.00), so it overstates queueing a little");
  });

  it("explainStaffing(...) with a slowdown: shorter handle times at lower load; more variable handle times; the transient of short intervals", () => {
    // Concurrency 3 with a slowdown: 150 s against the 180 s measured is 16.7% less.
    const shorter = explainStaffing(input([interval(0, 5, 5), interval(1, 6, 5, { meanHandleSeconds: 150 })], { concurrency: 3, slowdownPerExtraChat: 0.3 }));
    expect(shorter).toContain(
      "simulation needs 1 agent fewer at 00:30–01:00 vs Erlang A: chats take 16.7% less time than the 180 s measured at generous staffing",
    );
    // Gamma with shape 0.25: coefficient of variation 1 ÷ √0.25 = 2 (> 1.05), and no busier interval before.
    const variable = explainStaffing(input([interval(0, 5, 5), interval(1, 5, 7)], { handleSeconds: { kind: "gamma", shape: 0.25, scale: 720 } }));
    expect(variable).toContain("simulation needs +2 agents at 00:30–01:00 vs Erlang A: handle times vary more than exponential (coefficient of variation 2)");
    expect(variable).toContain("handle time is gamma with coefficient of variation 2; Erlang A assumes exponential (1.00), so it understates queueing");
    // Exponential handle times, same load: a 30-minute interval holds 1800 ÷ 600 = 3 handle times (fewer than 10) ...
    const settling = explainStaffing(
      input([interval(0, 5, 5), interval(1, 5, 6)], {
        loads: { source: "forecast", meanHandleSeconds: 600, meanPatienceSeconds: 120, generousAgentsScheduled: null, replications: 0, invitationShare: null },
      }),
    );
    expect(settling).toContain(
      "simulation needs +1 agent at 00:30–01:00 vs Erlang A: a 30-minute interval is only 3 mean handle times: the queue does not settle to Erlang's steady state",
    );
    // ... 1800 ÷ 180 = 10 handle times is long enough: the load's changes are the cause. Erlang with k = 1 has the exponential's variability: no over- or understatement.
    const changing = explainStaffing(input([interval(0, 5, 5), interval(1, 5, 6)], { handleSeconds: { kind: "erlang", k: 1, mean: 180 } }));
    expect(changing).toContain(
      "simulation needs +1 agent at 00:30–01:00 vs Erlang A: the load changes from interval to interval, which Erlang's steady state ignores",
    );
    expect(changing).toContain("handle time is erlang with coefficient of variation 1; Erlang A assumes exponential (1.00)");
  });

  it("explainStaffing(...) lists at most 8 ranges, joins straddling neighbours into one noise range, and writes days past the first", () => {
    // Every other of 20 intervals needs one more agent: 10 separate ranges, 8 written.
    const alternating = Array.from({ length: 20 }, (_, i) => interval(i, 5, i % 2 === 1 ? 6 : 5));
    const lines = explainStaffing(input(alternating));
    expect(lines.filter((line) => line.startsWith("simulation needs"))).toHaveLength(8);
    expect(lines).toContain("… and 2 more ranges of intervals that differ from Erlang A");
    // Two neighbours whose simulated service levels both straddle 80%: one range, described together.
    const straddling = { serviceLevel: estimate(0.8, 0.05) };
    const noise = explainStaffing(input([interval(0, 5, 5), interval(1, 5, 6, straddling), interval(2, 5, 6, straddling)]));
    expect(noise).toContain(
      "simulation needs +1 agent at 00:30–01:30 vs Erlang A: their simulated service levels straddle the 80.0% target: within simulation noise",
    );
    // Four 12-hour intervals make two days: intervals 1 and 3 end at each day's 24:00.
    const twoDays = explainStaffing(input([interval(0, 5, 5), interval(1, 5, 6), interval(2, 5, 5), interval(3, 5, 7)], { intervalSeconds: 43_200 }));
    expect(twoDays.some((line) => line.startsWith("simulation needs +1 agent at day 1 12:00–day 1 24:00 vs Erlang A"))).toBe(true);
    expect(twoDays.some((line) => line.startsWith("simulation needs +2 agents at day 2 12:00–day 2 24:00 vs Erlang A"))).toBe(true);
    // A range from the start of the horizon starts on day 1 at 00:00.
    const first = explainStaffing(input([interval(0, 5, 6), interval(1, 5, 5), interval(2, 5, 5), interval(3, 5, 5)], { intervalSeconds: 43_200 }));
    expect(first.some((line) => line.startsWith("simulation needs +1 agent at day 1 00:00–day 1 12:00 vs Erlang A"))).toBe(true);
    // One day: the last interval ends at 24:00.
    const lastHalfHour = Array.from({ length: 48 }, (_, i) => interval(i, 5, i === 47 ? 6 : 5));
    expect(explainStaffing(input(lastHalfHour)).some((line) => line.startsWith("simulation needs +1 agent at 23:30–24:00 vs Erlang A"))).toBe(true);
  });

  it("explainStaffing(...) first line: the profit objective's wording, 'the same' within 0.05%; patience that changes nothing or one agent-hour", () => {
    const same = explainStaffing(input([interval(0, 5, 5), interval(1, 5, 5)], { objective: "profit" }));
    expect(same[0]).toBe("best contribution profit: 5 agent-hours ($100) vs Erlang A: 5 ($100), the same");
    // No range lines and no "too few chats" line under the profit objective.
    expect(same.some((line) => line.startsWith("simulation needs"))).toBe(false);
    const totals = {
      recommendedAgentHours: 5,
      recommendedCost: 100,
      erlangAgentHours: 5,
      erlangCost: 100,
      erlangCAgentHours: 5,
      shiftAgentHours: null,
      shiftCost: null,
    };
    expect(explainStaffing(input([interval(0, 5, 5), interval(1, 5, 5)], { totals }))).toContain(
      "patience 120 s: Erlang C (nobody gives up) gives the same schedule here",
    );
    // Erlang C one agent more in one half hour: 0.5 agent-hours at $20 an hour.
    const oneMore = explainStaffing(
      input([interval(0, 5, 5, { erlangCAgentsScheduled: 6 }), interval(1, 5, 5, { erlangCAgentsScheduled: 5 })], {
        totals: { ...totals, erlangCAgentHours: 5.5 },
      }),
    );
    expect(oneMore).toContain("patience 120 s: Erlang C (nobody gives up) would overstaff by 0.5 agent-hours ($10.00), up to +1 agent in one interval");
    const hourMore = explainStaffing(
      input([interval(0, 5, 5, { erlangCAgentsScheduled: 7 }), interval(1, 5, 5, { erlangCAgentsScheduled: 5 })], {
        totals: { ...totals, erlangCAgentHours: 6 },
      }),
    );
    expect(hourMore).toContain("patience 120 s: Erlang C (nobody gives up) would overstaff by 1 agent-hour ($20.00), up to +2 agents in one interval");
    // No Erlang C figure (a pure abandonment target): no patience line at all.
    expect(explainStaffing(input([interval(0, 5, 5)], { totals: { ...totals, erlangCAgentHours: null } })).some((line) => line.startsWith("patience"))).toBe(
      false,
    );
    // A zero Erlang answer: no ratio to compare with.
    const none = { ...totals, recommendedAgentHours: 1, recommendedCost: 20, erlangAgentHours: 0, erlangCost: 0 };
    expect(explainStaffing(input([interval(0, 0, 2)], { totals: none }))[0]).toBe("recommended: 1 agent-hours ($20.00) vs Erlang A: 0 ($0.00), the same");
  });

  it("explainStaffing(...) for measured demand: the invitations' share, and the chats the recommended staffing's queue gating holds back", () => {
    const simulated = (invitationShare: number | null) => ({
      source: "simulated" as const,
      meanHandleSeconds: 180,
      meanPatienceSeconds: 120,
      generousAgentsScheduled: 10,
      replications: 2,
      invitationShare,
    });
    // 100 chats an hour = 50 per half hour at generous staffing; 40 at the recommendation is 20% fewer.
    const gated = explainStaffing(input([interval(0, 5, 5, { meanChats: 40 }), interval(1, 5, 5, { meanChats: 40 })], { loads: simulated(0.2) }));
    expect(gated).toContain("invitations add 25.0% to chat demand (accepted invitations are 20.0% of chat requests at generous staffing)");
    expect(gated).toContain(
      "at the recommended staffing 20.0% fewer chats are requested than with generous staffing: the policy's queue gating holds invitations back",
    );
    // 48.5 of 50 is exactly 97%: not called gating; a missing count is not 0 chats.
    const level = explainStaffing(input([interval(0, 5, 5, { meanChats: 48.5 })], { loads: simulated(0) }));
    expect(level.filter((line) => !/^(recommended|patience|the search)/.test(line))).toEqual([
      "no accepted invitations: all chat demand comes from the help button",
    ]);
    expect(level.some((line) => line.startsWith("at the recommended staffing"))).toBe(false);
    const missing = explainStaffing(input([interval(0, 5, 5, { meanChats: 10 }), interval(1, 5, 5, { meanChats: null })], { loads: simulated(null) }));
    expect(missing).toContain("no accepted invitations: all chat demand comes from the help button");
    expect(missing.some((line) => line.startsWith("at the recommended staffing"))).toBe(false);
    // A forecast: no demand lines.
    expect(explainStaffing(input([interval(0, 5, 5)])).some((line) => line.includes("invitations"))).toBe(false);
  });

  it("explainStaffing(...) says how an unsettled search ended, and nothing about one settled in its first round", () => {
    const one = [interval(0, 5, 5)];
    expect(explainStaffing(input(one, { search: { iterations: 2, converged: false, stoppedBy: "interrupted" } }))).toContain(
      "search interrupted after 2 rounds without settling: 0 intervals still miss the target",
    );
    expect(explainStaffing(input(one, { search: { iterations: 2, converged: false, stoppedBy: "failFast" } }))).toContain(
      "search stopped after 2 rounds without settling: 0 intervals still miss the target",
    );
    expect(explainStaffing(input(one, { search: { iterations: 3, converged: true, stoppedBy: "converged" } }))).toContain(
      "the search settled after 3 simulation rounds; intervals interact through the queue (a backlog carries into the next interval), so each round re-simulated the whole horizon",
    );
    expect(explainStaffing(input(one, { search: { iterations: 1, converged: true, stoppedBy: "converged" } })).some((line) => line.includes("search"))).toBe(
      false,
    );
    // Every interval judged: no line about quiet intervals.
    expect(explainStaffing(input(one)).some((line) => line.includes("chats per replication"))).toBe(false);
  });

  it("explainStaffing(...) states the profit choice: a day or the horizon's days, the runner-up, and the top of the sweep", () => {
    const sweepOf = (levels: number[]) => levels.map((agentsScheduled) => ({ agentsScheduled }) as ExplanationInput["sweep"][number]);
    const choice = {
      agentsScheduled: 5,
      contributionProfit: estimate(1234.5, 10),
      runnerUpAgentsScheduled: 4,
      difference: estimate(100, 5),
      pValue: 0.03,
      distinguishable: true,
    };
    // Two 12-hour intervals are one day.
    const day = [interval(0, 5, 5), interval(1, 5, 5)];
    const lines = explainStaffing(input(day, { intervalSeconds: 43_200, profitChoice: choice, sweep: sweepOf([3, 4, 5, 6]) }));
    expect(lines).toContain("contribution profit is highest with 5 agents all day: $1,235 a day; vs 4 agents: $100 (p = 0.030), a detectable difference");
    const top = explainStaffing(
      input(day, {
        intervalSeconds: 86_400,
        profitChoice: { ...choice, distinguishable: false, pValue: 0.4 },
        sweep: sweepOf([3, 4, 5]),
      }),
    );
    expect(top).toContain(
      "contribution profit is highest with 5 agents all day: $1,235 over the 2-day horizon; vs 4 agents: $100 (p = 0.400), not distinguishable with these replications (the largest level swept: more agents may pay even more)",
    );
    const alone = explainStaffing(
      input(day, {
        intervalSeconds: 43_200,
        profitChoice: { ...choice, runnerUpAgentsScheduled: null, difference: null, pValue: null },
        sweep: sweepOf([5, 6]),
      }),
    );
    expect(alone).toContain("contribution profit is highest with 5 agents all day: $1,235 a day");
    // A runner-up without a paired test (fewer than two common replications): named nowhere.
    const untested = explainStaffing(
      input(day, { intervalSeconds: 43_200, profitChoice: { ...choice, difference: null, pValue: null }, sweep: sweepOf([4, 5, 6]) }),
    );
    expect(untested).toContain("contribution profit is highest with 5 agents all day: $1,235 a day");
  });

  it("explainStaffing(...) at its thresholds: a neighbour 1.1 × as busy is not busier, a variation of 1.05 or 0.95 is exponential enough", () => {
    const cause = (extra: Partial<ExplanationInput>, erlang: number, recommended: number) =>
      explainStaffing(input([interval(0, 5, 5), interval(1, erlang, recommended)], extra)).find((line) => line.startsWith("simulation needs"));
    const changes = "the load changes from interval to interval, which Erlang's steady state ignores";
    // Interval 0 at 1.1 × interval 1's rate is not "busier" (more than 1.1 ×); at 1.2 × it is.
    expect(cause({ arrivalRatesPerSecond: [1.1, 1] }, 5, 6)).toContain(changes);
    expect(cause({ arrivalRatesPerSecond: [1.2, 1] }, 5, 6)).toContain("backlog carried over from the busier interval before");
    expect(cause({ arrivalRatesPerSecond: [1, 1.1] }, 6, 5)).toContain(changes);
    expect(cause({ arrivalRatesPerSecond: [1, 1.2] }, 6, 5)).toContain("the shorter queue of the quieter interval before");
    // Lognormal handle times with s.d. 105 or 95 on a mean of 100: coefficients of variation 1.05 and 0.95, not beyond them.
    expect(cause({ handleSeconds: { kind: "lognormal", mean: 100, sd: 105 } }, 5, 6)).toContain(changes);
    expect(cause({ handleSeconds: { kind: "lognormal", mean: 100, sd: 95 } }, 6, 5)).toContain(changes);
    expect(cause({ handleSeconds: { kind: "lognormal", mean: 100, sd: 106 } }, 5, 6)).toContain("vary more than exponential");
    expect(cause({ handleSeconds: { kind: "lognormal", mean: 100, sd: 94 } }, 6, 5)).toContain("vary less than exponential");
  });

  it("explainStaffing(...) cuts a straddling interval's bounds to [0%, 100%] in the words, and skips the slowdown line without chats", () => {
    const wide = explainStaffing(input([interval(0, 5, 5), interval(1, 5, 6, { serviceLevel: estimate(0.8, 0.9) })]));
    expect(wide).toContain(
      "simulation needs +1 agent at 00:30–01:00 vs Erlang A: its simulated service level [0.0%, 100.0%] straddles the 80.0% target: within simulation noise",
    );
    // With a slowdown but no interval with chats there is no pooled handle time to report.
    const idle = [interval(0, 5, 5, { meanChats: 0 }), interval(1, 5, 5, { meanChats: null })];
    expect(explainStaffing(input(idle, { concurrency: 3, slowdownPerExtraChat: 0.3 })).some((line) => line.startsWith("slowdown:"))).toBe(false);
    // A slowdown of 0 or a single chat per agent: no slowdown line either.
    expect(explainStaffing(input([interval(0, 5, 5)], { concurrency: 3, slowdownPerExtraChat: 0 })).some((line) => line.startsWith("slowdown:"))).toBe(false);
    expect(explainStaffing(input([interval(0, 5, 5)], { concurrency: 1, slowdownPerExtraChat: 0.3 })).some((line) => line.startsWith("slowdown:"))).toBe(false);
  });

  it("explainStaffing(...) for Erlang C without patience, with shifts, and under the profit objective (no range lines)", () => {
    const noPatience = {
      source: "forecast" as const,
      meanHandleSeconds: 180,
      meanPatienceSeconds: null,
      generousAgentsScheduled: null,
      replications: 0,
      invitationShare: null,
    };
    const shifts = {
      shiftHours: 4,
      shifts: [
        { startSeconds: 0, endSeconds: 14_400, agents: 3 },
        { startSeconds: 14_400, endSeconds: 28_800, agents: 2 },
      ],
      coverage: [3, 3],
      agentHours: 20,
      cost: 400,
      excessAgentHours: 2.5,
    };
    const lines = explainStaffing(input([interval(0, 5, 5), interval(1, 5, 6)], { analyticModel: "erlangC", loads: noPatience, shifts }));
    expect(lines[0]).toBe("recommended: 5.5 agent-hours ($110) vs Erlang C: 5 ($100), +10.0%");
    expect(lines).toContain(
      "simulation needs +1 agent at 00:30–01:00 vs Erlang C: the load changes from interval to interval, which Erlang's steady state ignores",
    );
    expect(lines).toContain("no patience in the scenario: customers never give up, so the closed form is Erlang C and nobody abandons");
    expect(lines.some((line) => line.startsWith("patience"))).toBe(false);
    // 3 + 2 shifts of 4 h: 20 agent-hours at $400, 2.5 above the requirement.
    expect(lines).toContain("shifts of 4 h: 5 shifts, 20 agent-hours ($400), 2.5 above the per-interval requirement");
    // Exponential handle times (the formula's own) and an empirical spec (no closed form) add no handle-time line.
    expect(lines.some((line) => line.startsWith("handle time is"))).toBe(false);
    const empirical = explainStaffing(input([interval(0, 5, 5)], { handleSeconds: { kind: "empirical", samples: [100, 200] } }));
    expect(empirical.some((line) => line.startsWith("handle time is"))).toBe(false);
    // With patience but no Erlang C figure: neither patience line.
    const totals = {
      recommendedAgentHours: 5,
      recommendedCost: 100,
      erlangAgentHours: 5,
      erlangCost: 100,
      erlangCAgentHours: null,
      shiftAgentHours: null,
      shiftCost: null,
    };
    expect(explainStaffing(input([interval(0, 5, 5)], { totals })).some((line) => line.includes("patience"))).toBe(false);
    // The profit objective recommends one level all day: its differences from Erlang are not explained interval by interval.
    // Nor are quiet intervals or the search (there is none) mentioned.
    const profit = explainStaffing(
      input([interval(0, 5, 5, { meetsTarget: null }), interval(1, 5, 6)], {
        objective: "profit",
        search: { iterations: 0, converged: false, stoppedBy: "sweep" },
      }),
    );
    expect(profit.some((line) => line.startsWith("simulation needs") || line.includes("chats per replication") || line.includes("search"))).toBe(false);
  });

  it("explainStaffing(...) calls handle-time changes a cause only with a slowdown: more than one chat per agent and a positive slowdown", () => {
    const changes = "the load changes from interval to interval, which Erlang's steady state ignores";
    const causes = (extra: Partial<ExplanationInput>, ...intervals: StaffingInterval[]) =>
      explainStaffing(input([interval(0, 5, 5), ...intervals], extra))
        .filter((line) => line.startsWith("simulation needs"))
        .map((line) => line.slice(line.indexOf("Erlang A: ") + "Erlang A: ".length));
    // Handle times 27.8% longer or 16.7% shorter than the closed form's, one chat per agent or no slowdown: not a cause.
    for (const desk of [
      { concurrency: 1, slowdownPerExtraChat: 0.3 },
      { concurrency: 3, slowdownPerExtraChat: 0 },
    ]) {
      expect(causes(desk, interval(1, 5, 6, { meanHandleSeconds: 230 }))).toEqual([changes]);
      expect(causes(desk, interval(1, 6, 5, { meanHandleSeconds: 150 }))).toEqual([changes]);
    }
    // With a slowdown, growth of 2% is below the 5% that counts, as is no change or no handle time at all.
    const slows = { concurrency: 3, slowdownPerExtraChat: 0.3 };
    expect(causes(slows, interval(1, 5, 6, { meanHandleSeconds: 183.6 }))).toEqual([changes]);
    expect(causes(slows, interval(1, 6, 5))).toEqual([changes]);
    expect(causes(slows, interval(1, 6, 5, { meanHandleSeconds: null }))).toEqual([changes]);
    // No coefficient of variation (an empirical spec): neither more nor less variable.
    expect(causes({ handleSeconds: { kind: "empirical", samples: [100, 200] } }, interval(1, 6, 5))).toEqual([changes]);
    // A quiet interval (no chats: raised by smoothing, say) is still explained.
    expect(causes({}, interval(1, 5, 6, { meanChats: 0 }))).toEqual([changes]);
  });

  it("explainStaffing(...) joins neighbours only with the same difference and the same cause; exactly 8 ranges need no summary", () => {
    // +1 then +2, both load changes: two ranges. +1 within noise then +1 from the load: two ranges.
    expect(
      explainStaffing(input([interval(0, 5, 5), interval(1, 5, 6), interval(2, 5, 7)])).filter((line) => line.startsWith("simulation needs")),
    ).toHaveLength(2);
    const straddling = { serviceLevel: estimate(0.8, 0.05) };
    expect(
      explainStaffing(input([interval(0, 5, 5), interval(1, 5, 6, straddling), interval(2, 5, 6)])).filter((line) => line.startsWith("simulation needs")),
    ).toHaveLength(2);
    // Eight separate ranges (every other of 16 intervals): all written, no "… and 0 more".
    const eight = explainStaffing(input(Array.from({ length: 16 }, (_, i) => interval(i, 5, i % 2 === 1 ? 6 : 5))));
    expect(eight.filter((line) => line.startsWith("simulation needs"))).toHaveLength(8);
    expect(eight.some((line) => line.startsWith("…"))).toBe(false);
  });

  it("explainStaffing(...) pools handle time over the intervals that have one, and calls noise only an interval that reaches the target", () => {
    // Interval 1 has chats but no handle time: the pooled handle time is interval 0's 230 s, not (50 × 230) ÷ 100.
    const pooled = explainStaffing(
      input([interval(0, 5, 5, { meanHandleSeconds: 230, meanConcurrency: 2.4 }), interval(1, 5, 5, { meanHandleSeconds: null })], {
        concurrency: 3,
        slowdownPerExtraChat: 0.3,
      }),
    );
    expect(pooled).toContain(
      "slowdown: with up to 3 chats per agent (+30.0% handle time per extra chat) chats take 230 s at the recommended staffing (2.4 concurrent on average), +27.8% vs the 180 s Erlang A used",
    );
    const cause = (extra: Partial<ExplanationInput>, changed: Partial<StaffingInterval>) =>
      explainStaffing(input([interval(0, 5, 5), interval(1, 5, 6, changed)], extra)).find((line) => line.startsWith("simulation needs"))!;
    // A bound at the target straddles it, from either side.
    expect(cause({}, { serviceLevel: { ...estimate(0.85, 0.05), lower: 0.8 } })).toContain("straddles the 80.0% target");
    expect(cause({}, { serviceLevel: { ...estimate(0.75, 0.05), upper: 0.8 } })).toContain("straddles the 80.0% target");
    // Without a service-level target there is nothing to straddle, however low the interval reaches.
    const abandonmentOnly = { serviceLevel: null, serviceLevelSeconds: 20, maxQueueAbandonment: 0.05, maxOccupancy: null };
    expect(cause({ target: abandonmentOnly }, { serviceLevel: estimate(0.05, 0.1), erlangSimulatedServiceLevel: estimate(0.05, 0.1) })).not.toContain(
      "straddle",
    );
    // No simulated service level for the closed form's schedule (its runs failed): judged on the recommendation's alone.
    expect(cause({}, { erlangSimulatedServiceLevel: null })).toContain("the load changes from interval to interval");
  });

  it("coefficientOfVariation(spec) has the closed forms of the common distributions", () => {
    expect(coefficientOfVariation({ kind: "exponential", mean: 5 })).toBe(1);
    expect(coefficientOfVariation({ kind: "lognormal", mean: 640, sd: 380 })).toBeCloseTo(0.59375, 12);
    expect(coefficientOfVariation({ kind: "erlang", k: 4, mean: 10 })).toBe(0.5);
    expect(coefficientOfVariation({ kind: "gamma", shape: 4, scale: 2 })).toBe(0.5);
    expect(coefficientOfVariation({ kind: "empirical", samples: [1, 2] })).toBeNull();
    expect(coefficientOfVariation({ kind: "constant", value: 3 })).toBe(0);
    // Lognormal by σ: √(e^(σ²) − 1); σ = 1 gives √(e − 1) = 1.3108, σ = 0.5 gives √(e^0.25 − 1) = 0.5329.
    expect(coefficientOfVariation({ kind: "lognormal", mu: 0, sigma: 1 } as never)).toBeCloseTo(Math.sqrt(Math.E - 1), 12);
    expect(coefficientOfVariation({ kind: "lognormal", mu: 0, sigma: 0.5 } as never)).toBeCloseTo(0.53294, 5);
    // Uniform on [a, b]: ((b − a) ÷ √12) ÷ ((a + b) ÷ 2); on [0, 2], 1 ÷ √3; on [1, 3], 1 ÷ (2√3).
    expect(coefficientOfVariation({ kind: "uniform", min: 0, max: 2 })).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(coefficientOfVariation({ kind: "uniform", min: 1, max: 3 })).toBeCloseTo(1 / (2 * Math.sqrt(3)), 12);
  });
});
