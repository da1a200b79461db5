import { describe, expect, it } from "vitest";
import type { Environment } from "../engine/index.ts";
import type { ReservationCustomer } from "../policy/index.ts";
import type { ChatCenter } from "./ChatCenter.ts";
import type { ChatCenterOptions } from "./chatCenterOptions.ts";
import type { ChatOutcome } from "./chatOutcome.ts";
import type { IntervalSeries } from "./IntervalSeries.ts";
import { plainDesk } from "./testChatDesk.ts";

// Hand-traced days run through both ways a model drives the desk: `chat()` (a process waits on each
// chat, what the store model uses) and `startChat()` (the chat runs on its own events, what the
// chat-only model uses). Every expected figure below is worked out by hand in the comments, so the
// two paths must each give them, not merely agree with each other.

type Drive = "chat" | "startChat";

/** One agent, two intervals of 500 s, service-level target 20 s; `overrides` change the rest. */
const desk = (overrides: Partial<ChatCenterOptions> = {}) => plainDesk(overrides, 2);

/** A chat: [arrival, patience, base handle, cart value]. */
type Customer = readonly [number, number, number, number];

/**
 * Runs `customers` through `center` by `drive`. Returns what each call returned: the outcome for
 * `chat()`, the immediate return (an outcome when turned away, else null) for `startChat()`.
 */
function run(drive: Drive, env: Environment, center: ChatCenter, customers: readonly Customer[]): (ChatOutcome | null)[] {
  const returned: (ChatOutcome | null)[] = [];
  customers.forEach(([arrival, patience, handle, cartValue], index) => {
    const customer: ReservationCustomer = { cartValue, segment: null };
    env.process(
      (function* () {
        yield env.timeout(arrival);
        if (drive === "chat") returned[index] = yield* center.chat(0, patience, handle, customer);
        else returned[index] = center.startChat(0, patience, handle, customer);
      })(),
    );
  });
  env.run();
  return returned;
}

describe.each<Drive>(["chat", "startChat"])("ChatCenter by %s: a hand-traced day", (drive) => {
  // One agent, one chat at a time. A (t=0) is answered at once and held 100 s; B (t=10, patience 30)
  // gives up at 40; C (t=20, endless patience) is answered at 100 after 80 s and held to 200; D
  // (t=150, patience 10) gives up at 160, a short abandon under 15 s. E (t=190, patience 10) runs
  // out of patience at 200, the very moment C's end frees the agent: C's end was scheduled first
  // (at 100), so the agent is E's when E's patience fires, and E is served after 10 s (the rule
  // both paths follow: a request granted as patience runs out is served). E is held to 300.
  const trace = () => {
    const { env, center, series } = desk({ ignoreAbandonsUnderSeconds: 15 });
    const returned = run(drive, env, center, [
      [0, Infinity, 100, 0],
      [10, 30, 100, 0],
      [20, Infinity, 100, 0],
      [150, 10, 100, 0],
      [190, 10, 100, 0],
    ]);
    return { env, center, series, returned };
  };

  it("counts: 5 requests, A, C and E served, B and D abandoned, every chat but A delayed", () => {
    const { center } = trace();
    expect({
      requests: center.requests,
      served: center.served,
      abandoned: center.abandoned,
      shortAbandons: center.shortAbandons,
      delayed: center.delayed,
      answeredWithinTarget: center.answeredWithinTarget,
      blocked: center.blocked,
    }).toEqual({ requests: 5, served: 3, abandoned: 2, shortAbandons: 1, delayed: 4, answeredWithinTarget: 2, blocked: 0 });
    // Waits 0, 30, 80, 10, 10 (mean 26); of the served 0, 80, 10 (mean 30); three handle times of 100.
    expect(center.waits.count).toBe(5);
    expect(center.waits.mean).toBeCloseTo(26, 12);
    expect([center.waitsOfServed.count, center.waitsOfServed.mean]).toEqual([3, 30]);
    expect([center.handleTimes.count, center.handleTimes.mean]).toEqual([3, 100]);
    // 0 s in the first bucket (≤ 0), 10 s in (5, 10] (index 2), 80 s in (60, 90] (index 7).
    expect(Array.from(center.waitHistogram)).toEqual([1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it("the series and the agent: 300 s of chats in the first interval, one seat busy 300 of 1000 s", () => {
    const { center, series } = trace();
    const of = (name: Parameters<IntervalSeries["get"]>[0]) => Array.from(series.get(name));
    expect(of("chatRequests")).toEqual([5, 0]);
    expect(of("chatsServed")).toEqual([3, 0]);
    expect(of("waitSecondsOfServed")).toEqual([90, 0]);
    expect(of("answeredWithinTarget")).toEqual([2, 0]);
    expect(of("chatsAbandoned")).toEqual([2, 0]);
    expect(of("shortAbandons")).toEqual([1, 0]);
    expect(of("chatSeconds")).toEqual([300, 0]);
    expect(of("busyAgentSeconds")).toEqual([300, 0]);
    expect(of("onlineAgentSeconds")).toEqual([500, 500]);
    expect(center.measuredAreas()).toEqual({ chatSeconds: 300, busyAgentSeconds: 300, onlineAgentSeconds: 1000 });
    expect(center.agentFigures()).toEqual([{ agent: 0, chatsHandled: 3, meanHandleSeconds: 100, occupancy: 0.3, rescuedOrders: 0 }]);
  });

  it("what the call returns: chat() each outcome, startChat() null for every chat that was not turned away", () => {
    const { returned } = trace();
    if (drive === "startChat") {
      expect(returned).toEqual([null, null, null, null, null]);
      return;
    }
    const plain = { blocked: false, closed: false, highValue: false };
    const served = { ...plain, served: true, agent: 0, handleSeconds: 100, meanAgentLoad: 1 };
    const abandoned = { ...plain, served: false, agent: -1, handleSeconds: 0, meanAgentLoad: 0 };
    expect(returned).toEqual([
      { ...served, waitSeconds: 0 },
      { ...abandoned, waitSeconds: 30 },
      { ...served, waitSeconds: 80 },
      { ...abandoned, waitSeconds: 10 },
      { ...served, waitSeconds: 10 },
    ]);
  });

  it("load-dependent slowdown s = 0.5 with two chats on one agent: both take 145 s", () => {
    // A (t=0) and B (t=10), 100 s of base work each: A works 10 s alone, then both progress at
    // 1 ÷ 1.5 until A's remaining 90 s are done at 10 + 135 = 145; B has then done 90 s and ends
    // alone at 155, 145 s after it started.
    const { env, center } = desk({ slowdownPerExtraChat: 0.5, agents: { scheduled: [1, 1], shrinkage: 0, concurrency: 2, costPerHour: 0 } });
    run(drive, env, center, [
      [0, Infinity, 100, 0],
      [10, Infinity, 100, 0],
    ]);
    expect(center.handleTimes.count).toBe(2);
    expect(center.handleTimes.mean).toBeCloseTo(145, 9);
    expect(center.measuredAreas().chatSeconds).toBeCloseTo(290, 9);
  });

  it("fixed at start, finite patience: of two chats arriving at the same instant the first starts alone", () => {
    // A and B both at t=0, patience 60, on one agent holding 2 chats, s = 0.5. A's arrival is handled
    // first and it is answered at once, when its agent holds only it: 100 s. B then starts at load 2:
    // 100 × 1.5 = 150 s. (Patience plays no part: both are answered at once.)
    const { env, center } = desk({
      slowdownMode: "fixedAtStart",
      slowdownPerExtraChat: 0.5,
      agents: { scheduled: [1, 1], shrinkage: 0, concurrency: 2, costPerHour: 0 },
    });
    run(drive, env, center, [
      [0, 60, 100, 0],
      [0, 60, 100, 0],
    ]);
    expect(center.delayed).toBe(0);
    expect([center.handleTimes.count, center.handleTimes.mean]).toEqual([2, 125]);
    expect(center.measuredAreas().chatSeconds).toBe(250);
  });

  it("without a reservation the per-class counts stay empty", () => {
    const { center } = trace();
    const none = { requests: 0, blocked: 0, delayed: 0, served: 0, abandoned: 0, waitSeconds: 0, waitSecondsOfServed: 0, answeredWithinTarget: 0 };
    expect(center.byClass).toEqual([none, none]);
  });

  it("turned away at once: a full queue's blocked outcome is returned by both", () => {
    // Queue cap 1: A holds the agent, B waits, C (t=2) finds the queue full.
    const { env, center } = desk({ maxQueueLength: 1 });
    const returned = run(drive, env, center, [
      [0, Infinity, 100, 0],
      [1, Infinity, 100, 0],
      [2, Infinity, 100, 0],
    ]);
    expect(returned[2]).toEqual({
      served: false,
      blocked: true,
      closed: false,
      agent: -1,
      waitSeconds: 0,
      handleSeconds: 0,
      meanAgentLoad: 0,
      highValue: false,
    });
    expect([center.requests, center.served, center.blocked]).toEqual([3, 2, 1]);
  });
});

describe.each<Drive>(["chat", "startChat"])("ChatCenter by %s: per-class counts under a reservation", (drive) => {
  // One agent holding 2 chats, 1 slot reserved for carts of 100 or more: a standard chat (cart 0)
  // takes a slot only while both are free. S = standard, H = high-value; [arrival, patience, handle].
  //   S1 [0, ∞, 100]   both free: answered at 0, ends 100.
  //   S2 [10, ∞, 100]  one free, reserved: waits.
  //   H1 [20, ∞, 60]   takes the free slot at once, ends 80.
  //   H2 [30, 60, 50]  none free: waits; H1's end at 80 frees one, H2's (S2 may not take it): wait 50.
  //                    Ends 130. S1's end at 100 leaves one slot, still not S2's.
  //   S2               at 130 both are free: answered after 120 s, ends 230.
  //   S3 [160, 15, 100] one free: waits, gives up at 175 after 15 s.
  //   H3 [170, ∞, 30]  takes the free slot at once (S3's wait does not hold it back), ends 200.
  //   S4 [300, ∞, 100] desk empty: answered at 0, ends 400.
  //   H4 [310, ∞, 100] takes the second slot, ends 410.
  //   H5 [320, 10, 100] none free: gives up at 330 after 10 s.
  //   H6 [380, ∞, 10]  none free: S4's end at 400 frees one: answered after 20 s, exactly the target.
  // High-value: 6 requests, 3 delayed (H2, H5, H6), 5 served, 1 abandoned; waits 0+50+0+0+10+20 = 80,
  // of the served 70; within 20 s: H1, H3, H4, H6 = 4 (H2's 50 s misses).
  // Standard: 4 requests, 2 delayed (S2, S3), 3 served, 1 abandoned; waits 0+120+15+0 = 135, of the
  // served 120; within 20 s: S1, S4 = 2.
  const trace = (warmupSeconds = 0) => {
    const { env, center } = desk({
      agents: { scheduled: [1, 1], shrinkage: 0, concurrency: 2, costPerHour: 0 },
      reservation: { slots: 1, minCartValue: 100, segments: [] },
      warmupSeconds,
    });
    const returned = run(drive, env, center, [
      [0, Infinity, 100, 0],
      [10, Infinity, 100, 0],
      [20, Infinity, 60, 100],
      [30, 60, 50, 250],
      [160, 15, 100, 0],
      [170, Infinity, 30, 500],
      [300, Infinity, 100, 0],
      [310, Infinity, 100, 100],
      [320, 10, 100, 100],
      [380, Infinity, 10, 100],
    ]);
    return { center, returned };
  };

  it("[0] counts the high-value chats, [1] the standard ones", () => {
    const { center } = trace();
    expect(center.byClass).toEqual([
      { requests: 6, blocked: 0, delayed: 3, served: 5, abandoned: 1, waitSeconds: 80, waitSecondsOfServed: 70, answeredWithinTarget: 4 },
      { requests: 4, blocked: 0, delayed: 2, served: 3, abandoned: 1, waitSeconds: 135, waitSecondsOfServed: 120, answeredWithinTarget: 2 },
    ]);
    // The whole desk is the sum of the two classes.
    expect([center.requests, center.delayed, center.served, center.abandoned, center.answeredWithinTarget]).toEqual([10, 5, 8, 2, 6]);
  });

  it("chats arriving in the warm-up stay out of the per-class counts", () => {
    // Warm-up 150 s: S1, S2, H1 and H2 arrive before it and run as traced above, uncounted. Left:
    // high-value H3, H4, H5, H6 (waits 0, 0, 10 abandoned, 20), standard S3 (15 abandoned) and S4 (0).
    const { center } = trace(150);
    expect(center.byClass).toEqual([
      { requests: 4, blocked: 0, delayed: 2, served: 3, abandoned: 1, waitSeconds: 30, waitSecondsOfServed: 20, answeredWithinTarget: 3 },
      { requests: 2, blocked: 0, delayed: 1, served: 1, abandoned: 1, waitSeconds: 15, waitSecondsOfServed: 0, answeredWithinTarget: 1 },
    ]);
    expect([center.requests, center.warmupRequests]).toEqual([6, 4]);
  });

  it("each chat() outcome says whether the chat held the reservation", () => {
    const { returned } = trace();
    if (drive === "startChat") return;
    expect(returned.map((outcome) => [outcome?.highValue, outcome?.served, outcome?.waitSeconds])).toEqual([
      [false, true, 0],
      [false, true, 120],
      [true, true, 0],
      [true, true, 50],
      [false, false, 15],
      [true, true, 0],
      [false, true, 0],
      [true, true, 0],
      [true, false, 10],
      [true, true, 20],
    ]);
  });

  it("a blocked chat is counted in its own class", () => {
    // Queue cap 0 (a loss desk), 1 slot reserved of 2: S1 takes one; S2 (t=1) finds only the reserved
    // slot and is blocked; H1 (t=2) takes it; H2 (t=3) finds none and is blocked.
    const { env, center } = desk({
      agents: { scheduled: [1, 1], shrinkage: 0, concurrency: 2, costPerHour: 0 },
      reservation: { slots: 1, minCartValue: 100, segments: [] },
      maxQueueLength: 0,
    });
    const returned = run(drive, env, center, [
      [0, Infinity, 100, 0],
      [1, Infinity, 100, 0],
      [2, Infinity, 100, 100],
      [3, Infinity, 100, 100],
    ]);
    expect(returned.map((outcome) => outcome?.blocked ?? null)).toEqual(drive === "chat" ? [false, true, false, true] : [null, true, null, true]);
    expect(returned[3]?.highValue).toBe(true);
    expect(center.byClass.map((counts) => [counts.requests, counts.blocked, counts.served])).toEqual([
      [2, 1, 1],
      [2, 1, 1],
    ]);
    expect(center.blocked).toBe(2);
  });
});
