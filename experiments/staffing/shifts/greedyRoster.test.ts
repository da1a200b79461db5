import { describe, expect, it } from "vitest";
import { greedyRoster } from "./greedyRoster.ts";
import { resolveRoster } from "./rosterInput.ts";

const HOUR = 3600;
const early = { startSeconds: 6 * HOUR, endSeconds: 14 * HOUR, breakStartSeconds: null, breakEndSeconds: null, paidHours: 8 };
const late = { startSeconds: 16 * HOUR, endSeconds: 24 * HOUR, breakStartSeconds: null, breakEndSeconds: null, paidHours: 8 };

describe("greedyRoster", () => {
  it("greedyRoster gives every shift to an allowed agent and keeps every rule", () => {
    const team = resolveRoster({
      rules: { maxShiftsPerWeek: 5, maxConsecutiveDays: 4, minRestHours: 11 },
      agents: ["Ana", "Ben", "Cho", "Dev"].map((name) => ({ name, unavailable: name === "Ana" ? ["mon" as const] : [] })),
    });
    const demand = Array.from({ length: 7 }, () => [1, 1]);
    const start = greedyRoster([early, late], demand, team);
    const worked = team.agents.map((_, a) => Array.from({ length: 7 }, (_, d) => [0, 1].find((k) => start.get(`y${a}_${d}_${k}`) === 1) ?? null));
    // Every shift staffed exactly once.
    for (let d = 0; d < 7; d++) for (const k of [0, 1]) expect(worked.filter((days) => days[d] === k)).toHaveLength(1);
    expect([...start.keys()].some((name) => name.startsWith("unstaffed"))).toBe(false);
    worked.forEach((days, a) => {
      expect(days.filter((k) => k !== null).length).toBeLessThanOrEqual(5);
      if (a === 0) expect(days[0]).toBeNull();
      for (let d = 0; d < 7; d++) {
        // At most 4 consecutive days, the week wrapping; no late shift followed by an early one.
        expect(Array.from({ length: 5 }, (_, j) => days[(d + j) % 7]).every((k) => k !== null)).toBe(false);
        if (days[d] === 1) expect(days[(d + 1) % 7]).not.toBe(0);
      }
    });
  });

  it("greedyRoster counts the shifts no agent may take as unstaffed", () => {
    const team = resolveRoster({ agents: [{ name: "Ana", maxShiftsPerWeek: 3 }] });
    const start = greedyRoster(
      [early],
      Array.from({ length: 7 }, () => [1]),
      team,
    );
    const unstaffed = [...start].filter(([name]) => name.startsWith("unstaffed")).reduce((sum, [, count]) => sum + count, 0);
    expect(unstaffed).toBe(4);
  });
});
