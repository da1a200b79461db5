import { describe, expect, it } from "vitest";
import { requiredAgents } from "../../sim/analytic/index.ts";
import { agentsOnline } from "../../sim/model/index.ts";
import { onlineForScheduled, scheduledForOnline } from "./scheduledForOnline.ts";

describe("scheduledForOnline", () => {
  it("scheduledForOnline(online, shrinkage) is the fewest scheduled agents with that many online", () => {
    for (const shrinkage of [0, 0.1, 0.25, 0.3, 0.35, 0.5]) {
      for (let online = 0; online <= 60; online++) {
        const scheduled = scheduledForOnline(online, shrinkage);
        expect(agentsOnline(scheduled, shrinkage)).toBeGreaterThanOrEqual(online);
        if (scheduled > 0) expect(agentsOnline(scheduled - 1, shrinkage)).toBeLessThan(online);
      }
    }
  });

  it("scheduledForOnline(...) agrees with requiredAgents' agentsScheduled", () => {
    for (const shrinkage of [0, 0.2, 0.3]) {
      for (const chatsPerHour of [5, 40, 130, 400]) {
        const answer = requiredAgents({
          arrivalRatePerSecond: chatsPerHour / 3600,
          meanServiceSeconds: 300,
          shrinkage,
          target: { serviceLevel: 0.8, targetSeconds: 30 },
        });
        expect(scheduledForOnline(answer.agentsOnline, shrinkage)).toBe(answer.agentsScheduled);
      }
    }
  });

  it("scheduledForOnline(online <= 0, ...) needs nobody scheduled", () => {
    expect(scheduledForOnline(0, 0.3)).toBe(0);
    expect(scheduledForOnline(-3, 0.3)).toBe(0);
    expect(scheduledForOnline(-1, 0)).toBe(0);
  });

  it("onlineForScheduled(scheduled, shrinkage, method): the expected scheduled × (1 − s) under absence, its floor under floor", () => {
    // 10 scheduled at 25% shrinkage: 7.5 expected online with random absence, 7 by the floor method.
    expect(onlineForScheduled(10, 0.25, "absence")).toBe(7.5);
    expect(onlineForScheduled(10, 0.25, "floor")).toBe(7);
    expect(onlineForScheduled(2, 0.5, "absence")).toBe(1);
    expect(onlineForScheduled(3, 0.5, "floor")).toBe(1);
    // scheduledForOnline's answer puts at least `online` online either way.
    for (const shrinkage of [0.1, 0.25, 0.3]) {
      for (let online = 1; online <= 30; online++) {
        const scheduled = scheduledForOnline(online, shrinkage);
        expect(onlineForScheduled(scheduled, shrinkage, "floor")).toBeGreaterThanOrEqual(online);
        expect(onlineForScheduled(scheduled, shrinkage, "absence")).toBeGreaterThanOrEqual(online - 1e-9);
      }
    }
  });
});
