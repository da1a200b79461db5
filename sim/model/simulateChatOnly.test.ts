// The chat-only model against exact queueing formulas. With exponential handle times and patience,
// constant arrival rate and staffing and no slowdown, the desk is the M/M/n+M queue of Erlang A
// (M/M/n, Erlang C, without patience) with n = online agents × concurrency slots; the simulated
// P(wait), mean wait, P(abandon) and service level must put the exact value inside their 99%
// t-interval over independent replications (seeds 1..REPLICATIONS, so the file is stable; no seed was
// picked for passing). With slowdown the same desk must do significantly worse than that answer.
//
// Bias: each replication starts empty; the first WARMUP_SECONDS (20 mean handle times) are a warm-up
// left out of every figure, so the empty start biases nothing measurable.
// Stopping arrivals biases nothing: under first-come first-served (and exponential patience) a chat's
// wait and fate depend only on the chats ahead of it, and the desk drains with the last staffing.

import { describe, expect, it } from "vitest";
import { type ErlangAResult, erlangA, erlangCMetrics, mmck } from "../analytic/index.ts";
import { type ConfidenceInterval, confidenceInterval99, expectInside } from "../engine/testConfidenceInterval.ts";
import { isDeskOpen, type OpeningHours, openSeconds, parseOpeningHours, simulationClock } from "../policy/index.ts";
import {
  type ChatOnlyModelConfig,
  DEFAULT_CHANNEL_ESCALATION_CONFIG,
  DEFAULT_DESK_CONFIG,
  type SelfServiceConfig,
  type ServiceLevelDefinition,
} from "./config.ts";
import type { ChatQueueResults, Ratio } from "./results.ts";
import { simulateChatOnly } from "./simulateChatOnly.ts";

const DAYS = 3;
const WARMUP_SECONDS = 3600;
const INTERVAL_SECONDS = 3600;
const REPLICATIONS = 20;
const MEAN_HANDLE_SECONDS = 180;
const SERVICE_LEVEL_SECONDS = 20;

/** A desk with the same arrival rate and staffing in every interval of the horizon. */
interface StationaryDesk {
  readonly arrivalRatePerSecond: number;
  readonly meanPatienceSeconds: number | null;
  readonly scheduledAgents: number;
  readonly shrinkage: number;
  readonly concurrency: number;
  readonly slowdownPerExtraChat: number;
  readonly days?: number;
  readonly warmupSeconds?: number;
  readonly maxQueueLength?: number;
  readonly serviceLevel?: ServiceLevelDefinition;
  readonly shrinkageMethod?: "absence" | "floor";
  readonly openingHours?: OpeningHours | null;
  readonly selfService?: SelfServiceConfig;
}

function stationaryConfig(desk: StationaryDesk): ChatOnlyModelConfig {
  const days = desk.days ?? DAYS;
  const intervals = (days * 86400) / INTERVAL_SECONDS;
  return {
    kind: "chatOnly",
    name: "stationary desk",
    horizon: { days, intervalSeconds: INTERVAL_SECONDS },
    chatRatesPerSecond: Array.from({ length: intervals }, () => desk.arrivalRatePerSecond),
    handleSeconds: { kind: "exponential", mean: MEAN_HANDLE_SECONDS },
    patienceSeconds: desk.meanPatienceSeconds === null ? null : { kind: "exponential", mean: desk.meanPatienceSeconds },
    slowdownPerExtraChat: desk.slowdownPerExtraChat,
    serviceLevelSeconds: SERVICE_LEVEL_SECONDS,
    agents: {
      scheduled: Array.from({ length: intervals }, () => desk.scheduledAgents),
      shrinkage: desk.shrinkage,
      concurrency: desk.concurrency,
      costPerHour: 20,
    },
    desk: {
      ...DEFAULT_DESK_CONFIG,
      warmupSeconds: desk.warmupSeconds ?? WARMUP_SECONDS,
      maxQueueLength: desk.maxQueueLength ?? Infinity,
      serviceLevel: desk.serviceLevel ?? DEFAULT_DESK_CONFIG.serviceLevel,
      shrinkageMethod: desk.shrinkageMethod ?? "floor",
      openingHours: desk.openingHours ?? null,
      selfService: desk.selfService ?? DEFAULT_DESK_CONFIG.selfService,
    },
  };
}

/** The chat figures of REPLICATIONS independent runs (seeds 1, 2, ...). */
function replicate(config: ChatOnlyModelConfig): ChatQueueResults[] {
  return Array.from({ length: REPLICATIONS }, (_, replication) => simulateChatOnly(config, { seed: replication + 1 }).chat);
}

/** 99% t-interval over the replications of one measure. */
function interval(runs: readonly ChatQueueResults[], measure: (chat: ChatQueueResults) => Ratio): ConfidenceInterval {
  return confidenceInterval99(
    runs.map((chat) => {
      const value = measure(chat);
      if (value === null) throw new Error("a replication had no chats");
      return value;
    }),
  );
}

function expectErlangA(runs: readonly ChatQueueResults[], exact: ErlangAResult): void {
  expectInside(
    interval(runs, (chat) => chat.probabilityOfWait),
    exact.probabilityOfWait,
    "P(wait)",
  );
  expectInside(
    interval(runs, (chat) => chat.meanWaitSeconds),
    exact.meanWaitSeconds,
    "mean wait",
  );
  expectInside(
    interval(runs, (chat) => chat.queueAbandonmentRate),
    exact.probabilityOfAbandon,
    "P(abandon)",
  );
  expectInside(
    interval(runs, (chat) => chat.serviceLevel),
    exact.serviceLevel,
    "service level",
  );
}

describe("simulateChatOnly against Erlang C / Erlang A", () => {
  it("concurrency 1, no patience: 20 online agents (25 scheduled, 20% shrinkage) at load 17 reproduce Erlang C", () => {
    const arrivalRatePerSecond = 17 / MEAN_HANDLE_SECONDS;
    const config = stationaryConfig({
      arrivalRatePerSecond,
      meanPatienceSeconds: null,
      scheduledAgents: 25,
      shrinkage: 0.2,
      concurrency: 1,
      slowdownPerExtraChat: 0,
    });
    const exact = erlangCMetrics({ arrivalRatePerSecond, meanServiceSeconds: MEAN_HANDLE_SECONDS, servers: 20, targetSeconds: SERVICE_LEVEL_SECONDS });
    const runs = replicate(config);
    expect(runs.every((chat) => chat.abandoned === 0 && chat.served === chat.requests)).toBe(true);
    expectInside(
      interval(runs, (chat) => chat.probabilityOfWait),
      exact.probabilityOfWait,
      "P(wait)",
    );
    expectInside(
      interval(runs, (chat) => chat.meanWaitSeconds),
      exact.meanWaitSeconds,
      "mean wait",
    );
    expectInside(
      interval(runs, (chat) => chat.serviceLevel),
      exact.serviceLevel,
      "service level",
    );
  });

  it("concurrency 1, exponential patience 120 s: 20 agents at load 20 reproduce Erlang A", () => {
    const arrivalRatePerSecond = 20 / MEAN_HANDLE_SECONDS;
    const config = stationaryConfig({
      arrivalRatePerSecond,
      meanPatienceSeconds: 120,
      scheduledAgents: 25,
      shrinkage: 0.2,
      concurrency: 1,
      slowdownPerExtraChat: 0,
    });
    const exact = erlangA({
      arrivalRatePerSecond,
      meanServiceSeconds: MEAN_HANDLE_SECONDS,
      meanPatienceSeconds: 120,
      servers: 20,
      targetSeconds: SERVICE_LEVEL_SECONDS,
    });
    expectErlangA(replicate(config), exact);
  });

  it("concurrency 3, no slowdown: 8 online agents reproduce Erlang A with 24 servers", () => {
    const arrivalRatePerSecond = 22 / MEAN_HANDLE_SECONDS;
    const config = stationaryConfig({
      arrivalRatePerSecond,
      meanPatienceSeconds: 90,
      scheduledAgents: 10,
      shrinkage: 0.2,
      concurrency: 3,
      slowdownPerExtraChat: 0,
    });
    const exact = erlangA({
      arrivalRatePerSecond,
      meanServiceSeconds: MEAN_HANDLE_SECONDS,
      meanPatienceSeconds: 90,
      servers: 24,
      targetSeconds: SERVICE_LEVEL_SECONDS,
    });
    expectErlangA(replicate(config), exact);
  });

  it("concurrency 3 with slowdown 0.2 per extra chat: waits are significantly worse than Erlang A with 24 servers", () => {
    const arrivalRatePerSecond = 22 / MEAN_HANDLE_SECONDS;
    const config = stationaryConfig({
      arrivalRatePerSecond,
      meanPatienceSeconds: 90,
      scheduledAgents: 10,
      shrinkage: 0.2,
      concurrency: 3,
      slowdownPerExtraChat: 0.2,
    });
    const exact = erlangA({
      arrivalRatePerSecond,
      meanServiceSeconds: MEAN_HANDLE_SECONDS,
      meanPatienceSeconds: 90,
      servers: 24,
      targetSeconds: SERVICE_LEVEL_SECONDS,
    });
    const runs = replicate(config);
    // Worse means the whole 99% interval lies on the bad side of the slowdown-free answer.
    expect(interval(runs, (chat) => chat.probabilityOfWait).low).toBeGreaterThan(exact.probabilityOfWait);
    expect(interval(runs, (chat) => chat.meanWaitSeconds).low).toBeGreaterThan(exact.meanWaitSeconds);
    expect(interval(runs, (chat) => chat.queueAbandonmentRate).low).toBeGreaterThan(exact.probabilityOfAbandon);
    expect(interval(runs, (chat) => chat.serviceLevel).high).toBeLessThan(exact.serviceLevel);
    // The handle times really were stretched: 1 + 0.2 (load - 1) at assignment, load 1..3.
    expect(interval(runs, (chat) => chat.meanHandleSeconds).low).toBeGreaterThan(MEAN_HANDLE_SECONDS);
  });
});

describe("simulateChatOnly determinism", () => {
  const config = stationaryConfig({
    arrivalRatePerSecond: 20 / MEAN_HANDLE_SECONDS,
    meanPatienceSeconds: 120,
    scheduledAgents: 10,
    shrinkage: 0.2,
    concurrency: 3,
    slowdownPerExtraChat: 0.1,
    days: 1,
  });

  it("simulateChatOnly(config, {seed}) twice gives deep-equal results", () => {
    expect(simulateChatOnly(config, { seed: 42 })).toEqual(simulateChatOnly(config, { seed: 42 }));
  });

  it("simulateChatOnly(config, {seed}) with another seed gives different results", () => {
    const first = simulateChatOnly(config, { seed: 42 });
    const second = simulateChatOnly(config, { seed: 43 });
    expect(second.seed).toBe(43);
    expect(second.chat).not.toEqual(first.chat);
    expect(second.intervals.chatRequests).not.toEqual(first.intervals.chatRequests);
  });
});

describe("simulateChatOnly warm-up", () => {
  const desk = {
    arrivalRatePerSecond: 20 / MEAN_HANDLE_SECONDS,
    meanPatienceSeconds: 120,
    scheduledAgents: 10,
    shrinkage: 0,
    concurrency: 2,
    slowdownPerExtraChat: 0.1,
    days: 1,
  };

  it("warmupSeconds leaves the chats that arrived in it out of requests and reports them as excluded", () => {
    const whole = simulateChatOnly(stationaryConfig({ ...desk, warmupSeconds: 0 }), { seed: 5 }).chat;
    const warmed = simulateChatOnly(stationaryConfig({ ...desk, warmupSeconds: 7200 }), { seed: 5 }).chat;
    expect(whole.warmup).toEqual({ seconds: 0, excludedRequests: 0 });
    expect(warmed.warmup.seconds).toBe(7200);
    // The same arrivals (same seed): the warm-up only moves some of them out of the counts.
    expect(warmed.requests + warmed.warmup.excludedRequests).toBe(whole.requests);
    // Poisson arrivals at 20 per 180 s for 2 h: 800 expected.
    expect(warmed.warmup.excludedRequests).toBeGreaterThan(700);
    expect(warmed.warmup.excludedRequests).toBeLessThan(900);
    expect(warmed.served + warmed.abandoned).toBeLessThanOrEqual(warmed.requests);
  });

  it("warmupSeconds leaves its agent hours out of agentHoursScheduled and cost", () => {
    const warmed = simulateChatOnly(stationaryConfig({ ...desk, warmupSeconds: 5400 }), { seed: 5 }).chat;
    expect(warmed.agentHoursScheduled).toBeCloseTo(10 * (24 - 1.5), 9);
    expect(warmed.agentCost).toBeCloseTo(20 * 10 * 22.5, 9);
  });
});

describe("simulateChatOnly with a queue cap against M/M/c/K", () => {
  /** Replications of `agents` single-chat agents with a queue cap at `loadErlangs`, and the exact M/M/c/K answer. */
  function cappedDesk(loadErlangs: number, agents: number, maxQueueLength: number) {
    const arrivalRatePerSecond = loadErlangs / MEAN_HANDLE_SECONDS;
    const config = stationaryConfig({
      arrivalRatePerSecond,
      meanPatienceSeconds: null,
      scheduledAgents: agents,
      shrinkage: 0,
      concurrency: 1,
      slowdownPerExtraChat: 0,
      maxQueueLength,
    });
    return {
      runs: replicate(config),
      exact: mmck({ arrivalRatePerSecond, meanServiceSeconds: MEAN_HANDLE_SECONDS, servers: agents, capacity: agents + maxQueueLength }),
    };
  }

  it("6 agents, concurrency 1, maxQueueLength 4 (K = 10) at load 6: blocking, P(wait), mean wait and occupancy inside the 99% CI", () => {
    const { runs, exact } = cappedDesk(6, 6, 4);
    expectInside(
      interval(runs, (chat) => chat.blockingRate),
      exact.probabilityOfBlocking,
      "P(blocked)",
    );
    // Blocked chats never queue: P(wait) over all requests is the admitted ones' P(wait) × (1 − P(blocked)).
    expectInside(
      interval(runs, (chat) => chat.probabilityOfWait),
      exact.probabilityOfWait * (1 - exact.probabilityOfBlocking),
      "P(wait)",
    );
    expectInside(
      interval(runs, (chat) => chat.meanWaitSeconds),
      exact.meanWaitSeconds,
      "mean wait of admitted",
    );
    expectInside(
      interval(runs, (chat) => chat.occupancy),
      exact.occupancy,
      "occupancy",
    );
    // Half of the blocked leave a message (the default leaveProbability 0.5): binomial, 99.99% band.
    const blocked = runs.reduce((total, chat) => total + chat.blocked, 0);
    const left = runs.reduce((total, chat) => total + chat.messages.left, 0);
    expect(Math.abs(left - blocked / 2)).toBeLessThan(4 * Math.sqrt(blocked / 4));
    expect(runs.every((chat) => chat.messages.handleHours > 0)).toBe(true);
  });

  it("maxQueueLength 0 is Erlang B: the blocking rate matches M/M/c/c", () => {
    const { runs, exact } = cappedDesk(4, 5, 0);
    expectInside(
      interval(runs, (chat) => chat.blockingRate),
      exact.probabilityOfBlocking,
      "P(blocked)",
    );
    expect(runs.every((chat) => chat.probabilityOfWait === 0)).toBe(true);
  });
});

describe("simulateChatOnly service-level definitions", () => {
  const erlangADesk = {
    arrivalRatePerSecond: 20 / MEAN_HANDLE_SECONDS,
    meanPatienceSeconds: 120,
    scheduledAgents: 20,
    shrinkage: 0,
    concurrency: 1,
    slowdownPerExtraChat: 0,
  };

  it("abandons: exclude reproduces Erlang A's service level of answered chats", () => {
    const exact = erlangA({
      arrivalRatePerSecond: erlangADesk.arrivalRatePerSecond,
      meanServiceSeconds: MEAN_HANDLE_SECONDS,
      meanPatienceSeconds: 120,
      servers: 20,
      targetSeconds: SERVICE_LEVEL_SECONDS,
    });
    const runs = replicate(stationaryConfig({ ...erlangADesk, serviceLevel: { abandons: "exclude", ignoreAbandonsUnderSeconds: 0 } }));
    expectInside(
      interval(runs, (chat) => chat.serviceLevel),
      exact.serviceLevelOfAnswered,
      "service level of answered",
    );
    expect(runs[0].serviceLevel).toBe(runs[0].serviceLevelOfAnswered);
    expect(runs[0].serviceLevelDefinition).toBe("answered within 20 s ÷ answered (abandons and blocked chats excluded)");
  });

  it("ignoreAbandonsUnderSeconds takes short abandons out of the denominator only", () => {
    const config = (ignore: number) => stationaryConfig({ ...erlangADesk, days: 1, serviceLevel: { abandons: "miss", ignoreAbandonsUnderSeconds: ignore } });
    const all = simulateChatOnly(config(0), { seed: 9 }).chat;
    const ignoring = simulateChatOnly(config(10), { seed: 9 }).chat;
    expect(all.serviceLevelDefinition).toBe("answered within 20 s ÷ requests (abandons and blocked chats count as misses)");
    expect(ignoring.serviceLevelDefinition).toBe("answered within 20 s ÷ requests (abandons and blocked chats count as misses, abandons under 10 s ignored)");
    // Same chats; the answered-within count is the same, so the ratio of the two levels is the ratio of denominators.
    const answeredWithin = all.serviceLevel! * all.requests;
    const shortAbandons = all.requests - answeredWithin / ignoring.serviceLevel!;
    expect(Math.abs(shortAbandons - Math.round(shortAbandons))).toBeLessThan(1e-6);
    expect(shortAbandons).toBeGreaterThan(0);
    expect(shortAbandons).toBeLessThan(all.abandoned);
  });
});

describe("simulateChatOnly shrinkage as random absence", () => {
  // 30 days of hourly intervals: 720 independent Binomial(scheduled, 1 − shrinkage) head counts.
  const onlineCounts = (scheduledAgents: number, shrinkageMethod: "absence" | "floor") =>
    simulateChatOnly(
      stationaryConfig({
        arrivalRatePerSecond: 1 / 3600,
        meanPatienceSeconds: 60,
        scheduledAgents,
        shrinkage: 0.25,
        concurrency: 1,
        slowdownPerExtraChat: 0,
        days: 30,
        shrinkageMethod,
      }),
      { seed: 11 },
    ).intervals.agentsOnline;

  for (const scheduled of [1, 4]) {
    it(`absence: ${scheduled} scheduled at 25% shrinkage are ${scheduled} × 0.75 online on average (within 4 standard errors)`, () => {
      const counts = onlineCounts(scheduled, "absence");
      const mean = counts.reduce((total, count) => total + count, 0) / counts.length;
      const standardError = Math.sqrt((scheduled * 0.75 * 0.25) / counts.length);
      expect(Math.abs(mean - scheduled * 0.75)).toBeLessThan(4 * standardError);
      expect(Math.max(...counts)).toBeLessThanOrEqual(scheduled);
    });
  }

  it("floor: 1 scheduled at 25% is never online, 4 are always 3", () => {
    expect(new Set(onlineCounts(1, "floor"))).toEqual(new Set([0]));
    expect(new Set(onlineCounts(4, "floor"))).toEqual(new Set([3]));
  });
});

describe("simulateChatOnly per-agent figures", () => {
  it("chatsHandled, meanHandleSeconds and occupancy per agent add up to the desk's figures", () => {
    const chat = simulateChatOnly(
      stationaryConfig({
        arrivalRatePerSecond: 12 / MEAN_HANDLE_SECONDS,
        meanPatienceSeconds: 120,
        scheduledAgents: 6,
        shrinkage: 0,
        concurrency: 3,
        slowdownPerExtraChat: 0.2,
        days: 1,
      }),
      { seed: 4 },
    ).chat;
    expect(chat.agents.map((agent) => agent.agent)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(chat.agents.reduce((total, agent) => total + agent.chatsHandled, 0)).toBe(chat.served);
    const handleSeconds = chat.agents.reduce((total, agent) => total + agent.chatsHandled * (agent.meanHandleSeconds ?? 0), 0);
    expect(handleSeconds / chat.served).toBeCloseTo(chat.meanHandleSeconds!, 9);
    // Every seat is logged in for the whole measured window, so the desk's occupancy is the seats' mean.
    const meanOccupancy = chat.agents.reduce((total, agent) => total + agent.occupancy!, 0) / chat.agents.length;
    expect(meanOccupancy).toBeCloseTo(chat.occupancy!, 9);
    expect(chat.agents.every((agent) => agent.rescuedOrders === 0)).toBe(true);
  });
});

describe("simulateChatOnly opening hours", () => {
  // Friday 08:00-20:00, Saturday 10:00-16:00, Sunday closed: 3 days from a Friday midnight.
  const written = {
    monday: "08:00-20:00",
    tuesday: "08:00-20:00",
    wednesday: "08:00-20:00",
    thursday: "08:00-20:00",
    friday: "08:00-20:00",
    saturday: "10:00-16:00",
    sunday: "closed",
  };
  const parsed = parseOpeningHours(written, 4);
  if (!("hours" in parsed)) throw new Error(parsed.problem);
  const openingHours = parsed.hours;
  const arrivalRatePerSecond = 4 / MEAN_HANDLE_SECONDS;
  const runs = replicate(
    stationaryConfig({
      arrivalRatePerSecond,
      meanPatienceSeconds: 120,
      scheduledAgents: 6,
      shrinkage: 0,
      concurrency: 1,
      slowdownPerExtraChat: 0,
      openingHours,
    }),
  );
  const horizonSeconds = DAYS * 86400;
  const closedSeconds = horizonSeconds - WARMUP_SECONDS - openSeconds(openingHours, WARMUP_SECONDS, horizonSeconds);

  it("no chat is requested in an interval the desk is closed for, and every open interval has some", () => {
    const closedIntervals = Array.from({ length: horizonSeconds / INTERVAL_SECONDS }, (_, interval) => interval).filter(
      (interval) => !isDeskOpen(openingHours, simulationClock(openingHours, interval * INTERVAL_SECONDS)),
    );
    // 12 + 18 + 24 closed hours (the hourly intervals line up with the opening times).
    expect(closedIntervals.length).toBe(54);
    const intervals = simulateChatOnly(
      stationaryConfig({
        arrivalRatePerSecond,
        meanPatienceSeconds: 120,
        scheduledAgents: 6,
        shrinkage: 0,
        concurrency: 1,
        slowdownPerExtraChat: 0,
        openingHours,
      }),
      { seed: 1 },
    ).intervals;
    expect(closedIntervals.map((interval) => intervals.chatRequests[interval]).every((count) => count === 0)).toBe(true);
    expect(intervals.chatRequests.filter((count, interval) => !closedIntervals.includes(interval) && count > 0).length).toBe(72 - 54);
  });

  it("closed-hours requests are Poisson(rate × closed seconds) and messages Poisson(that × leaveProbability), inside 99% bands", () => {
    const expectedClosed = REPLICATIONS * arrivalRatePerSecond * closedSeconds;
    const closed = runs.reduce((total, chat) => total + chat.closedRequests, 0);
    const messages = runs.reduce((total, chat) => total + chat.messages.left, 0);
    // A sum of Poisson counts is Poisson: 2.576 standard deviations either side is the 99% band.
    expect(Math.abs(closed - expectedClosed)).toBeLessThan(2.576 * Math.sqrt(expectedClosed));
    const expectedMessages = expectedClosed * DEFAULT_DESK_CONFIG.messages.leaveProbability;
    expect(Math.abs(messages - expectedMessages)).toBeLessThan(2.576 * Math.sqrt(expectedMessages));
    expect(runs.every((chat) => chat.blocked === 0)).toBe(true);
    const expectedOpen = REPLICATIONS * arrivalRatePerSecond * (horizonSeconds - WARMUP_SECONDS - closedSeconds);
    const requests = runs.reduce((total, chat) => total + chat.requests, 0);
    expect(Math.abs(requests - expectedOpen)).toBeLessThan(2.576 * Math.sqrt(expectedOpen));
  });
});

describe("simulateChatOnly self-service first", () => {
  // Half of 30 Erlangs go to the bot first, 40% of those escalate after an exponential 2 minutes: the
  // queue sees a Poisson stream of 30 × (0.5 + 0.5 × 0.4) = 21 Erlangs, Erlang A with that rate.
  const selfService: SelfServiceConfig = {
    deflectionProbability: 0.5,
    escalationProbability: 0.4,
    escalationDelaySeconds: { kind: "exponential", mean: 120 },
    costPerContact: 0.5,
    rescueFactor: 0.3,
    channelEscalation: DEFAULT_CHANNEL_ESCALATION_CONFIG,
  };
  const offeredRatePerSecond = 30 / MEAN_HANDLE_SECONDS;
  const config = stationaryConfig({
    arrivalRatePerSecond: offeredRatePerSecond,
    meanPatienceSeconds: 120,
    scheduledAgents: 22,
    shrinkage: 0,
    concurrency: 1,
    slowdownPerExtraChat: 0,
    selfService,
  });
  const runs = Array.from({ length: REPLICATIONS }, (_, replication) => simulateChatOnly(config, { seed: replication + 1 }));

  it("the human queue reproduces Erlang A at the thinned rate λ × (1 − deflection + deflection × escalation)", () => {
    const thinnedRatePerSecond = offeredRatePerSecond * (1 - 0.5 + 0.5 * 0.4);
    const exact = erlangA({
      arrivalRatePerSecond: thinnedRatePerSecond,
      meanServiceSeconds: MEAN_HANDLE_SECONDS,
      meanPatienceSeconds: 120,
      servers: 22,
      targetSeconds: SERVICE_LEVEL_SECONDS,
    });
    expectErlangA(
      runs.map((run) => run.chat),
      exact,
    );
    // The unthinned desk would be far worse: 30 Erlangs on 22 agents abandons a lot more.
    const unthinned = erlangA({
      arrivalRatePerSecond: offeredRatePerSecond,
      meanServiceSeconds: MEAN_HANDLE_SECONDS,
      meanPatienceSeconds: 120,
      servers: 22,
      targetSeconds: SERVICE_LEVEL_SECONDS,
    });
    expect(
      interval(
        runs.map((run) => run.chat),
        (chat) => chat.queueAbandonmentRate,
      ).high,
    ).toBeLessThan(unthinned.probabilityOfAbandon);
  });

  it("contacts, resolved and escalated follow the deflection and escalation shares (99% bands) and cost contacts × costPerContact", () => {
    const contacts = runs.reduce((total, run) => total + run.selfService.contacts, 0);
    const escalated = runs.reduce((total, run) => total + run.selfService.escalated, 0);
    const expectedContacts = REPLICATIONS * offeredRatePerSecond * 0.5 * (DAYS * 86400 - WARMUP_SECONDS);
    expect(Math.abs(contacts - expectedContacts)).toBeLessThan(2.576 * Math.sqrt(expectedContacts));
    expect(Math.abs(escalated - 0.4 * contacts)).toBeLessThan(2.576 * Math.sqrt(contacts * 0.4 * 0.6));
    for (const run of runs) {
      expect(run.selfService.resolved + run.selfService.escalated).toBe(run.selfService.contacts);
      expect(run.selfService.cost).toBeCloseTo(run.selfService.contacts * 0.5, 9);
    }
  });

  it("off by default: no self-service contacts and no cost", () => {
    const plain = simulateChatOnly(
      stationaryConfig({
        arrivalRatePerSecond: offeredRatePerSecond,
        meanPatienceSeconds: 120,
        scheduledAgents: 22,
        shrinkage: 0,
        concurrency: 1,
        slowdownPerExtraChat: 0,
        days: 1,
      }),
      { seed: 3 },
    );
    expect(plain.selfService).toEqual({ contacts: 0, resolved: 0, escalated: 0, cost: 0 });
  });
});
