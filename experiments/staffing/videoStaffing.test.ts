// The video channel in `staff`: its own requirement per interval (one call per agent, the video
// handle time). Expected agents are worked out by hand from Erlang C (no patience) with the formula
// SL(c) = 1 − C(c, A) · exp(−(c − A) · t ÷ h), t = 20 s, h = 600 s (Python, math.factorial):
//   A = 4.0 Erlangs: c = 6 gives 73.36%, c = 7 gives 87.77%  → 7 video agents for 80% within 20 s
//   A = 3.0 Erlangs: c = 5 gives 77.91%, c = 6 gives 91.03%  → 6 video agents
// and the occupancy cap (85%) binds neither (4 ÷ 7 = 57%, 3 ÷ 6 = 50%).

import { describe, expect, it } from "vitest";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG } from "../../sim/model/index.ts";
import { recommendStaffing } from "./recommendStaffing.ts";

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

const staffing = recommendStaffing(desk(), {
  replications: REPLICATIONS,
  seed: 1,
  workers: 1,
  target: { serviceLevel: 0.8 },
  sweepLevels: [],
  maxIterations: 2,
});

describe("recommendStaffing with video on", () => {
  it("sizes the video channel per interval as Erlang C by hand: 7 video agents at 4 Erlangs, 6 at 3", async () => {
    const { video } = await staffing;
    expect(video?.intervals.map((interval) => interval.agentsScheduled)).toEqual(VIDEO_LOADS.map((load) => (load === 4 ? 7 : 6)));
    expect(video?.agentHours).toBe(6 * 7 + 6 * 6);
    expect(video?.cost).toBe((6 * 7 + 6 * 6) * 20);
  });

  it("gives the text queue only the share that does not take video (forecast × 0.4)", async () => {
    const { intervals } = await staffing;
    for (const [i, interval] of intervals.entries())
      expect(interval.chatsPerHour).toBeCloseTo((VIDEO_LOADS[i] / MEAN_VIDEO_SECONDS) * 3600 * (0.4 / VIDEO_SHARE), 9);
  });

  it("simulates the video plan: the mean video requests per replication (all intervals) inside the 99% band of Poisson(Σ λ × 3600)", async () => {
    const { video } = await staffing;
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
