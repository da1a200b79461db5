// The video channel in `staff`: its own requirement per interval (one call per agent, the video
// handle time). Expected agents are worked out by hand from Erlang C (no patience) with the formula
// SL(c) = 1 − C(c, A) · exp(−(c − A) · t ÷ h), t = 20 s, h = 600 s (Python, math.factorial):
//   A = 4.0 Erlangs: c = 6 gives 73.36%, c = 7 gives 87.77%  → 7 video agents for 80% within 20 s
//   A = 3.0 Erlangs: c = 5 gives 77.91%, c = 6 gives 91.03%  → 6 video agents
// and the occupancy cap (85%) binds neither (4 ÷ 7 = 57%, 3 ÷ 6 = 50%).

import { describe, expect, it } from "vitest";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG, type ModelConfig, type SimulationResults } from "../../sim/model/index.ts";
import { recommendStaffing } from "./recommendStaffing.ts";
import type { ResolvedStaffingTarget } from "./staffingTypes.ts";
import { type VideoPlan, videoArrivalRates, videoPlan, videoStaffing, withVideoSchedule } from "./videoStaffing.ts";

const INTERVALS = 12;
const MEAN_VIDEO_SECONDS = 600;
const VIDEO_SHARE = 0.6;
const REPLICATIONS = 8;
/** Video Erlangs per interval: the first half at 4, the second at 3. */
const VIDEO_LOADS = Array.from({ length: INTERVALS }, (_, i) => (i < INTERVALS / 2 ? 4 : 3));

function desk(): ChatOnlyModelConfig {
  const totalRates = VIDEO_LOADS.map((load) => load / MEAN_VIDEO_SECONDS / VIDEO_SHARE);
  return {
    kind: "chatOnly",
    name: "video staffing desk",
    horizon: { days: 0.5, intervalSeconds: 3600 },
    chatRatesPerSecond: totalRates,
    handleSeconds: { kind: "exponential", mean: 180 },
    patienceSeconds: null,
    slowdownPerExtraChat: 0,
    serviceLevelSeconds: 20,
    agents: { scheduled: new Array(INTERVALS).fill(2), shrinkage: 0, concurrency: 2, costPerHour: 20 },
    desk: {
      ...DEFAULT_DESK_CONFIG,
      video: {
        acceptanceProbability: VIDEO_SHARE,
        scheduled: new Array(INTERVALS).fill(1),
        handleSeconds: { kind: "exponential", mean: MEAN_VIDEO_SECONDS },
        rescueMultiplier: 1,
      },
    },
  };
}

// Started by the first test that needs it, not at import: a mutation run then credits what it runs to a test
// (code run while a file loads counts as static there).
let started: ReturnType<typeof recommendStaffing> | undefined;
const staffing = () =>
  (started ??= recommendStaffing(desk(), {
    replications: REPLICATIONS,
    seed: 1,
    workers: 1,
    target: { serviceLevel: 0.8 },
    sweepLevels: [],
    maxIterations: 2,
  }));

describe("recommendStaffing with video on", () => {
  it("sizes the video channel per interval as Erlang C by hand: 7 video agents at 4 Erlangs, 6 at 3", async () => {
    const { video } = await staffing();
    expect(video?.intervals.map((interval) => interval.agentsScheduled)).toEqual(VIDEO_LOADS.map((load) => (load === 4 ? 7 : 6)));
    expect(video?.agentHours).toBe(6 * 7 + 6 * 6);
    expect(video?.cost).toBe((6 * 7 + 6 * 6) * 20);
  });

  it("gives the text queue only the share that does not take video (forecast × 0.4)", async () => {
    const { intervals } = await staffing();
    for (const [i, interval] of intervals.entries())
      expect(interval.chatsPerHour).toBeCloseTo((VIDEO_LOADS[i] / MEAN_VIDEO_SECONDS) * 3600 * (0.4 / VIDEO_SHARE), 9);
  });

  it("simulates the video plan: the mean video requests per replication (all intervals) inside the 99% band of Poisson(Σ λ × 3600)", async () => {
    const { video } = await staffing();
    // One pooled check, not one per interval: twelve 99% checks would fail together about 11% of the time.
    const expected = VIDEO_LOADS.reduce((sum, load) => sum + (load / MEAN_VIDEO_SECONDS) * 3600, 0);
    const measured = video!.intervals.reduce((sum, interval) => sum + interval.meanRequests!, 0);
    for (const [i, interval] of video!.intervals.entries()) {
      expect(interval.videoRequestsPerHour).toBeCloseTo((VIDEO_LOADS[i] / MEAN_VIDEO_SECONDS) * 3600, 9);
      expect(interval.serviceLevel).not.toBeNull();
    }
    expect(Math.abs(measured - expected)).toBeLessThan(2.576 * Math.sqrt(expected / REPLICATIONS));
  });

  it("video off: no video section in the results", async () => {
    const config = desk();
    const plain = await recommendStaffing(
      { ...config, desk: { ...config.desk, video: null } },
      { replications: 2, seed: 1, workers: 1, sweepLevels: [], maxIterations: 1 },
    );
    expect(plain.video).toBeUndefined();
  });
});

describe("the video section on hand-made runs", () => {
  type VideoSeries = {
    requests: number[];
    served: number[];
    abandoned: number[];
    serviceLevel: (number | null)[];
    occupancy: (number | null)[];
    wait: (number | null)[];
  };
  const run = (video: VideoSeries): SimulationResults =>
    ({ intervals: { video: { ...video, meanWaitOfServedSeconds: video.wait, blocked: [0, 0, 0] } } }) as unknown as SimulationResults;
  // Three half-hour intervals. Interval 0: 2 and 4 requests, service level 1 and 0.5, one of 4 gave up, occupancy 0.5 and 0.7,
  // answered waits 2 × 10 s and 3 × 20 s. Interval 1: only the second run has a request (it gave up). Interval 2: no request.
  const runs = [
    run({ requests: [2, 0, 0], served: [2, 0, 0], abandoned: [0, 0, 0], serviceLevel: [1, null, null], occupancy: [0.5, 0.2, 0], wait: [10, null, null] }),
    run({ requests: [4, 1, 0], served: [3, 0, 0], abandoned: [1, 1, 0], serviceLevel: [0.5, 0, null], occupancy: [0.7, null, 0], wait: [20, null, null] }),
  ];
  const config = {
    ...desk(),
    horizon: { days: 1 / 16, intervalSeconds: 1800 },
    agents: { scheduled: [1, 1, 1], shrinkage: 0.3, concurrency: 1, costPerHour: 30 },
  } as ChatOnlyModelConfig;
  const answer = (agentsScheduled: number, serviceLevel: number) => ({
    agentsOnline: agentsScheduled,
    agentsScheduled,
    serviceLevel,
    erlangCAgentsScheduled: null,
  });
  const plan: VideoPlan = { arrivalRatesPerSecond: [0.002, 0.001, 0], meanHandleSeconds: 600, analytic: [answer(3, 0.85), answer(2, 0.9), answer(0, 1)] };
  const target = (serviceLevel: number | null, maxQueueAbandonment: number | null): ResolvedStaffingTarget => ({
    serviceLevel,
    serviceLevelSeconds: 20,
    maxQueueAbandonment,
    maxOccupancy: null,
  });

  it("videoStaffing pools each interval over the runs: t intervals of the shares, the answered calls' mean wait, the plan's hours and cost", () => {
    const video = videoStaffing(config, plan, runs, target(0.8, 0.2), 0.95);
    expect(video.model).toBe("separate requirement per interval (own agents, one call each)");
    expect(video.meanHandleSeconds).toBe(600);
    // 3 + 2 + 0 agents for half an hour each: 2.5 agent-hours at $30.
    expect(video.agentHours).toBe(2.5);
    expect(video.cost).toBe(75);
    const [first, second, third] = video.intervals;
    // Random absence at 30%: 3 scheduled are 2.1 online on average.
    expect(first).toMatchObject({ index: 0, startSeconds: 0, agentsScheduled: 3, erlangServiceLevel: 0.85, meanRequests: 3, meanWaitOfServedSeconds: 16 });
    expect(first.agentsOnline).toBeCloseTo(2.1, 12);
    expect(first.videoRequestsPerHour).toBeCloseTo(7.2, 12);
    // Service level 1 and 0.5: 0.75 ± 12.706 × 0.25, cut to [0, 1]; abandonment 0 and 0.25; occupancy 0.5 and 0.7.
    expect(first.serviceLevel).toMatchObject({ mean: 0.75, lower: 0, upper: 1, n: 2 });
    expect(first.queueAbandonment).toMatchObject({ mean: 0.125, n: 2 });
    expect(first.occupancy!.mean).toBeCloseTo(0.6, 12);
    expect(second).toMatchObject({ index: 1, startSeconds: 1800, meanRequests: 0.5, meanWaitOfServedSeconds: null });
    expect(second.serviceLevel).toMatchObject({ mean: 0, n: 1, upper: null });
    expect(second.queueAbandonment).toMatchObject({ mean: 1, n: 1 });
    expect(second.occupancy).toMatchObject({ mean: 0.2, n: 1 });
    expect(third).toMatchObject({ meanRequests: 0, serviceLevel: null, queueAbandonment: null, meetsTarget: null });
    // Interval 0's service-level interval reaches 80% and its abandonment interval 20%: met. Interval 1's one service level, 0, misses.
    expect(video.intervals.map((interval) => interval.meetsTarget)).toEqual([true, false, null]);
  });

  it("meets the video target unless an interval lies wholly on the wrong side of it", () => {
    const meets = (goal: ResolvedStaffingTarget) => videoStaffing(config, plan, runs, goal, 0.95).intervals.map((interval) => interval.meetsTarget);
    // Abandonment alone: interval 1's single value, 1, is above 50%; interval 0's interval starts at 0.
    expect(meets(target(null, 0.5))).toEqual([true, false, null]);
    // No target the estimates can fail: met wherever there is a service level.
    expect(meets(target(null, null))).toEqual([true, true, null]);
    // Interval 0's abandonment interval lies wholly above a 1e-9 maximum? Its lower bound is cut at 0: no.
    expect(meets(target(null, 1e-9))).toEqual([true, false, null]);
    // At 90% confidence interval 0's service level is 0.75 ± 6.314 × 0.25, still reaching 80%: met.
    expect(videoStaffing(config, plan, runs, target(0.8, null), 0.9).intervals[0].meetsTarget).toBe(true);
    // Without runs nothing is measured.
    const none = videoStaffing(config, plan, [], target(0.8, null), 0.95);
    expect(none.intervals.map((interval) => [interval.meanRequests, interval.meetsTarget])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it("videoArrivalRates: the chat-only forecast × the video share; a store's mean measured requests ÷ the interval; none without video", () => {
    const chatOnly = desk();
    expect(videoArrivalRates(chatOnly, [])).toEqual(chatOnly.chatRatesPerSecond.map((rate) => rate * VIDEO_SHARE));
    const store = {
      kind: "store",
      horizon: { days: 1 / 16, intervalSeconds: 1800 },
      agents: { scheduled: [1, 1, 1], shrinkage: 0 },
      desk: chatOnly.desk,
    } as unknown as ModelConfig;
    // (2 + 4) ÷ 2 runs = 3 requests in 1800 s; a run without video figures counts 0.
    const [first, second, third] = videoArrivalRates(store, runs);
    expect(first).toBeCloseTo(3 / 1800, 15);
    expect(second).toBeCloseTo(0.5 / 1800, 15);
    expect(third).toBe(0);
    expect(videoArrivalRates(store, [...runs, { intervals: {} } as SimulationResults])[0]).toBeCloseTo(2 / 1800, 15);
    expect(videoArrivalRates(store, [])).toEqual([0, 0, 0]);
    const off = { ...chatOnly, desk: { ...chatOnly.desk, video: null } };
    expect(videoArrivalRates(off, [])).toEqual([]);
    expect(videoPlan(off, [], target(0.8, null), null)).toBeNull();
    expect(withVideoSchedule(off, plan)).toBe(off);
    expect(withVideoSchedule(chatOnly, null)).toBe(chatOnly);
    expect(withVideoSchedule(chatOnly, plan).desk.video!.scheduled).toEqual([3, 2, 0]);
  });
});
