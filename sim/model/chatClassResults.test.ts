import { describe, expect, it } from "vitest";
import { collectClassResults, emptyClassCounts } from "./chatClassResults.ts";

// The per-class figures from hand-made counts: each ratio is worked out here from the counts, so the
// test pins which count divides which, and which class the store's rescues are credited to.
const reservation = { slots: 2, minCartValue: null, segments: ["vip"] };

describe("collectClassResults", () => {
  // High-value: 10 requests, 1 blocked, 4 waited, 8 served, 1 abandoned; waits 90 s in all (60 s of
  // them the served chats'), 6 answered within target. Standard: 20 requests, 5 blocked, 12 waited,
  // 10 served, 5 abandoned; waits 600 s (400 s the served'), 4 within target.
  const high = { requests: 10, blocked: 1, delayed: 4, served: 8, abandoned: 1, waitSeconds: 90, waitSecondsOfServed: 60, answeredWithinTarget: 6 };
  const standard = { requests: 20, blocked: 5, delayed: 12, served: 10, abandoned: 5, waitSeconds: 600, waitSecondsOfServed: 400, answeredWithinTarget: 4 };

  it("each class's shares divide by its requests; mean waits by the chats that waited to an end", () => {
    const figures = collectClassResults(reservation, [high, standard], null);
    expect(figures.reservation).toBe(reservation);
    expect(figures.highValue).toEqual({
      requests: 10,
      blocked: 1,
      served: 8,
      abandoned: 1,
      probabilityOfWait: 4 / 10,
      blockingRate: 1 / 10,
      queueAbandonmentRate: 1 / 10,
      // 90 s over the 8 served + 1 abandoned; 60 s over the 8 served.
      meanWaitSeconds: 90 / 9,
      meanWaitOfServedSeconds: 60 / 8,
      serviceLevel: 6 / 10,
      rescuedOrders: null,
      rescuedRevenue: null,
    });
    expect(figures.standard).toEqual({
      requests: 20,
      blocked: 5,
      served: 10,
      abandoned: 5,
      probabilityOfWait: 12 / 20,
      blockingRate: 5 / 20,
      queueAbandonmentRate: 5 / 20,
      meanWaitSeconds: 600 / 15,
      meanWaitOfServedSeconds: 400 / 10,
      serviceLevel: 4 / 20,
      rescuedOrders: null,
      rescuedRevenue: null,
    });
  });

  it("the store's rescues go to their own class: [0] high-value, [1] standard", () => {
    const figures = collectClassResults(
      reservation,
      [high, standard],
      [
        { orders: 3, revenue: 240 },
        { orders: 1, revenue: 55 },
      ],
    );
    expect([figures.highValue.rescuedOrders, figures.highValue.rescuedRevenue]).toEqual([3, 240]);
    expect([figures.standard.rescuedOrders, figures.standard.rescuedRevenue]).toEqual([1, 55]);
  });

  it("a class without requests has no ratios at all (null, not 0 or NaN)", () => {
    const figures = collectClassResults(reservation, [emptyClassCounts(), emptyClassCounts()], null);
    expect(figures.highValue).toEqual({
      requests: 0,
      blocked: 0,
      served: 0,
      abandoned: 0,
      probabilityOfWait: null,
      blockingRate: null,
      queueAbandonmentRate: null,
      meanWaitSeconds: null,
      meanWaitOfServedSeconds: null,
      serviceLevel: null,
      rescuedOrders: null,
      rescuedRevenue: null,
    });
  });
});
