import { describe, expect, it } from "vitest";
import type { ChatCenter } from "./ChatCenter.ts";
import { collectChatResults, collectIntervalResults } from "./collectResults.ts";
import { type AgentConfig, DEFAULT_DESK_CONFIG, type DeskConfig } from "./config.ts";
import type { IntervalSeries } from "./IntervalSeries.ts";
import { plainDesk } from "./testChatDesk.ts";

// The whole-run and per-interval figures of a hand-traced day. One agent holding up to 2 chats, two
// intervals of 500 s (horizon 1000 s), service-level target 20 s, abandons count as misses:
//   A [t=0, patience ∞, handle 100]  answered at once (slot 1), ends 100.
//   B [10, ∞, 100]                   answered at once (slot 2), ends 110.
//   C [20, 30, 100]                  both slots taken: gives up at 50 after 30 s.
//   D [40, ∞, 50]                    waits until A's end at 100 (60 s), ends 150.
//   E [600, ∞, 100]                  second interval: answered at once, ends 700.
// Chat seconds 100 + 100 + 50 = 250 in the first interval, 100 in the second; the agent is busy over
// [0, 150] and [600, 700]: 150 s and 100 s, of 500 s online in each.
const agents: AgentConfig = { scheduled: [1, 1], shrinkage: 0, concurrency: 2, costPerHour: 36 };
const desk: DeskConfig = DEFAULT_DESK_CONFIG;

function tracedDay(): { center: ChatCenter; series: IntervalSeries } {
  const { env, center, series } = plainDesk({ agents }, 2);
  const chats = [
    [0, Infinity, 100],
    [10, Infinity, 100],
    [20, 30, 100],
    [40, Infinity, 50],
    [600, Infinity, 100],
  ] as const;
  for (const [arrival, patience, handle] of chats)
    env.process(
      (function* () {
        yield env.timeout(arrival);
        yield* center.chat(0, patience, handle);
      })(),
    );
  // Two messages left at 0, 30 minutes of answering each.
  center.leaveMessage(1800);
  center.leaveMessage(1800);
  env.run();
  return { center, series };
}

// Each test runs the day itself: the mutation tester switches a mutant on in a beforeAll hook, after
// the describe blocks' own code has run, so figures computed there would never see the mutant.
function chatResults() {
  return collectChatResults(tracedDay().center, agents, desk, 500, 20, null);
}

describe("collectChatResults on a hand-traced day", () => {
  it("counts and shares of the 5 requests", () => {
    const results = chatResults();
    expect([results.requests, results.served, results.abandoned, results.blocked]).toEqual([5, 4, 1, 0]);
    // C and D waited; A, B and E (0 s) are within 20 s, D's 60 s is not.
    expect(results.probabilityOfWait).toBe(2 / 5);
    expect(results.queueAbandonmentRate).toBe(1 / 5);
    expect(results.serviceLevel).toBe(3 / 5);
    expect(results.serviceLevelOfAnswered).toBe(3 / 4);
    // Waits 0, 0, 30, 60, 0; of the served 0, 0, 60, 0.
    expect(results.meanWaitSeconds).toBe(90 / 5);
    expect(results.meanWaitOfServedSeconds).toBe(60 / 4);
    expect(results.meanHandleSeconds).toBe(350 / 4);
  });

  it("messages: 2 left, 3600 s of answering is 1 hour", () => {
    const results = chatResults();
    expect(results.messages).toEqual({ left: 2, handleHours: 1 });
  });

  it("the answered-wait histogram: its bounds in seconds (the last, unbounded, as null) and 3 waits of 0 s, one of 60 s", () => {
    const results = chatResults();
    expect(results.waitHistogram).toEqual({
      upperBoundsSeconds: [0, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, null],
      counts: [3, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
    });
  });

  it("agent time: 350 chat-seconds and 250 busy seconds over 1000 online seconds of 2 slots each", () => {
    const results = chatResults();
    expect(results.occupancy).toBe(250 / 1000);
    expect(results.slotUtilization).toBe(350 / 2000);
    expect(results.meanConcurrency).toBe(350 / 250);
    expect(results.meanChatsPerAgent).toBe(350 / 1000);
    // One agent scheduled for 1000 s at 36 an hour.
    expect(results.agentHoursScheduled).toBeCloseTo(1000 / 3600, 12);
    expect(results.agentCost).toBeCloseTo(10, 12);
  });

  it("without a reservation there is no per-class breakdown at all", () => {
    const results = chatResults();
    expect("byClass" in results).toBe(false);
  });
});

describe("collectIntervalResults on a hand-traced day", () => {
  it("each interval's start, counts and ratios", () => {
    const intervals = collectIntervalResults(tracedDay().series, 500, desk.serviceLevel);
    expect(intervals.intervalSeconds).toBe(500);
    expect(intervals.startSeconds).toEqual([0, 500]);
    expect(intervals.chatRequests).toEqual([4, 1]);
    expect(intervals.chatsServed).toEqual([3, 1]);
    expect(intervals.chatsAbandoned).toEqual([1, 0]);
    expect(intervals.agentsScheduled).toEqual([1, 1]);
    expect(intervals.agentsOnline).toEqual([1, 1]);
    // Busy 150 and 100 of 500 s; chat seconds 250 over 150 busy, 100 over 100.
    expect(intervals.occupancy).toEqual([150 / 500, 100 / 500]);
    expect(intervals.meanConcurrency).toEqual([250 / 150, 1]);
    // First interval: A and B within 20 s of its 4 requests (C's abandon a miss); second: E of 1.
    expect(intervals.serviceLevel).toEqual([2 / 4, 1]);
    // Served waits 0, 0, 60 in the first interval; 0 in the second.
    expect(intervals.meanWaitOfServedSeconds).toEqual([60 / 3, 0]);
  });

  it("under abandons: exclude the service level divides by the answered chats", () => {
    const excluded = collectIntervalResults(tracedDay().series, 500, { abandons: "exclude", ignoreAbandonsUnderSeconds: 0 });
    expect(excluded.serviceLevel).toEqual([2 / 3, 1]);
  });
});
