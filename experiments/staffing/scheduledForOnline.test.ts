import { describe, expect, it } from "vitest";
import { requiredAgents } from "../../sim/analytic/index.ts";
import { agentsOnline } from "../../sim/model/index.ts";
import { scheduledForOnline } from "./scheduledForOnline.ts";

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
});
