import { describe, expect, it } from "vitest";
import { agentsOnline, drawAgentsOnline } from "./agentsOnline.ts";

describe("agentsOnline", () => {
  it("agentsOnline(scheduled, shrinkage) is ⌊scheduled × (1 − shrinkage)⌋, exact products not lost to rounding", () => {
    expect(agentsOnline(10, 0.3)).toBe(7);
    // 5 × (1 − 0.8) = 0.9999999999999998 in doubles: the 1e-9 tolerance keeps it 1.
    expect(5 * (1 - 0.8)).toBeLessThan(1);
    expect(agentsOnline(5, 0.8)).toBe(1);
    expect(agentsOnline(20, 0.8)).toBe(4);
    expect(agentsOnline(4, 0.25)).toBe(3);
    expect(agentsOnline(1, 0.25)).toBe(0);
    expect(agentsOnline(5, 0)).toBe(5);
    expect(agentsOnline(0, 0.2)).toBe(0);
    expect(agentsOnline(7, 0.5)).toBe(3);
  });

  it("drawAgentsOnline counts the agents whose absence draw is at or above the shrinkage; without a source it floors", () => {
    const draws = (values: number[]) => {
      let index = 0;
      return { next: () => values[index++] };
    };
    expect(drawAgentsOnline(draws([0.1, 0.25, 0.9, 0.24]), 4, 0.25)).toBe(2);
    expect(drawAgentsOnline(draws([0.5, 0.5, 0.5]), 3, 0)).toBe(3);
    // Exactly one draw per scheduled agent: the fourth value is left for the next interval.
    const source = draws([0.5, 0.5, 0.5, 0.75]);
    expect(drawAgentsOnline(source, 3, 0.25)).toBe(3);
    expect(source.next()).toBe(0.75);
    expect(drawAgentsOnline(draws([]), 0, 0.3)).toBe(0);
    expect(drawAgentsOnline(null, 10, 0.3)).toBe(7);
    expect(drawAgentsOnline(null, 4, 0.25)).toBe(3);
  });
});
