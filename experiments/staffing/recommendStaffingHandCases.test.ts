// recommendStaffing on hand-made runs, in milliseconds: a backend answers each task with a real tiny
// chat run whose per-interval figures are replaced from a rule, so the search, the sweep, the
// smoothing, the shifts and the totals below can be worked out by hand (the simulation-based
// agreement with Erlang A is recommendStaffing.test.ts's job).
//
// The desk: four 6-hour intervals, 600 s exponential handle times, no patience (Erlang C), loads of
// 4, 4, 3 and 3 Erlangs, target 80% within 20 s. Erlang C by hand, SL(c) = 1 − C(c, A) · e^(−(c − A) · 20 ÷ 600):
//   A = 4: c = 6 gives 73.36%, c = 7 gives 87.77% → 7 agents;   A = 3: c = 5 gives 77.91%, c = 6 gives 91.03% → 6 agents
// and the 85% occupancy cap binds neither (4 ÷ 7, 3 ÷ 6). So the closed form starts the search at 7, 7, 6, 6.
//
// The backend's rule: interval i meets the target when it has at least NEED[i] agents (service level
// 0.90 in replication 0 and 0.91 in replication 1), else it misses (0.50, 0.51). With two replications
// the 95% t interval of 0.90 and 0.91 is 0.905 ± 12.706 · 0.00707 = [0.815, 0.995]: above 0.8, a margin.
import { describe, expect, it } from "vitest";
import { type ChatOnlyModelConfig, type ChatOnlyResults, DEFAULT_DESK_CONFIG, simulate } from "../../sim/model/index.ts";
import { type TaskBackend, type TaskOutcome, TaskPool } from "../parallel/index.ts";
import { parseScenario, readDataFile } from "../scenario/index.ts";
import { recommendStaffing } from "./recommendStaffing.ts";
import type { StaffOptions } from "./staffOptions.ts";

const SIX_HOURS = 21_600;
const NEED = [6, 8, 5, 6];
const LOADS = [4, 4, 3, 3];

const desk: ChatOnlyModelConfig = {
  kind: "chatOnly",
  name: "hand desk",
  horizon: { days: 1, intervalSeconds: SIX_HOURS },
  chatRatesPerSecond: LOADS.map((load) => load / 600),
  handleSeconds: { kind: "exponential", mean: 600 },
  patienceSeconds: null,
  slowdownPerExtraChat: 0,
  serviceLevelSeconds: 20,
  agents: { scheduled: [7, 7, 6, 6], shrinkage: 0, concurrency: 1, costPerHour: 20 },
  desk: DEFAULT_DESK_CONFIG,
};
const template = simulate(desk, { seed: 1 }) as ChatOnlyResults;

/**
 * Answers every task by the rule above; `outcome(replication)` may error or cancel a replication.
 * `pools` collects the shared pool each batch was given (null: none); `need` replaces NEED.
 */
function ruleBackend(
  outcome: (replication: number) => "completed" | "errored" | "cancelled" = () => "completed",
  pools: (TaskPool | null)[] = [],
  need: readonly number[] = NEED,
): TaskBackend {
  return {
    async run(tasks, options): Promise<TaskOutcome[]> {
      pools.push(options.pool ?? null);
      return tasks.map((task, index): TaskOutcome => {
        options.onProgress?.(index + 1, tasks.length);
        const replication = Number(String(task.seed).split(":r")[1]);
        const state = outcome(replication);
        if (state === "errored") return { state, index, error: `broken ${replication}` };
        if (state === "cancelled") return { state, index };
        const scheduled = task.config.agents.scheduled;
        const serviceLevel = scheduled.map((agents, i) => (agents >= need[i] ? 0.9 : 0.5) + 0.01 * replication);
        const four = (value: number) => [value, value, value, value];
        const results: ChatOnlyResults = {
          ...template,
          seed: String(task.seed),
          chat: { ...template.chat, serviceLevel: serviceLevel.reduce((sum, value) => sum + value, 0) / 4, occupancy: 0.5, queueAbandonmentRate: 0 },
          intervals: {
            ...template.intervals,
            chatRequests: four(10),
            chatsServed: four(10),
            chatsAbandoned: four(0),
            serviceLevel,
            occupancy: four(0.5),
            agentsOnline: [...scheduled],
            meanConcurrency: four(1),
          },
        };
        return { state, index, results };
      });
    },
  };
}

const options = (extra: Partial<StaffOptions> = {}): StaffOptions => ({ replications: 2, seed: 5, workers: 1, backend: ruleBackend(), ...extra });

describe("recommendStaffing on hand-made runs", () => {
  it("searches from Erlang C's 7, 7, 6, 6 to the rule's 6, 8, 5, 6 in four rounds, sweeps online 5..10 and totals the plan", async () => {
    const stages: string[] = [];
    const staffing = await recommendStaffing(desk, options({ onProgress: (_finished, _total, stage) => stages.push(stage) }));
    expect(staffing).toMatchObject({
      kind: "staffing",
      scenario: "hand desk",
      mode: "chatOnly",
      objective: "target",
      target: { serviceLevel: 0.8, serviceLevelSeconds: 20, maxQueueAbandonment: null, maxOccupancy: 0.85 },
      analyticModel: "erlangC",
      intervalSeconds: SIX_HOURS,
      level: 0.95,
      replications: 2,
      seeds: ["5:r0", "5:r1"],
      loads: { source: "forecast", meanHandleSeconds: 600, meanPatienceSeconds: null, replications: 0 },
      profitChoice: null,
      shifts: null,
      errored: [],
      cancelled: 0,
      stoppedBy: "converged",
    });
    const rows = staffing.intervals;
    expect(rows.map((row) => row.erlangAgentsScheduled)).toEqual([7, 7, 6, 6]);
    expect(rows.map((row) => row.erlangAgentsOnline)).toEqual([7, 7, 6, 6]);
    [0.8777, 0.8777, 0.9103, 0.9103].forEach((level, i) => {
      expect(rows[i].erlangServiceLevel).toBeCloseTo(level, 4);
    });
    expect(rows.map((row) => row.erlangCAgentsScheduled)).toEqual([null, null, null, null]);
    expect(rows.map((row) => row.index)).toEqual([0, 1, 2, 3]);
    expect(rows.map((row) => row.startSeconds)).toEqual([0, 1, 2, 3].map((i) => i * SIX_HOURS));
    // λ = A ÷ 600 s per second: 24 and 18 chats an hour.
    rows.forEach((row, i) => {
      expect(row.chatsPerHour).toBeCloseTo([24, 24, 18, 18][i], 9);
    });
    // Round by round (online agents; "meets" = at least NEED): [7,7,6,6] → 1 fails, 3 lower; [6,8,5,5] → interval 3 fails,
    // 0 and 2 lower; [5,8,4,6] → 0 and 2 fail (and 4 is remembered too few for interval 2, 5 for 0); [6,8,5,6] settles:
    // one fewer is a level that already failed everywhere.
    expect(staffing.search).toEqual({
      iterations: 4,
      converged: true,
      rounds: [
        { iteration: 1, agentHours: 26 * 6, failing: 1, raised: 1, lowered: 3 },
        { iteration: 2, agentHours: 24 * 6, failing: 1, raised: 1, lowered: 2 },
        { iteration: 3, agentHours: 23 * 6, failing: 2, raised: 2, lowered: 0 },
        { iteration: 4, agentHours: 25 * 6, failing: 0, raised: 0, lowered: 0 },
      ],
    });
    expect(rows.map((row) => row.recommendedAgentsScheduled)).toEqual(NEED);
    expect(rows.map((row) => row.recommendedAgentsOnline)).toEqual(NEED);
    expect(rows.map((row) => row.unsmoothedAgentsScheduled)).toEqual(NEED);
    // The last round's runs: every interval meets, 10 chats each; the closed form's own schedule (round 1) missed in interval 1.
    expect(rows.map((row) => row.meetsTarget)).toEqual([true, true, true, true]);
    expect(rows.map((row) => row.meanChats)).toEqual([10, 10, 10, 10]);
    for (const row of rows) expect(row.serviceLevel!.mean).toBeCloseTo(0.905, 12);
    expect(rows.map((row) => row.erlangSimulatedServiceLevel!.mean.toFixed(3))).toEqual(["0.905", "0.505", "0.905", "0.905"]);
    expect(rows.map((row) => row.occupancy!.mean)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(rows.map((row) => row.queueAbandonment!.mean)).toEqual([0, 0, 0, 0]);
    expect(rows.map((row) => row.shiftAgentsScheduled)).toEqual([null, null, null, null]);
    // By Little's law from the rule's runs: busy 0.5 × online × 21,600 s at concurrency 1 in each of two runs, 2 × 10 chats
    // answered: 2 × 10,800 × online ÷ 20 = 1,080 s × online agents.
    expect(rows.map((row) => row.meanHandleSeconds)).toEqual(NEED.map((online) => 1080 * online));
    expect(rows.map((row) => row.meanConcurrency)).toEqual([1, 1, 1, 1]);
    // The default 4 h smoothing is less than one 6-hour interval: window 0, nothing filled.
    expect(staffing.smoothing).toEqual({ hours: 4, windowIntervals: 0, minDipSavingsAgentHours: null, keptDips: 0, addedAgentHours: 0 });
    // 25 agent-intervals of 6 h = 150 agent-hours at $20; the closed form's 26 = 156.
    expect(staffing.totals).toEqual({
      recommendedAgentHours: 150,
      recommendedCost: 3000,
      erlangAgentHours: 156,
      erlangCost: 3120,
      erlangCAgentHours: null,
      shiftAgentHours: null,
      shiftCost: null,
    });
    // The sweep: Erlang's smallest online answer − 1 to its largest + 3. At L agents the share of intervals meeting is
    // 1/4 at 5, 3/4 at 6 and 7 (interval 1 needs 8), 4/4 from 8: service level (0.9 k + 0.5 (4 − k)) ÷ 4 + 0.005.
    expect(staffing.sweep.map((point) => point.agentsScheduled)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(staffing.sweep.map((point) => point.agentsOnline)).toEqual([5, 6, 7, 8, 9, 10]);
    [0.605, 0.805, 0.805, 0.905, 0.905, 0.905].forEach((level, i) => {
      expect(staffing.sweep[i].serviceLevel!.mean).toBeCloseTo(level, 12);
    });
    expect(staffing.sweep.every((point) => point.contributionProfit === null)).toBe(true);
    // Each evaluation is a stage of its own, named by what it is for (no load runs: a forecast is used as it is).
    expect([...new Set(stages)]).toEqual([
      "search round 1",
      "search round 2",
      "search round 3",
      "search round 4",
      ...[1, 2, 3, 4, 5, 6].map((k) => `sweep ${k}/6`),
    ]);
    expect(staffing.explanation[0]).toBe("recommended: 150 agent-hours ($3,000) vs Erlang C: 156 ($3,120), −3.8%");
    expect(staffing.explanation).toContain("no patience in the scenario: customers never give up, so the closed form is Erlang C and nobody abandons");
    expect(staffing.explanation.some((line) => line.startsWith("the search settled after 4 simulation rounds"))).toBe(true);
  });

  it("shifts of 12 h smooth with a one-interval window and round the plan up to a cover of 14 shifts, 168 agent-hours", async () => {
    // Smoothing window round(12 h ÷ 6 h) − 1 = 1: interval 2's dip to 5 (between 8 and 6) rises to 6 → 6, 8, 6, 6 (+6 agent-hours).
    // Shifts of two intervals on the repeating day: x0 + x1 ≥ 8 and x2 + x3 ≥ 6 already need 14 shifts; the greedy walk from
    // interval 0 starts 6, 2, 4 and 2 (coverage 8, 8, 6, 6): 14 × 12 h = 168 agent-hours, 12 above the 156 required.
    const staffing = await recommendStaffing(desk, options({ shiftHours: 12 }));
    expect(staffing.smoothing).toEqual({ hours: 12, windowIntervals: 1, minDipSavingsAgentHours: null, keptDips: 0, addedAgentHours: 6 });
    expect(staffing.intervals.map((row) => row.unsmoothedAgentsScheduled)).toEqual(NEED);
    expect(staffing.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual([6, 8, 6, 6]);
    expect(staffing.intervals.map((row) => row.shiftAgentsScheduled)).toEqual([8, 8, 6, 6]);
    expect(staffing.shifts).toEqual({
      shiftHours: 12,
      shifts: [
        { startSeconds: 0, endSeconds: 2 * SIX_HOURS, agents: 6 },
        { startSeconds: SIX_HOURS, endSeconds: 3 * SIX_HOURS, agents: 2 },
        { startSeconds: 2 * SIX_HOURS, endSeconds: 4 * SIX_HOURS, agents: 4 },
        { startSeconds: 3 * SIX_HOURS, endSeconds: 5 * SIX_HOURS, agents: 2 },
      ],
      coverage: [8, 8, 6, 6],
      agentHours: 168,
      cost: 3360,
      excessAgentHours: 12,
    });
    expect(staffing.totals).toMatchObject({ recommendedAgentHours: 156, recommendedCost: 3120, shiftAgentHours: 168, shiftCost: 3360 });
    expect(staffing.explanation).toContain("shifts of 12 h: 14 shifts, 168 agent-hours ($3,360), 12 above the per-interval requirement");
    // Keeping the dip saves 1 agent × 6 h: a threshold of 6 agent-hours keeps it, 7 fills it.
    const kept = await recommendStaffing(desk, options({ shiftHours: 12, minDipSavingsAgentHours: 6 }));
    expect(kept.smoothing).toEqual({ hours: 12, windowIntervals: 1, minDipSavingsAgentHours: 6, keptDips: 1, addedAgentHours: 0 });
    expect(kept.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual(NEED);
    const filled = await recommendStaffing(desk, options({ smoothingHours: 12, minDipSavingsAgentHours: 7 }));
    expect(filled.smoothing).toEqual({ hours: 12, windowIntervals: 1, minDipSavingsAgentHours: 7, keptDips: 0, addedAgentHours: 6 });
    expect(filled.shifts).toBeNull();
  });

  it("stops where told: after maxIterations rounds, at once when interrupted, after the first failing round with failFast", async () => {
    // Two rounds: the second round's schedule 6, 8, 5, 5 is the answer, interval 3 still failing.
    const short = await recommendStaffing(desk, options({ maxIterations: 2, sweepLevels: [] }));
    expect(short.stoppedBy).toBe("maxIterations");
    expect(short.search).toMatchObject({ iterations: 2, converged: false });
    expect(short.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual([6, 8, 5, 5]);
    expect(short.intervals.map((row) => row.meetsTarget)).toEqual([true, true, true, false]);
    expect(short.sweep).toEqual([]);
    expect(short.explanation).toContain("search stopped after 2 rounds without settling: 1 intervals still miss the target (raise --max-iterations)");

    // Interrupted before anything ran: the closed form's schedule, unsimulated.
    const controller = new AbortController();
    controller.abort();
    const interrupted = await recommendStaffing(desk, options({ signal: controller.signal }));
    expect(interrupted.stoppedBy).toBe("interrupted");
    expect(interrupted.search).toEqual({ iterations: 0, converged: false, rounds: [] });
    expect(interrupted.sweep).toEqual([]);
    expect(interrupted.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual([7, 7, 6, 6]);
    expect(interrupted.intervals.map((row) => row.meetsTarget)).toEqual([null, null, null, null]);
    expect(interrupted.intervals.map((row) => row.serviceLevel)).toEqual([null, null, null, null]);

    // Replication 1 errors every time: failFast stops after round 1 (replication 0's runs are its answer) and runs no sweep.
    const failing = await recommendStaffing(desk, options({ failFast: true, backend: ruleBackend((r) => (r === 1 ? "errored" : "completed")) }));
    expect(failing.stoppedBy).toBe("failFast");
    expect(failing.errored).toEqual([{ stage: "search", replication: 1, error: "broken 1" }]);
    expect(failing.search.rounds).toEqual([]);
    expect(failing.sweep).toEqual([]);
    expect(failing.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual([7, 7, 6, 6]);
    expect(failing.intervals.map((row) => row.meetsTarget)).toEqual([true, false, true, true]);
  });

  it("with video on and interrupted at once: each channel gets half the forecast and its closed-form plan, nothing measured", async () => {
    // Half the chats take video (600 s calls): 2, 2, 1.5 and 1.5 Erlangs on each channel. Erlang C by hand at 80% in 20 s:
    // A = 2: 3 agents give 57.0%, 4 give 83.7%; A = 1.5: 3 give 77.5%, 4 give 93.1%. Four video agents all day: 96 agent-hours.
    const video = { acceptanceProbability: 0.5, scheduled: [1, 1, 1, 1], handleSeconds: { kind: "exponential" as const, mean: 600 }, rescueMultiplier: 1 };
    const controller = new AbortController();
    controller.abort();
    const staffing = await recommendStaffing({ ...desk, desk: { ...desk.desk, video } }, options({ signal: controller.signal }));
    expect(staffing.intervals.map((row) => row.chatsPerHour)).toEqual([12, 12, 9, 9]);
    expect(staffing.intervals.map((row) => row.erlangAgentsScheduled)).toEqual([4, 4, 4, 4]);
    expect(staffing.video!.intervals.map((row) => [row.agentsScheduled, row.meanRequests, row.meetsTarget])).toEqual(new Array(4).fill([4, null, null]));
    expect(staffing.video).toMatchObject({ agentHours: 96, cost: 1920, meanHandleSeconds: 600 });
  });

  it("stops after the default 8 rounds when an interval needs more; no smoothing with 0 hours; progress counts one stage's runs", async () => {
    // Interval 0 needs 16: from 7 it gains one agent a round, 14 in round 8, where the search stops unsettled.
    const progress: [number, number, string][] = [];
    const staffing = await recommendStaffing(
      desk,
      options({
        sweepLevels: [],
        smoothingHours: 0,
        backend: ruleBackend(undefined, [], [16, 8, 5, 6]),
        onProgress: (finished, total, stage) => progress.push([finished, total, stage]),
      }),
    );
    expect(staffing.search).toMatchObject({ iterations: 8, converged: false });
    expect(staffing.stoppedBy).toBe("maxIterations");
    expect(staffing.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual([14, 8, 5, 6]);
    expect(staffing.smoothing).toMatchObject({ hours: 0, windowIntervals: 0, keptDips: 0, addedAgentHours: 0 });
    // Two replications per stage, each reported as finished of 2.
    expect(progress.slice(0, 2)).toEqual([
      [1, 2, "search round 1"],
      [2, 2, "search round 1"],
    ]);
    expect(progress).toHaveLength(16);
  });

  it("without failFast the errors and cancellations of every stage are listed and the search goes on with the replications left", async () => {
    // One replication left: no interval (n = 1), so the means decide and a mean at or above the target is a margin;
    // the search takes the same four rounds, then six sweep levels: 10 evaluations, one lost replication each.
    const errored = await recommendStaffing(desk, options({ backend: ruleBackend((r) => (r === 1 ? "errored" : "completed")) }));
    expect(errored.stoppedBy).toBe("converged");
    expect(errored.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual(NEED);
    expect(errored.errored.map((entry) => entry.stage)).toEqual([...new Array(4).fill("search"), ...new Array(6).fill("sweep")]);
    expect(errored.errored.every((entry) => entry.replication === 1 && entry.error === "broken 1")).toBe(true);
    expect(errored.cancelled).toBe(0);
    const cancelled = await recommendStaffing(desk, options({ backend: ruleBackend((r) => (r === 1 ? "cancelled" : "completed")) }));
    expect(cancelled.cancelled).toBe(10);
    expect(cancelled.errored).toEqual([]);
  });

  it("when every run fails the closed form's schedule stands, unjudged, and every error is listed", async () => {
    const staffing = await recommendStaffing(desk, options({ sweepLevels: [], backend: ruleBackend(() => "errored") }));
    // No run in the first round: nothing to judge, the search settles at once on the closed form's 7, 7, 6, 6.
    expect(staffing.search).toMatchObject({ iterations: 1, converged: true });
    expect(staffing.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual([7, 7, 6, 6]);
    expect(staffing.intervals.map((row) => [row.meanChats, row.serviceLevel, row.erlangSimulatedServiceLevel, row.meetsTarget])).toEqual(
      new Array(4).fill([null, null, null, null]),
    );
    expect(staffing.errored).toEqual([
      { stage: "search", replication: 0, error: "broken 0" },
      { stage: "search", replication: 1, error: "broken 1" },
    ]);
  });

  it("keeps the closed form where too few chats decide, sweeps the levels it is given, and names the objective's errors", async () => {
    // 10 chats per interval, fewer than 11: every interval is undecided, so the first round changes nothing.
    const quiet = await recommendStaffing(desk, options({ minChatsForDecision: 11, sweepLevels: [6, 9], level: 0.9 }));
    expect(quiet.level).toBe(0.9);
    expect(quiet.search).toMatchObject({ iterations: 1, converged: true });
    expect(quiet.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual([7, 7, 6, 6]);
    expect(quiet.intervals.map((row) => row.meetsTarget)).toEqual([null, null, null, null]);
    expect(quiet.explanation).toContain(
      "4 of 4 intervals have fewer than 11 chats per replication: they keep the Erlang C answer (too few chats to judge by simulation)",
    );
    expect(quiet.sweep.map((point) => point.agentsScheduled)).toEqual([6, 9]);

    await expect(recommendStaffing(desk, options({ objective: "profit" }))).rejects.toThrow(
      "invalid objective: profit (needs a store scenario: a chat-only scenario has no revenue)",
    );
    const baseline = new URL("../scenarios/baseline.yaml", import.meta.url).pathname;
    const { config: store } = parseScenario(readDataFile(baseline, "scenario file"), { path: baseline });
    await expect(recommendStaffing(store, options({ objective: "profit", sweepLevels: [] }))).rejects.toThrow(
      "invalid sweepLevels: an empty list (the profit objective picks from the sweep)",
    );
  });

  it("with patience the closed form is Erlang A, Erlang C's 7, 7, 6, 6 is shown beside it, and the search still ends at the rule's levels", async () => {
    const patient = { ...desk, patienceSeconds: { kind: "exponential" as const, mean: 120 } };
    const staffing = await recommendStaffing(patient, options({ sweepLevels: [] }));
    expect(staffing.analyticModel).toBe("erlangA");
    expect(staffing.loads.meanPatienceSeconds).toBe(120);
    expect(staffing.intervals.map((row) => row.erlangCAgentsScheduled)).toEqual([7, 7, 6, 6]);
    expect(staffing.totals.erlangCAgentHours).toBe(156);
    // Whatever the start, the search settles where one fewer fails: the rule's levels.
    expect(staffing.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual(NEED);
  });

  it("with two workers the stages share one pool (closed at the end) and answer as one worker does", async () => {
    const pools: (TaskPool | null)[] = [];
    const staffing = await recommendStaffing(desk, options({ workers: 2, sweepLevels: [], backend: ruleBackend(undefined, pools) }));
    expect(staffing.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual(NEED);
    expect(staffing.search.iterations).toBe(4);
    expect(pools.map((pool) => pool?.workers)).toEqual([2, 2, 2, 2]);
    expect(new Set(pools).size).toBe(1);
    // Closed when the run ends: no thread left.
    expect(pools[0]!.piscina.threads).toHaveLength(0);
    // One worker: no pool at all.
    const single: (TaskPool | null)[] = [];
    await recommendStaffing(desk, options({ workers: 1, sweepLevels: [], backend: ruleBackend(undefined, single) }));
    expect(single).toEqual([null, null, null, null]);
    // The caller's pool is used as it is and left open for the caller.
    const own = new TaskPool(2);
    try {
      const given: (TaskPool | null)[] = [];
      await recommendStaffing(desk, options({ pool: own, sweepLevels: [], backend: ruleBackend(undefined, given) }));
      expect(given.every((pool) => pool === own)).toBe(true);
      expect(own.piscina.threads.length).toBeGreaterThan(0);
    } finally {
      await own.close();
    }
  });
});

describe("recommendStaffing on a store, on hand-made runs", () => {
  // A short baseline store day as the template of every run; the backend sets what the stages read.
  const baselinePath = new URL("../scenarios/baseline.yaml", import.meta.url).pathname;
  const data = readDataFile(baselinePath, "scenario file") as Record<string, any>;
  data.traffic.sessionsPerDay = 300;
  const store = parseScenario(data, { path: baselinePath }).config;
  const storeTemplate = simulate(store, { seed: 1 });
  if (storeTemplate.kind !== "store") throw new Error("expected a store run");
  /**
   * Contribution profit at L agents all day in replication r: 1000 − 100 |L − 5| − 10 L + r L, a peak at 5 (950 + 5r);
   * at most 2% of chats wait in every run, so the first (generous) load round is the last.
   */
  const profitBackend: TaskBackend = {
    async run(tasks, runOptions): Promise<TaskOutcome[]> {
      return tasks.map((task, index): TaskOutcome => {
        runOptions.onProgress?.(index + 1, tasks.length);
        const replication = Number(String(task.seed).split(":r")[1]);
        const agents = task.config.agents.scheduled[0];
        const contributionProfit = 1000 - 100 * Math.abs(agents - 5) - 10 * agents + replication * agents;
        const results = {
          ...storeTemplate,
          seed: String(task.seed),
          chat: { ...storeTemplate.chat, probabilityOfWait: 0.01 },
          profit: { ...storeTemplate.profit, contributionProfit },
        };
        return { state: "completed", index, results };
      });
    },
  };

  it("the profit objective recommends the sweep's most profitable level all day and tests it against the runner-up", async () => {
    const stages: string[] = [];
    const staffing = await recommendStaffing(store, {
      replications: 2,
      seed: 5,
      workers: 1,
      backend: profitBackend,
      objective: "profit",
      sweepLevels: [3, 4, 5, 6, 7],
      onProgress: (_finished, _total, stage) => stages.push(stage),
    });
    // Mean profit by level: 771.5, 862, 952.5, 843, 733.5. The best, 5, against 4: differences 90 and 91 (mean 90.5).
    expect(staffing.sweep.map((point) => point.contributionProfit!.mean)).toEqual([771.5, 862, 952.5, 843, 733.5]);
    expect(staffing.profitChoice).toMatchObject({ agentsScheduled: 5, runnerUpAgentsScheduled: 4, distinguishable: true });
    expect(staffing.profitChoice!.difference!.mean).toBe(90.5);
    expect(staffing).toMatchObject({ mode: "store", objective: "profit", analyticModel: "erlangA", stoppedBy: "sweep" });
    expect(staffing.search).toEqual({ iterations: 0, converged: false, rounds: [] });
    // Five agents in every half hour; random absence at 30% leaves 3.5 online on average. Not smoothed (it is one level).
    expect(new Set(staffing.intervals.map((row) => row.recommendedAgentsScheduled))).toEqual(new Set([5]));
    expect(new Set(staffing.intervals.map((row) => row.unsmoothedAgentsScheduled))).toEqual(new Set([5]));
    expect(staffing.intervals[0].recommendedAgentsOnline).toBeCloseTo(3.5, 12);
    expect(staffing.smoothing).toEqual({ hours: 4, windowIntervals: 7, minDipSavingsAgentHours: null, keptDips: 0, addedAgentHours: 0 });
    // 5 agents × 24 h at the baseline's $28.
    expect(staffing.totals.recommendedAgentHours).toBe(120);
    expect(staffing.totals.recommendedCost).toBe(120 * 28);
    // The baseline's 2 scheduled agents are 1 online: the generous load runs use 4 online = 6 scheduled.
    expect(staffing.loads).toMatchObject({ source: "simulated", generousAgentsScheduled: 6, replications: 2 });
    expect([...new Set(stages)]).toEqual(["loads", "sweep 1/5", "sweep 2/5", "sweep 3/5", "sweep 4/5", "sweep 5/5"]);
    expect(staffing.explanation[0].startsWith("best contribution profit: 120 agent-hours")).toBe(true);
    expect(staffing.explanation.some((line) => line.startsWith("contribution profit is highest with 5 agents all day:"))).toBe(true);
  });

  it("the target objective on a store keeps the search's answer and still reports the most profitable level", async () => {
    // 300 sessions a day bring a couple of chats: every interval has fewer than 5, so the search keeps the closed form.
    const staffing = await recommendStaffing(store, { replications: 2, seed: 5, workers: 1, backend: profitBackend, sweepLevels: [3, 4, 5, 6, 7] });
    expect(staffing.objective).toBe("target");
    expect(staffing.profitChoice).toMatchObject({ agentsScheduled: 5, runnerUpAgentsScheduled: 4 });
    expect(staffing.intervals.every((row) => row.meetsTarget === null)).toBe(true);
    expect(staffing.intervals.map((row) => row.unsmoothedAgentsScheduled)).toEqual(staffing.intervals.map((row) => row.erlangAgentsScheduled));
    expect(staffing.intervals.some((row) => row.recommendedAgentsScheduled !== 5)).toBe(true);
  });

  it("the profit objective with no sweep level simulated falls back on the closed form's schedule", async () => {
    // The load runs complete; every sweep run fails, so there is no level to choose.
    const sweepFails: TaskBackend = {
      async run(tasks, runOptions) {
        const outcomes = await profitBackend.run(tasks, runOptions);
        return outcomes.map((outcome, index) => (tasks[index].config.agents.scheduled[0] === 6 ? outcome : { state: "errored", index, error: "lost" }));
      },
    };
    const staffing = await recommendStaffing(store, {
      replications: 2,
      seed: 5,
      workers: 1,
      backend: sweepFails,
      objective: "profit",
      sweepLevels: [3, 4, 5],
    });
    expect(staffing.profitChoice).toBeNull();
    expect(staffing.sweep).toEqual([]);
    expect(staffing.stoppedBy).toBe("sweep");
    expect(staffing.intervals.map((row) => row.recommendedAgentsScheduled)).toEqual(staffing.intervals.map((row) => row.erlangAgentsScheduled));
  });

  it("a store's video demand is measured from the load runs: 3 requests per half hour are 6 an hour", async () => {
    const video = {
      acceptanceProbability: 0.3,
      scheduled: new Array(48).fill(1),
      handleSeconds: { kind: "exponential" as const, mean: 600 },
      rescueMultiplier: 1,
    };
    const withVideo = { ...store, desk: { ...store.desk, video } };
    const fill = (value: number) => new Array(48).fill(value);
    const videoBackend: TaskBackend = {
      async run(tasks, runOptions) {
        const outcomes = await profitBackend.run(tasks, runOptions);
        return outcomes.map((outcome) => {
          if (outcome.state !== "completed") return outcome;
          const series = { requests: fill(3), served: fill(3), abandoned: fill(0), blocked: fill(0), agentsScheduled: fill(1), agentsOnline: fill(1) };
          const measured = { ...series, occupancy: fill(0.5), serviceLevel: fill(1), meanWaitOfServedSeconds: fill(0) };
          return { ...outcome, results: { ...outcome.results, intervals: { ...outcome.results.intervals, video: measured } } };
        });
      },
    };
    const staffing = await recommendStaffing(withVideo, { replications: 2, seed: 5, workers: 1, backend: videoBackend, objective: "profit", sweepLevels: [5] });
    expect(staffing.video!.intervals.every((row) => row.videoRequestsPerHour === 6 && row.meanRequests === 3)).toBe(true);
  });

  it("failing fast on an error in the sweep, after a search that settled, says so; failFast without an error changes nothing", async () => {
    // The search's schedules vary by interval; the sweep's are constant: 10 agents all day fails in replication 1.
    const sweepBreaks: TaskBackend = {
      async run(tasks, runOptions) {
        const outcomes = await ruleBackend().run(tasks, runOptions);
        return outcomes.map((outcome, index) =>
          tasks[index].config.agents.scheduled.every((agents) => agents === 10) && index === 1 ? { state: "errored", index, error: "lost" } : outcome,
        );
      },
    };
    const broken = await recommendStaffing(desk, options({ failFast: true, sweepLevels: [9, 10, 11], backend: sweepBreaks }));
    expect(broken.search).toMatchObject({ iterations: 4, converged: true });
    expect(broken.stoppedBy).toBe("failFast");
    // The failing level keeps its completed replication; the next level is not run.
    expect(broken.sweep.map((point) => point.agentsScheduled)).toEqual([9, 10]);
    expect(broken.errored).toEqual([{ stage: "sweep", replication: 1, error: "lost" }]);
    const clean = await recommendStaffing(desk, options({ failFast: true, sweepLevels: [9] }));
    expect(clean.stoppedBy).toBe("converged");
    // Under the profit objective a failed-fast sweep is "failFast" too, not "sweep".
    const storeBreaks: TaskBackend = {
      async run(tasks, runOptions) {
        const outcomes = await profitBackend.run(tasks, runOptions);
        return outcomes.map((outcome, index) =>
          tasks[index].config.agents.scheduled[0] === 4 && index === 1 ? { state: "errored", index, error: "lost" } : outcome,
        );
      },
    };
    const profit = await recommendStaffing(store, {
      replications: 2,
      seed: 5,
      workers: 1,
      backend: storeBreaks,
      objective: "profit",
      failFast: true,
      sweepLevels: [3, 4, 5],
    });
    expect(profit.stoppedBy).toBe("failFast");
    expect(profit.sweep.map((point) => point.agentsScheduled)).toEqual([3, 4]);
  });

  it("a load round's errors are listed under the stage 'loads'", async () => {
    const failing: TaskBackend = {
      async run(tasks, runOptions) {
        const outcomes = await profitBackend.run(tasks, runOptions);
        return outcomes.map((outcome, index) => (String(tasks[index].seed).endsWith(":r1") ? { state: "errored", index, error: "lost" } : outcome));
      },
    };
    const staffing = await recommendStaffing(store, { replications: 2, seed: 5, workers: 1, backend: failing, objective: "profit", sweepLevels: [4, 5] });
    expect(staffing.errored.map((entry) => entry.stage)).toEqual(["loads", "sweep", "sweep"]);
    // One replication left: no paired test, the best level still chosen.
    expect(staffing.profitChoice).toMatchObject({ agentsScheduled: 5, runnerUpAgentsScheduled: 4, difference: null, distinguishable: false });
  });
});
