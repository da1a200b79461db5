import { describe, expect, it } from "vitest";
import { createFormatter } from "../../experiments/format/index.ts";
import { optimalShiftPlan, resolveShiftRules } from "../../experiments/staffing/index.ts";
import { shiftSchedulingSummary } from "./shiftSchedulingSummary.ts";

// One agent 06:00-16:00 with 4 h or 6 h shifts: a 6 h and a 4 h shift, 10 paid hours (solved by hand).
const REQUIREMENT = Array.from({ length: 24 }, (_, hour) => (hour >= 6 && hour < 16 ? 1 : 0));

describe("shiftSchedulingSummary", () => {
  it("a proven plan says so; a plan the time limit stopped says it is the best found and gives its gap", async () => {
    const plan = await optimalShiftPlan(REQUIREMENT, resolveShiftRules({ lengthsHours: [4, 6] }, 3600), 20);
    const proven = shiftSchedulingSummary({ plan, roster: null }, 1, createFormatter({ currency: "USD" }));
    expect(proven[0]).toMatch(/^optimal shift plan \(MILP, objective cost, proven optimal, \d+\.\d s\):$/);
    expect(proven.find((line) => line.includes("paid agent-hours"))).toMatch(/^ {2}10 paid agent-hours \(\$200(\.00)?\) · 0 above the requirement$/);
    const stopped = shiftSchedulingSummary({ plan: { ...plan, status: "timeLimit", gap: 0.034 }, roster: null }, 1, createFormatter({ currency: "USD" }));
    expect(stopped[0]).toMatch(/^optimal shift plan \(MILP, objective cost, time limit reached: best plan found, within 3\.4% of the optimum, \d+\.\d s\):$/);
  });
});
