// optimalShiftPlan's property tests: against a brute-force search and the greedy cover. Kept apart
// from the hand-solved cases (optimalShiftPlan.test.ts) because each random case solves an integer
// program (about 1 s under load), so the mutation run can use the hand-solved file alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shiftPlan } from "../shiftPlan.ts";
import { optimalShiftPlan } from "./optimalShiftPlan.ts";
import { resolveShiftRules } from "./shiftRules.ts";

const HOUR = 3600;

describe("optimalShiftPlan properties", () => {
  it("optimalShiftPlan equals a brute-force search over every plan on small random cases", async () => {
    // Independent check: four start times, lengths 3 h and 5 h, at most 2 agents per shift (3^8 plans),
    // coverage computed here from scratch (wrapping past midnight, as the plan repeats).
    const starts = [0, 6, 12, 18];
    const lengths = [3, 5];
    const kinds = starts.flatMap((start) => lengths.map((length) => ({ start, length })));
    const bruteForce = (requirement: number[]) => {
      let best = Number.POSITIVE_INFINITY;
      for (let code = 0; code < 3 ** kinds.length; code++) {
        const coverage = new Array<number>(24).fill(0);
        let hours = 0;
        let rest = code;
        for (const kind of kinds) {
          const agents = rest % 3;
          rest = Math.floor(rest / 3);
          hours += agents * kind.length;
          for (let k = 0; k < kind.length; k++) coverage[(kind.start + k) % 24]! += agents;
        }
        if (hours < best && coverage.every((agents, hour) => agents >= requirement[hour]!)) best = hours;
      }
      return best;
    };
    const rules = resolveShiftRules({ lengthsHours: lengths, startTimes: starts.map((hour) => `${String(hour).padStart(2, "0")}:00`) }, HOUR);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 24, maxLength: 24 }), async (requirement) => {
        const expected = bruteForce(requirement);
        fc.pre(Number.isFinite(expected));
        const plan = await optimalShiftPlan(requirement, rules, 1);
        expect(plan.paidAgentHours).toBe(expected);
      }),
      { numRuns: 10, seed: 20261202 },
    );
  });

  it("optimalShiftPlan never costs more than the greedy cover of the same single length", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 48, maxLength: 48 }), fc.constantFrom(3, 4, 6, 8), async (requirement, hours) => {
        const plan = await optimalShiftPlan(requirement, resolveShiftRules({ lengthsHours: [hours] }, 1800), 1);
        expect(plan.paidAgentHours).toBeLessThanOrEqual(shiftPlan(requirement, 1800, hours, 1).agentHours);
        plan.coverage.forEach((agents, i) => {
          expect(agents).toBeGreaterThanOrEqual(requirement[i]!);
        });
      }),
      { numRuns: 8, seed: 7 },
    );
  });
});
