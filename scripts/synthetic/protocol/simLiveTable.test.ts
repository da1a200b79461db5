import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../../experiments/stats/index.ts";
import { erlangA } from "../../../sim/analytic/index.ts";
import type { StoreEvent } from "../../store/index.ts";
import type { PersonaPrediction } from "./predictProtocolRun.ts";
import { simLiveTable, WAITED_METRIC } from "./simLiveTable.ts";

const STEPS = ["pay"];
const DESK = { servers: 2, meanPatienceSeconds: 3, meanChatSeconds: 2 };
const prediction = (reachPay: number, invitations: number): PersonaPrediction => ({
  reach: { cart: 1, pay: reachPay, order: reachPay * 0.5 },
  leave: { cart: 1 - reachPay, pay: reachPay * 0.5 },
  invitations,
  acceptProbability: 0.4,
});

/**
 * Ten sessions a second apart: all add to cart, `paying` reach the step, `ordering` of those order;
 * session 0 is invited and chats (served after 2 s), session 1 invited and abandons the queue, each
 * asking 0.5 s after its start.
 */
function events(paying: number, ordering: number): StoreEvent[] {
  const list: any[] = [];
  for (let index = 0; index < 10; index++) {
    const sessionId = `s${index}`;
    list.push({ type: "sessionStarted", sessionId, atMs: index * 1000 }, { type: "addToCart", sessionId, atMs: index * 1000, productId: "a", quantity: 1 });
    if (index < paying) list.push({ type: "checkoutStep", sessionId, atMs: index, step: "pay", checkoutId: "c" });
    if (index < ordering) list.push({ type: "orderPlaced", sessionId, atMs: index, orderId: `o${index}` });
  }
  list.push(
    { type: "chatOffered", sessionId: "s0", atMs: 1 },
    { type: "chatAccepted", sessionId: "s0", atMs: 2 },
    { type: "chatRequested", sessionId: "s0", chatId: "c0", atMs: 500 },
    { type: "chatStarted", sessionId: "s0", chatId: "c0", atMs: 3, waitSeconds: 2 },
    { type: "chatEnded", sessionId: "s0", chatId: "c0", atMs: 4, endedBy: "shopper", handleSeconds: 4 },
    { type: "chatOffered", sessionId: "s1", atMs: 1 },
    { type: "chatAccepted", sessionId: "s1", atMs: 2 },
    { type: "chatRequested", sessionId: "s1", chatId: "c1", atMs: 1500 },
    { type: "queueAbandoned", sessionId: "s1", chatId: "c1", atMs: 3, waitSeconds: 1 },
  );
  return list as StoreEvent[];
}

describe("simLiveTable", () => {
  it("simLiveTable counts the store's funnel and chats and judges each row by its Wilson interval at the Bonferroni level", () => {
    const rows = simLiveTable(
      Array.from({ length: 10 }, (_, index) => prediction(0.6, index < 2 ? 1 : 0)),
      events(6, 3),
      STEPS,
      DESK,
    );
    const row = (metric: string) => rows.find((candidate) => candidate.metric === metric)!;
    const compared = rows.filter((candidate) => candidate.agree !== null).length;
    expect(compared).toBe(10);
    const level = 1 - 0.05 / compared;
    expect(row("reached pay")).toMatchObject({ successes: 6, trials: 10, observed: 0.6, agree: true, lower: wilsonInterval(6, 10, level).lower });
    expect(row("reached pay").predicted).toBeCloseTo(0.6, 12);
    expect(row("ordered")).toMatchObject({ successes: 3, trials: 10 });
    expect(row("ordered").predicted).toBeCloseTo(0.3, 12);
    expect(row("left at pay")).toMatchObject({ successes: 3, trials: 6, agree: true });
    expect(row("left at pay").predicted).toBeCloseTo(0.5, 12);
    expect(row("invited (of sessions)")).toMatchObject({ predicted: 0.2, successes: 2, trials: 10, agree: true });
    expect(row("accepted (of invited sessions)")).toMatchObject({ successes: 2, trials: 2 });
    expect(row("accepted (of invited sessions)").predicted).toBeCloseTo(0.4, 12);
    // Erlang A with 2 chats in the steady window (0.5 s warm-up after the first start, to the last start at 9 s), the
    // served chat's 4 s handle time, patience 3 s, 2 servers; "waited" is everything not served within 0.05 s.
    const queue = erlangA({ arrivalRatePerSecond: 2 / 8.5, meanServiceSeconds: 4, meanPatienceSeconds: 3, servers: 2, targetSeconds: 0.05 });
    expect(row("abandoned the queue (of chats)")).toMatchObject({ predicted: queue.probabilityOfAbandon, successes: 1, trials: 2 });
    expect(row(WAITED_METRIC)).toMatchObject({ predicted: 1 - queue.serviceLevel, successes: 2, trials: 2 });
    expect(WAITED_METRIC).toBe("not served within 0.05 s (of chats)");
    expect(row("mean wait, s")).toMatchObject({ predicted: queue.meanWaitSeconds, observed: 1.5, trials: 2 });
  });

  it("simLiveTable disagrees when the store's record is far from the prediction, and says nothing about rows with no data", () => {
    // Predicted: everyone reaches the step; the store saw nobody there.
    const rows = simLiveTable(
      Array.from({ length: 10 }, () => prediction(1, 0)),
      events(0, 0).filter((event) => !event.type.startsWith("chat") && event.type !== "queueAbandoned"),
      STEPS,
      DESK,
    );
    expect(rows.find((row) => row.metric === "reached pay")).toMatchObject({ successes: 0, trials: 10, agree: false });
    expect(rows.find((row) => row.metric === "accepted (of invited sessions)")).toMatchObject({ trials: 0, observed: null, agree: null });
    expect(rows.find((row) => row.metric === "mean wait, s")).toMatchObject({ trials: 0, observed: null, agree: null });
  });
});
