import type { Environment } from "../engine/index.ts";
import { makeSampler, type Sampler, type StreamFactory, type UniformSource } from "../random/index.ts";
import { ChatCenter } from "./ChatCenter.ts";
import { chatCenterOptions } from "./chatCenterOptions.ts";
import { collectChatResults, collectVideoIntervalResults } from "./collectResults.ts";
import type { AgentConfig, DeskConfig, HorizonConfig, VideoConfig } from "./config.ts";
import { IntervalSeries } from "./IntervalSeries.ts";
import type { ChatQueueResults, IntervalResults, VideoIntervalResults } from "./results.ts";

/**
 * The video channel's desk: its own agents (one call at a time, no slowdown, no reservation), the
 * desk's queue cap, patience, opening hours and service-level definition, and its own streams
 * (`videoChoice`, `videoHandle`, `videoAbsence`), so switching video on shifts no text-chat draw.
 */
export class VideoDesk {
  readonly center: ChatCenter;
  readonly config: VideoConfig;
  readonly agents: AgentConfig;
  readonly #desk: DeskConfig;
  readonly #horizon: HorizonConfig;
  readonly #serviceLevelSeconds: number;
  readonly #choice: UniformSource;
  readonly #handle: Sampler;

  constructor(
    env: Environment,
    desk: DeskConfig & { video: VideoConfig },
    agents: AgentConfig,
    horizon: HorizonConfig,
    serviceLevelSeconds: number,
    streams: StreamFactory,
  ) {
    this.config = desk.video;
    this.agents = { ...agents, scheduled: desk.video.scheduled, concurrency: 1 };
    this.#desk = { ...desk, reservation: null };
    this.#horizon = horizon;
    this.#serviceLevelSeconds = serviceLevelSeconds;
    this.#choice = streams.stream("videoChoice");
    this.#handle = makeSampler(desk.video.handleSeconds, streams.stream("videoHandle"));
    this.center = new ChatCenter(
      env,
      chatCenterOptions(
        this.#desk,
        this.agents,
        horizon,
        { slowdownPerExtraChat: 0, serviceLevelSeconds, handleSeconds: desk.video.handleSeconds, usePriority: false },
        streams.stream("videoAbsence"),
      ),
      new IntervalSeries(desk.video.scheduled.length),
    );
  }

  /** Whether a chat request offered video takes it: one uniform draw, from the desk's stream unless given (a shopper's own). */
  choosesVideo(draw = this.#choice.next()): boolean {
    return draw < this.config.acceptanceProbability;
  }

  /** A video call's handle time (drawn from the video stream, so text handle times stay put). */
  handleSeconds(): number {
    return Math.max(0, this.#handle.sample());
  }

  /** The video channel's figures, the same fields as the text desk's. */
  results(): ChatQueueResults {
    return collectChatResults(this.center, this.agents, this.#desk, this.#horizon.intervalSeconds, this.#serviceLevelSeconds, null);
  }

  /** The video desk's per-interval series. */
  intervalResults(): VideoIntervalResults {
    return collectVideoIntervalResults(this.center.series, this.#desk.serviceLevel);
  }
}

/** The text desk's per-interval results, with the video desk's series added when video is on. */
export function withVideoIntervals(video: VideoDesk | null, intervals: IntervalResults): IntervalResults {
  return video === null ? intervals : { ...intervals, video: video.intervalResults() };
}
