import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shiftPlan } from "./shiftPlan.ts";

describe("shiftPlan", () => {
  it("shiftPlan(requirement, 3600, 4) covers a block with shifts starting at its first short interval, wrapping past the end", () => {
    const plan = shiftPlan([0, 2, 2, 2, 2, 0, 0, 1], 3600, 4, 20);
    expect(plan.shifts).toEqual([
      { startSeconds: 3600, endSeconds: 5 * 3600, agents: 2 },
      { startSeconds: 7 * 3600, endSeconds: 11 * 3600, agents: 1 },
    ]);
    expect(plan.coverage).toEqual([1, 3, 3, 2, 2, 0, 0, 1]);
    expect(plan.agentHours).toBe(12);
    expect(plan.cost).toBe(240);
    expect(plan.excessAgentHours).toBe(3);
  });

  it("shiftPlan(...) covers every interval's requirement, and pays whole shifts (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 24, maxLength: 96 }), fc.integer({ min: 1, max: 12 }), (requirement, hours) => {
        const intervalSeconds = 86400 / requirement.length;
        if (!Number.isInteger((hours * 3600) / intervalSeconds)) return;
        const plan = shiftPlan(requirement, intervalSeconds, hours, 25);
        requirement.forEach((needed, i) => {
          expect(plan.coverage[i]).toBeGreaterThanOrEqual(needed);
        });
        const shifts = plan.shifts.reduce((sum, shift) => sum + shift.agents, 0);
        expect(plan.agentHours).toBeCloseTo(shifts * hours, 9);
        expect(plan.cost).toBeCloseTo(plan.agentHours * 25, 9);
        expect(plan.excessAgentHours).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it("shiftPlan(...) needs no more shifts than the peak requirement times the day ÷ shift length, rounded up", () => {
    const requirement = [3, 3, 5, 8, 8, 8, 6, 4, 4, 6, 7, 7, 5, 3, 2, 2, 1, 1, 1, 1, 1, 2, 2, 3];
    const plan = shiftPlan(requirement, 3600, 8, 20);
    const shifts = plan.shifts.reduce((sum, shift) => sum + shift.agents, 0);
    expect(shifts).toBeLessThanOrEqual(8 * 3);
    expect(plan.agentHours).toBeGreaterThanOrEqual(requirement.reduce((sum, value) => sum + value, 0));
  });

  it("shiftPlan(..., 1.25 hours) with 30-minute intervals throws a house-format error", () => {
    expect(() => shiftPlan([1, 1], 1800, 1.25, 20)).toThrow(/^invalid shift hours: 1.25 \(must be a whole number of 30-minute intervals\)$/);
  });
});
