import { Environment, type Event } from "../engine/index.ts";
import type { ReservationCustomer } from "../policy/index.ts";
import { makeSampler, PiecewisePoissonArrivals, StreamFactory } from "../random/index.ts";
import { ChatCenter } from "./ChatCenter.ts";
import { chatCenterOptions } from "./chatCenterOptions.ts";
import { chatCustomerSource } from "./chatCustomerSource.ts";
import { collectChatResults, collectIntervalResults } from "./collectResults.ts";
import type { ChatOnlyModelConfig } from "./config.ts";
import { IntervalSeries } from "./IntervalSeries.ts";
import type { ChatOnlyResults } from "./results.ts";
import { VideoDesk, withVideoIntervals } from "./videoDesk.ts";

/**
 * The contact-centre-only model: chats arrive as a non-homogeneous Poisson process, wait with
 * patience, and are handled by agents with concurrency and slowdown. With exponential times,
 * concurrency 1 and no slowdown it is the M/M/c+M queue of Erlang A (M/M/c, Erlang C, without patience).
 * An optional self-service step (desk.selfService) takes a share of requests before the queue.
 */
export function simulateChatOnly(config: ChatOnlyModelConfig, options: { seed: string | number }): ChatOnlyResults {
  const env = new Environment();
  const streams = new StreamFactory(options.seed);
  const series = new IntervalSeries(config.agents.scheduled.length);
  const center = new ChatCenter(
    env,
    chatCenterOptions(config.desk, config.agents, config.horizon, { ...config, usePriority: false }, streams.stream("absence")),
    series,
  );
  const desk = config.desk;
  const video =
    desk.video === null ? null : new VideoDesk(env, { ...desk, video: desk.video }, config.agents, config.horizon, config.serviceLevelSeconds, streams);
  const handle = makeSampler(config.handleSeconds, streams.stream("handle"));
  const patience = config.patienceSeconds === null ? null : makeSampler(config.patienceSeconds, streams.stream("patience"));
  const messageHandle = makeSampler(config.desk.messages.handleSeconds, streams.stream("messageHandle"));
  const leaveMessage = streams.stream("leaveMessage");
  const selfService = config.desk.selfService;
  const deflect = streams.stream("selfService");
  const escalationDelay = makeSampler(selfService.escalationDelaySeconds, streams.stream("escalationDelay"));
  const selfServed = { contacts: 0, resolved: 0, escalated: 0 };
  const drawCustomer = chatCustomerSource(config.segments ?? [], streams);
  const arrivals = new PiecewisePoissonArrivals(streams.stream("arrivals"), config.chatRatesPerSecond, config.horizon.intervalSeconds);
  const horizonSeconds = config.horizon.days * 86400;

  // A blocked chat is offered the message form; its draws come from their own streams (common random numbers).
  // With video on, a request offered video (its desk open) may take it: its own desk and handle time.
  // The chat runs on its own events (no process per chat): nothing here waits for how it ends.
  function chatOrMessage(patienceSeconds: number, handleSeconds: number, customer: ReservationCustomer): void {
    const toVideo = video !== null && video.center.isOpen() && video.choosesVideo();
    const target = toVideo ? video.center : center;
    const turnedAway = target.startChat(0, patienceSeconds, toVideo ? video.handleSeconds() : handleSeconds, customer);
    if (turnedAway?.blocked && leaveMessage.next() < desk.messages.leaveProbability) target.leaveMessage(Math.max(0, messageHandle.sample()));
  }

  // Self-service first: the bot takes a share of requests; a share of those join the queue after the
  // escalation delay, keeping the patience and handle time drawn at arrival (common random numbers).
  function* selfServiceFirst(patienceSeconds: number, handleSeconds: number, customer: ReservationCustomer): Generator<Event<any>, void, any> {
    const counted = env.now >= config.desk.warmupSeconds;
    if (counted) selfServed.contacts++;
    if (deflect.next() >= selfService.escalationProbability) {
      if (counted) selfServed.resolved++;
      return;
    }
    if (counted) selfServed.escalated++;
    yield env.timeout(Math.max(0, escalationDelay.sample()));
    chatOrMessage(patienceSeconds, handleSeconds, customer);
  }

  // Arrivals as a chain of timers, one per chat, each callback scheduling the next.
  const arrive = (): void => {
    // Draw both at arrival so every chat keeps its own numbers whatever the staffing (common random numbers).
    const patienceSeconds = patience === null ? Infinity : Math.max(0, patience.sample());
    const handleSeconds = Math.max(0, handle.sample());
    const customer = drawCustomer();
    const toSelfService = selfService.deflectionProbability > 0 && deflect.next() < selfService.deflectionProbability;
    if (toSelfService) env.process(selfServiceFirst(patienceSeconds, handleSeconds, customer));
    else chatOrMessage(patienceSeconds, handleSeconds, customer);
    scheduleNextArrival();
  };
  const scheduleNextArrival = (): void => {
    const at = arrivals.next();
    if (at < horizonSeconds) env.timeout(at - env.now).addCallback(arrive);
  };
  scheduleNextArrival();
  env.run();
  return {
    kind: "chatOnly",
    scenario: config.name,
    seed: options.seed,
    horizonDays: config.horizon.days,
    chat: collectChatResults(center, config.agents, config.desk, config.horizon.intervalSeconds, config.serviceLevelSeconds, null),
    selfService: { ...selfServed, cost: selfServed.contacts * selfService.costPerContact },
    intervals: withVideoIntervals(video, collectIntervalResults(series, config.horizon.intervalSeconds, config.desk.serviceLevel)),
    ...(video === null ? {} : { video: video.results() }),
  };
}
