import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { holdoutLift } from "./holdoutLift.ts";
import { type ChatCounts, emptyChatCounts } from "./observedChat.ts";

const counts = (values: Partial<ChatCounts>): ChatCounts => ({ ...emptyChatCounts(), ...values });

describe("holdoutLift", () => {
  it("holdoutLift(100,000 sessions, 2,360 orders; holdout 10,000 with 200; 1,350 chats) is (2.4% − 2%) ÷ 1.5% = 26.67 points", () => {
    const lift = holdoutLift(
      counts({ sessions: 100_000, orders: 2360, holdoutSessions: 10_000, holdoutOrders: 200, sessionsWithChat: 1350, ordersWithChat: 675 }),
    )!;
    expect(lift.offeredRate).toBeCloseTo(0.024, 12);
    expect(lift.holdoutRate).toBeCloseTo(0.02, 12);
    expect(lift.perSessionPoints).toBeCloseTo(0.4, 10);
    expect(lift.chatShare).toBeCloseTo(0.015, 12);
    expect(lift.points).toBeCloseTo(26.6667, 3);
    expect(lift.upper - lift.points).toBeCloseTo(lift.points - lift.lower, 10);
  });

  it("holdoutLift is null without holdout rows, with an empty holdout or without chats", () => {
    expect(holdoutLift(counts({ sessions: 1000, orders: 20, sessionsWithChat: 10, ordersWithChat: 3 }))).toBeNull();
    expect(holdoutLift(counts({ sessions: 1000, orders: 20, holdoutSessions: 0, holdoutOrders: 0, sessionsWithChat: 10, ordersWithChat: 3 }))).toBeNull();
    expect(holdoutLift(counts({ sessions: 1000, orders: 20, holdoutSessions: 100, holdoutOrders: 2, sessionsWithChat: 0, ordersWithChat: 0 }))).toBeNull();
  });

  it("over 1,000 simulated stores with a known effect, the standard error matches the estimates' spread (±10%) and the 95% interval covers the truth 95% ± 2.1% of the time", () => {
    // Offered sessions chat with probability 0.08; chatters buy with 0.30 (0.10 without chat: effect
    // 20 points), the others with 0.05; the holdout buys at 0.08 × 0.10 + 0.92 × 0.05.
    const random = seedrandom("holdout-lift");
    const [offered, held, chatShare, withChat, withoutChat, others] = [15_000, 5_000, 0.08, 0.3, 0.1, 0.05];
    const trueLift = (withChat - withoutChat) * 100;
    const estimates: number[] = [];
    const errors: number[] = [];
    let covered = 0;
    for (let store = 0; store < 1000; store++) {
      let [orders, chats, chatOrders, holdoutOrders] = [0, 0, 0, 0];
      for (let i = 0; i < offered; i++) {
        const chats_ = random() < chatShare;
        const ordered = random() < (chats_ ? withChat : others);
        if (chats_) chats++;
        if (ordered) orders++;
        if (chats_ && ordered) chatOrders++;
      }
      for (let i = 0; i < held; i++) {
        const wouldChat = random() < chatShare;
        if (random() < (wouldChat ? withoutChat : others)) holdoutOrders++;
      }
      const lift = holdoutLift(
        counts({
          sessions: offered + held,
          orders: orders + holdoutOrders,
          holdoutSessions: held,
          holdoutOrders,
          sessionsWithChat: chats,
          ordersWithChat: chatOrders,
        }),
      )!;
      estimates.push(lift.points);
      errors.push(lift.standardErrorPoints);
      if (lift.lower <= trueLift && trueLift <= lift.upper) covered++;
    }
    const mean = estimates.reduce((sum, value) => sum + value, 0) / estimates.length;
    const spread = Math.sqrt(estimates.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (estimates.length - 1));
    const meanError = errors.reduce((sum, value) => sum + value, 0) / errors.length;
    expect(Math.abs(meanError / spread - 1)).toBeLessThan(0.1);
    // Binomial standard error of the coverage over 1,000 stores: 0.0069; three of them.
    expect(Math.abs(covered / 1000 - 0.95)).toBeLessThan(0.021);
    expect(Math.abs(mean - trueLift)).toBeLessThan(4 * (spread / Math.sqrt(1000)));
  });
});
