import { describe, expect, it } from "vitest";
import { Environment } from "../engine/index.ts";
import type { QueueState } from "../policy/index.ts";
import type { AgentFigures } from "./AgentSeats.ts";
import { agentsOnline } from "./agentsOnline.ts";
import { ChatCenter } from "./ChatCenter.ts";
import type { ChatOutcome } from "./chatOutcome.ts";
import { IntervalSeries } from "./IntervalSeries.ts";
import { plainDesk } from "./testChatDesk.ts";

/**
 * One agent holding one chat at a time, handle 100 s each. A chat starting at 0 keeps the agent busy;
 * chats of priority 1, 5 and 3 arrive at 1, 2 and 3 s and wait. Logs [priority, answered at].
 */
function serveOrder(usePriority: boolean): [number, number][] {
  const env = new Environment();
  const center = new ChatCenter(
    env,
    {
      agents: { scheduled: [1], shrinkage: 0, concurrency: 1, costPerHour: 0 },
      intervalSeconds: 86_400,
      slowdownPerExtraChat: 0,
      slowdownMode: "loadDependent",
      serviceLevelSeconds: 20,
      meanHandleSeconds: 100,
      usePriority,
      warmupSeconds: 0,
      absence: null,
      ignoreAbandonsUnderSeconds: 0,
      maxQueueLength: Number.POSITIVE_INFINITY,
      openingHours: null,
      horizonSeconds: 86_400,
      reservation: null,
    },
    new IntervalSeries(1),
  );
  const log: [number, number][] = [];
  const customer = function* (arrivalSeconds: number, priority: number) {
    yield env.timeout(arrivalSeconds);
    const outcome = yield* center.chat(priority, Infinity, 100);
    log.push([priority, arrivalSeconds + outcome.waitSeconds]);
  };
  for (const [arrival, priority] of [
    [0, 0],
    [1, 1],
    [2, 5],
    [3, 3],
  ])
    env.process(customer(arrival, priority));
  env.run();
  return log;
}

describe("ChatCenter", () => {
  it("chat() with priority queueing serves the highest waiting priority first", () => {
    // The agent frees at 100, 200, 300: priority 5, then 3, then 1, whatever their arrival order.
    expect(serveOrder(true)).toEqual([
      [0, 0],
      [5, 100],
      [3, 200],
      [1, 300],
    ]);
  });

  it("chat() first-come first-served ignores priorities", () => {
    expect(serveOrder(false)).toEqual([
      [0, 0],
      [1, 100],
      [5, 200],
      [3, 300],
    ]);
  });
});

const desk = plainDesk;

/** Runs customers [arrival, patience, base handle] through `center` and returns their outcomes in arrival order. */
function runChats(env: Environment, center: ChatCenter, customers: readonly (readonly [number, number, number])[]): ChatOutcome[] {
  const outcomes: ChatOutcome[] = [];
  customers.forEach(([arrival, patience, handle], index) => {
    env.process(
      (function* () {
        yield env.timeout(arrival);
        outcomes[index] = yield* center.chat(0, patience, handle);
      })(),
    );
  });
  env.run();
  return outcomes;
}

/** The desk's queue state at each of `times` (read once the run has passed them). */
function statesAt(env: Environment, center: ChatCenter, times: readonly number[]): QueueState[] {
  const states: QueueState[] = [];
  for (const at of times)
    env.process(
      (function* () {
        yield env.timeout(at);
        states.push(center.queueState());
      })(),
    );
  return states;
}

describe("ChatCenter counts a hand-traced day", () => {
  // One agent, one chat at a time, two intervals of 500 s. A (t=0) is answered at once and held
  // 100 s; B (t=10, patience 30) gives up at 40; C (t=20, patience 200) is answered at 100 after 80 s
  // and held to 200; D (t=150, patience 10) gives up at 160, a short abandon under 15 s.
  const run = () => {
    const { env, center, series } = desk({ ignoreAbandonsUnderSeconds: 15 }, 2);
    const outcomes = runChats(env, center, [
      [0, Infinity, 100],
      [10, 30, 100],
      [20, 200, 100],
      [150, 10, 100],
    ]);
    return { env, center, series, outcomes };
  };

  it("each outcome: served or abandoned, its wait, handle time, agent seat and load", () => {
    const { outcomes } = run();
    const plain = { blocked: false, closed: false, highValue: false };
    expect(outcomes).toEqual([
      { ...plain, served: true, agent: 0, waitSeconds: 0, handleSeconds: 100, meanAgentLoad: 1 },
      { ...plain, served: false, agent: -1, waitSeconds: 30, handleSeconds: 0, meanAgentLoad: 0 },
      { ...plain, served: true, agent: 0, waitSeconds: 80, handleSeconds: 100, meanAgentLoad: 1 },
      { ...plain, served: false, agent: -1, waitSeconds: 10, handleSeconds: 0, meanAgentLoad: 0 },
    ]);
  });

  it("counters, tallies and the answered-wait histogram", () => {
    const { center } = run();
    expect({
      requests: center.requests,
      warmupRequests: center.warmupRequests,
      served: center.served,
      abandoned: center.abandoned,
      shortAbandons: center.shortAbandons,
      delayed: center.delayed,
      answeredWithinTarget: center.answeredWithinTarget,
      blocked: center.blocked,
      closedRequests: center.closedRequests,
    }).toEqual({
      requests: 4,
      warmupRequests: 0,
      served: 2,
      abandoned: 2,
      shortAbandons: 1,
      delayed: 3,
      answeredWithinTarget: 1,
      blocked: 0,
      closedRequests: 0,
    });
    // Every request's wait (0, 30, 80, 10), the served ones' (0, 80) and the handle times (100, 100).
    expect(center.waits.count).toBe(4);
    expect(center.waits.mean).toBeCloseTo(30, 12);
    expect([center.waitsOfServed.count, center.waitsOfServed.mean]).toEqual([2, 40]);
    expect([center.handleTimes.count, center.handleTimes.mean]).toEqual([2, 100]);
    // 0 s falls in the first bucket (≤ 0), 80 s in the one up to 90 s (index 7).
    const histogram = Array.from(center.waitHistogram);
    expect(histogram).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it("per-interval series: requests, answers, abandons and the agent areas of each 500 s interval", () => {
    const { series } = run();
    const of = (name: Parameters<IntervalSeries["get"]>[0]) => Array.from(series.get(name));
    expect(of("chatRequests")).toEqual([4, 0]);
    expect(of("chatsServed")).toEqual([2, 0]);
    expect(of("waitSecondsOfServed")).toEqual([80, 0]);
    expect(of("answeredWithinTarget")).toEqual([1, 0]);
    expect(of("chatsAbandoned")).toEqual([2, 0]);
    expect(of("shortAbandons")).toEqual([1, 0]);
    expect(of("agentsScheduled")).toEqual([1, 1]);
    expect(of("agentsOnline")).toEqual([1, 1]);
    // Chats were held over [0, 200]: 200 chat-seconds and busy-agent seconds, all in the first interval.
    expect(of("chatSeconds")).toEqual([200, 0]);
    expect(of("busyAgentSeconds")).toEqual([200, 0]);
    expect(of("onlineAgentSeconds")).toEqual([500, 500]);
  });

  it("levels, measured areas and the agent's figures over the 1000 s horizon", () => {
    const { center } = run();
    expect(center.levels()).toEqual({ meanChatsInService: 0.2, meanBusyAgents: 0.2, meanOnlineAgents: 1 });
    expect(center.measuredAreas()).toEqual({ chatSeconds: 200, busyAgentSeconds: 200, onlineAgentSeconds: 1000 });
    center.creditRescuedOrder(0);
    center.creditRescuedOrder(0);
    center.creditRescuedOrder(-1);
    expect(center.agentFigures()).toEqual([{ agent: 0, chatsHandled: 2, meanHandleSeconds: 100, occupancy: 0.2, rescuedOrders: 2 }]);
  });
});

describe("ChatCenter boundaries", () => {
  it("a wait equal to the service-level target is within it; waits on a bucket bound fall in that bucket", () => {
    // A holds the agent for 20 s then 5 s: B (t=0) waits exactly 20 s, C (t=20) exactly 5 s.
    const { env, center } = desk({ serviceLevelSeconds: 20 });
    runChats(env, center, [
      [0, Infinity, 20],
      [0, Infinity, 5],
      [20, Infinity, 1],
    ]);
    expect(center.answeredWithinTarget).toBe(3);
    expect(Array.from(center.waitHistogram).slice(0, 4)).toEqual([1, 1, 0, 1]);
  });

  it("an abandon exactly at the ignore threshold is not short", () => {
    const { env, center } = desk({ ignoreAbandonsUnderSeconds: 10 });
    runChats(env, center, [
      [0, Infinity, 100],
      [0, 10, 100],
      [0, 9, 100],
      [0, 8, 100],
    ]);
    expect([center.abandoned, center.shortAbandons]).toEqual([3, 2]);
  });

  it("queue cap 1: the first waiter queues, the next is blocked and never waits", () => {
    const { env, center, series } = desk({ maxQueueLength: 1 });
    const outcomes = runChats(env, center, [
      [0, Infinity, 100],
      [1, Infinity, 100],
      [2, Infinity, 100],
    ]);
    expect(outcomes.map((outcome) => [outcome.served, outcome.blocked])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
    expect(outcomes[2]).toEqual({
      served: false,
      blocked: true,
      closed: false,
      agent: -1,
      waitSeconds: 0,
      handleSeconds: 0,
      meanAgentLoad: 0,
      highValue: false,
    });
    expect([center.requests, center.blocked, Array.from(series.get("chatsBlocked"))]).toEqual([3, 1, [1]]);
  });

  it("a closed desk offers the message form: no chat request, a closed outcome", () => {
    // Open 08:00-20:00 on day 0 (a Monday); a chat at 07:00 finds it closed, one at 09:00 open.
    const weekly = [[{ fromSeconds: 8 * 3600, toSeconds: 20 * 3600 }], [], [], [], [], [], []];
    const { env, center } = desk({ openingHours: { weekly, startWeekday: 0 }, intervalSeconds: 86_400, horizonSeconds: 86_400 });
    const states = statesAt(env, center, [7 * 3600]);
    const outcomes = runChats(env, center, [
      [7 * 3600, Infinity, 10],
      [9 * 3600, Infinity, 10],
    ]);
    expect(outcomes[0]).toEqual({
      served: false,
      blocked: true,
      closed: true,
      agent: -1,
      waitSeconds: 0,
      handleSeconds: 0,
      meanAgentLoad: 0,
      highValue: false,
    });
    expect(outcomes[1].served).toBe(true);
    expect([center.closedRequests, center.requests, center.served]).toEqual([1, 1, 1]);
    expect(states).toEqual([{ freeSlots: 1, queueLength: 0, predictedWaitSeconds: 0, closed: true }]);
  });

  it("warm-up: chats arriving before it load the desk but stay out of the counts and the measured window", () => {
    // A (t=0) is held to 100; B (t=50) waits to 100 and is held to 200; C (t=150) waits to 200.
    const { env, center } = desk({ warmupSeconds: 100 });
    runChats(env, center, [
      [0, Infinity, 100],
      [50, Infinity, 100],
      [150, Infinity, 100],
    ]);
    expect([center.warmupRequests, center.requests, center.served, center.delayed]).toEqual([2, 1, 1, 1]);
    expect([center.waitsOfServed.count, center.waitsOfServed.mean, center.handleTimes.count]).toEqual([1, 50, 1]);
    // Measured window [100, 500]: chats held over [100, 300].
    expect(center.measuredAreas()).toEqual({ chatSeconds: 200, busyAgentSeconds: 200, onlineAgentSeconds: 400 });
    center.leaveMessage(60);
    expect([center.messagesLeft, center.messageHandleSeconds]).toEqual([1, 60]);
    expect(center.agentFigures()).toEqual([{ agent: 0, chatsHandled: 1, meanHandleSeconds: 100, occupancy: 0.5, rescuedOrders: 0 }]);
  });

  it("before the warm-up ends, messages and rescued orders are not counted", () => {
    const { env, center } = desk({ warmupSeconds: 100 });
    center.leaveMessage(60);
    center.creditRescuedOrder(0);
    env.run();
    expect([center.messagesLeft, center.messageHandleSeconds]).toEqual([0, 0]);
    expect(center.agentFigures()[0].rescuedOrders).toBe(0);
  });
});

describe("ChatCenter slowdown with two chats on one agent (s = 0.5)", () => {
  const two = (slowdownMode: "loadDependent" | "fixedAtStart") => {
    const { env, center } = desk({ slowdownMode, slowdownPerExtraChat: 0.5, agents: { scheduled: [1], shrinkage: 0, concurrency: 2, costPerHour: 0 } });
    return runChats(env, center, [
      [0, Infinity, 100],
      [10, Infinity, 100],
    ]);
  };

  it("fixed at start: the first chat keeps 100 s, the second starts at load 2 and takes 100 × 1.5", () => {
    const [a, b] = two("fixedAtStart");
    expect([a.handleSeconds, a.meanAgentLoad, b.handleSeconds, b.meanAgentLoad]).toEqual([100, 1, 150, 2]);
  });

  it("load dependent: both chats progress at 1 ÷ 1.5 while shared and end at 145 and 155 s", () => {
    // A: 10 s alone, then 90 s of work at 2/3 → ends at 145. B: 90 s of work by 145, 10 more alone → 155.
    const [a, b] = two("loadDependent");
    expect(a.handleSeconds).toBeCloseTo(145, 9);
    expect(b.handleSeconds).toBeCloseTo(145, 9);
    expect(a.meanAgentLoad).toBeCloseTo((10 * 1 + 135 * 2) / 145, 9);
    expect(b.meanAgentLoad).toBeCloseTo((135 * 2 + 10 * 1) / 145, 9);
  });
});

describe("ChatCenter staffing", () => {
  it("agentsOnline floors scheduled × (1 − shrinkage), forgiving float noise: 10 at 0.3 → 7, 3 at 0.5 → 1", () => {
    expect([agentsOnline(10, 0.3), agentsOnline(3, 0.5), agentsOnline(4, 0)]).toEqual([7, 1, 4]);
  });

  it("random absence: an agent is present when the draw is at least the shrinkage", () => {
    // Four scheduled at shrinkage 0.5: draws 0.5 (present, at the edge), 0.9, 0.9 (present), 0.1
    // (absent) give 3 online, not the floor method's 2; a fifth draw would be present too.
    const draws = [0.5, 0.9, 0.9, 0.1];
    const absence = { next: () => draws.shift() ?? 0.9 };
    const { env, series } = desk({ absence, agents: { scheduled: [4], shrinkage: 0.5, concurrency: 1, costPerHour: 0 } });
    env.run();
    expect(Array.from(series.get("agentsOnline"))).toEqual([3]);
  });

  it("queueState predicts (position + 1) × mean handle ÷ slots once every slot is taken", () => {
    const { env, center } = desk({ agents: { scheduled: [2], shrinkage: 0, concurrency: 1, costPerHour: 0 } });
    const states = statesAt(env, center, [1]);
    runChats(env, center, [
      [0, Infinity, 100],
      [0, Infinity, 100],
      [0, Infinity, 100],
    ]);
    // At t=1: both slots busy, one chat waiting: (1 + 1) × 100 ÷ 2 = 100 s.
    expect(states).toEqual([{ freeSlots: 0, queueLength: 1, predictedWaitSeconds: 100 }]);
  });

  it("queueState with no agent online predicts an endless wait", () => {
    const { env, center } = desk({ agents: { scheduled: [0], shrinkage: 0, concurrency: 1, costPerHour: 0 } });
    const states = statesAt(env, center, [1]);
    env.run();
    expect(states).toEqual([{ freeSlots: 0, queueLength: 0, predictedWaitSeconds: Infinity }]);
  });
});

describe("ChatCenter warm-up and horizon edges", () => {
  it("chats abandoned or blocked during the warm-up load the series but none of the whole-run counts", () => {
    // Queue cap 1: A (t=0) holds the agent 500 s, B (t=10, patience 50) waits and gives up at 60,
    // C (t=20) finds the queue full. All before the 1000 s warm-up.
    const { env, center, series } = desk({
      warmupSeconds: 1000,
      horizonSeconds: 2000,
      intervalSeconds: 2000,
      maxQueueLength: 1,
      ignoreAbandonsUnderSeconds: 100,
    });
    const outcomes = runChats(env, center, [
      [0, Infinity, 500],
      [10, 50, 100],
      [20, Infinity, 100],
    ]);
    expect(outcomes.map((outcome) => [outcome.served, outcome.blocked])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    expect([center.warmupRequests, center.requests, center.abandoned, center.shortAbandons, center.blocked, center.delayed, center.waits.count]).toEqual([
      3, 0, 0, 0, 0, 0, 0,
    ]);
    expect([Array.from(series.get("chatsAbandoned")), Array.from(series.get("shortAbandons")), Array.from(series.get("chatsBlocked"))]).toEqual([
      [1],
      [1],
      [1],
    ]);
  });

  it("a closed-desk request during the warm-up is not counted", () => {
    const weekly = [[{ fromSeconds: 8 * 3600, toSeconds: 20 * 3600 }], [], [], [], [], [], []];
    const { env, center } = desk({ openingHours: { weekly, startWeekday: 0 }, intervalSeconds: 86_400, horizonSeconds: 86_400, warmupSeconds: 7.5 * 3600 });
    const [outcome] = runChats(env, center, [[7 * 3600, Infinity, 10]]);
    expect([outcome.closed, center.closedRequests]).toEqual([true, 0]);
  });

  it("messages and rescued orders at the warm-up's last instant count", () => {
    const { env, center } = desk({ warmupSeconds: 100 });
    env.process(
      (function* () {
        yield env.timeout(100);
        center.leaveMessage(60);
        center.creditRescuedOrder(0);
      })(),
    );
    env.run();
    expect([center.messagesLeft, center.agentFigures()[0].rescuedOrders]).toEqual([1, 1]);
  });

  it("agent figures: a seat without chats has no mean handle time; a window of zero length has no occupancy", () => {
    const two = { scheduled: [2], shrinkage: 0, concurrency: 1, costPerHour: 0 };
    const busy = desk({ agents: two });
    runChats(busy.env, busy.center, [[0, Infinity, 100]]);
    expect(busy.center.agentFigures()).toEqual([
      { agent: 0, chatsHandled: 1, meanHandleSeconds: 100, occupancy: 0.2, rescuedOrders: 0 },
      { agent: 1, chatsHandled: 0, meanHandleSeconds: null, occupancy: 0, rescuedOrders: 0 },
    ]);
    const empty = desk({ warmupSeconds: 500 });
    empty.env.run();
    expect(empty.center.agentFigures()).toEqual([{ agent: 0, chatsHandled: 0, meanHandleSeconds: null, occupancy: null, rescuedOrders: 0 }]);
  });

  it("agent figures read before the warm-up ends count from the start; measured areas are zero until the horizon", () => {
    const { env, center } = desk({ warmupSeconds: 100 });
    expect(center.measuredAreas()).toEqual({ chatSeconds: 0, busyAgentSeconds: 0, onlineAgentSeconds: 0 });
    const figures: AgentFigures[][] = [];
    env.process(
      (function* () {
        yield env.timeout(50);
        figures.push(center.agentFigures());
      })(),
    );
    env.run();
    expect(figures).toEqual([[{ agent: 0, chatsHandled: 0, meanHandleSeconds: null, occupancy: 0, rescuedOrders: 0 }]]);
  });

  it("a chat running past the horizon counts only up to it in the measured figures", () => {
    // Horizon 500: the chat holds the agent over [450, 550], 50 s of it inside the window.
    const { env, center } = desk();
    runChats(env, center, [[450, Infinity, 100]]);
    expect(env.now).toBe(550);
    expect(center.measuredAreas()).toEqual({ chatSeconds: 50, busyAgentSeconds: 50, onlineAgentSeconds: 500 });
    expect(center.agentFigures()[0].occupancy).toBe(0.1);
  });

  it("a request at the horizon itself counts towards the last interval", () => {
    const { env, center, series } = desk();
    runChats(env, center, [[500, Infinity, 10]]);
    expect(Array.from(series.get("chatRequests"))).toEqual([1]);
    expect(Array.from(series.get("chatsServed"))).toEqual([1]);
  });
});
